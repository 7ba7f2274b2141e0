package dev.netlens.firewall;

import java.util.List;

/**
 * A chain with its rules.
 *
 * @param policy ACCEPT/DROP for built-in iptables chains and nft base chains; null for user chains
 * @param counters the policy counters iptables-save prints ({@code :FORWARD DROP [0:0]}), or null
 * @param builtin a built-in iptables chain or an nft base chain (one attached to a hook)
 * @param hook the nft hook (prerouting, forward...), or null
 * @param priority the nft base chain priority, or null
 * @param type the nft chain type (filter, nat, route), or null
 */
public record Chain(String family, String table, String name, String policy, Counters counters, boolean builtin,
                    String hook, Integer priority, String type, List<Rule> rules) {
    public Chain {
        rules = List.copyOf(rules);
    }
}
