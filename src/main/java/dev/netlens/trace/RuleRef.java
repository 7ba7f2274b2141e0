package dev.netlens.trace;

/**
 * A firewall rule named in a trace, as the JSON prints it, with the id the Firewall tab selects by.
 *
 * @param host the host id whose firewall holds it
 * @param table the table (filter, nat, raw..., or an nft table's name)
 * @param chain the chain
 * @param rule the rule as iptables-save or nft prints it; for a chain's policy, {@code -P CHAIN POLICY}
 * @param index its 1-based position in the chain; 0 for the chain's policy
 * @param ruleId {@link dev.netlens.firewall.Rule#id()}, or null for a policy
 */
public record RuleRef(String host, String table, String chain, String rule, int index, String ruleId) {
}
