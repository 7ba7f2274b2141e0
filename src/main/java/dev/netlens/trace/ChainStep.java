package dev.netlens.trace;

import dev.netlens.firewall.Rule;

/**
 * One chain the packet went through at a hook, and how it left it.
 *
 * @param rule the rule that matched and sent it on (a jump, a verdict, a NAT target), or null when the
 *     packet fell off the end of the chain (its policy for a built-in chain, a return for a user chain)
 * @param action ACCEPT, DROP, REJECT, RETURN, a chain name for a jump, DNAT to ADDR:PORT, MASQUERADE...
 */
public record ChainStep(String family, String table, String chain, Rule rule, String action) {
}
