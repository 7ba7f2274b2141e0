package dev.netlens.firewall;

import java.util.List;

/**
 * One table: an iptables table (filter, nat, mangle, raw, security) of one family, or an nft table.
 *
 * @param family ip / ip6 for iptables; the nft family for nft tables
 * @param source where it was read from, so tables seen by both tools can be told apart
 */
public record Table(String family, String name, Source source, List<Chain> chains) {
    /** The tool whose output the table came from. */
    public enum Source { IPTABLES, NFT }

    public Table {
        chains = List.copyOf(chains);
    }

    /** The chain with that name, or null. */
    public Chain chain(String name) {
        return chains.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** {@code ip filter}, {@code ip6 docker-bridges}: how nft and the panel name a table. */
    public String label() {
        return family + " " + name;
    }
}
