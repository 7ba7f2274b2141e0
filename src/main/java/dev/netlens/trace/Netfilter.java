package dev.netlens.trace;

import dev.netlens.firewall.FirewallRuleset;
import java.util.List;
import java.util.Map;

/**
 * Runs a packet through one host's captured rules at one hook: iptables tables in their priority order
 * (raw, mangle, nat, filter, security) and nft base chains by priority, jumps, gotos and returns,
 * until a verdict. NAT chains see only NEW packets. A match it cannot evaluate ends the walk with
 * {@link NetfilterResult.Outcome#UNKNOWN} and the reason, never a guess.
 */
public final class Netfilter {
    private final FirewallRuleset rules;
    private final Map<String, List<String>> sets;

    /**
     * @param sets members of the ipsets and nft sets the rules name, by set name (prefixes and
     *     addresses), where the caller knows them (Docker 27's docker-ext-bridges-v4 holds its bridges' subnets)
     */
    public Netfilter(FirewallRuleset rules, Map<String, List<String>> sets) {
        this.rules = rules;
        this.sets = Map.copyOf(sets);
    }

    public NetfilterResult traverse(Hook hook, Packet packet) {
        throw new UnsupportedOperationException("not yet");
    }
}
