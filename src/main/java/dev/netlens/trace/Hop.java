package dev.netlens.trace;

import dev.netlens.i18n.Message;

/**
 * One step of a trace. Ids are the topology export's ids, so a hop can be found on the canvas.
 *
 * @param index 1-based, in the order the packet meets them
 * @param host the host id
 * @param namespace the namespace id where it happens, or null
 * @param interfaceId the interface involved (an interface id), or null
 * @param table for netfilter and nat hops, the table; else null
 * @param chain for netfilter and nat hops, the chain; else null
 * @param rule for netfilter and nat hops, the rule that decided (as printed), or the policy; else null
 * @param ruleId the firewall rule's {@link dev.netlens.firewall.Rule#id()}, or null
 * @param action what happened: ACCEPT, DROP, DNAT to 172.18.0.2:80, forward to port vethX, encapsulate VNI 4097...
 * @param note the hop in one plain sentence, rendered in the reader's language
 */
public record Hop(int index, HopKind kind, String host, String namespace, String interfaceId, String table, String chain,
        String rule, String ruleId, String action, Message note) {
}
