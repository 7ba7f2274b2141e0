package dev.netlens.trace;

/** Runs a packet through one host's rules at one hook: {@link Netfilter#traverse}, or a stand-in in tests. */
interface HookEvaluator {
    NetfilterResult traverse(Hook hook, Packet packet);
}
