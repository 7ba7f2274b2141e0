package dev.netlens.firewall;

import java.util.List;
import java.util.stream.Stream;

/**
 * One rule of a chain.
 *
 * @param family ip or ip6 (iptables), or the nft family (ip, ip6, inet, bridge...)
 * @param table filter, nat, mangle, raw, security, or the nft table's name
 * @param chain the chain holding the rule
 * @param position 1-based place in its chain (the order the kernel tries rules in)
 * @param lineNumber 1-based line in the iptables text; for nft, the object's 1-based index
 * @param raw the line as written (iptables) or a readable nft rendering of the expressions
 * @param matches the conditions, in order
 * @param target what the rule does; {@link Target#none()} when nothing
 * @param counters the rule's counters, or null when the capture had none
 */
public record Rule(String family, String table, String chain, int position, int lineNumber, String raw,
                   List<Match> matches, Target target, Counters counters) {
    public Rule {
        matches = List.copyOf(matches);
        if (target == null) {
            target = Target.none();
        }
    }

    /** Matches with this canonical key ({@code -i}, {@code -d}, {@code --dport}...). */
    public Stream<Match> matches(String key) {
        return matches.stream().filter(m -> m.is(key));
    }

    /** The first match with that key, or null. */
    public Match match(String key) {
        return matches(key).findFirst().orElse(null);
    }

    /** The {@code --comment} text (iptables) or nft rule comment, or null. */
    public String comment() {
        Match m = match("--comment");
        return m == null ? null : m.value();
    }

    /** A stable id for linking UI rows to rules across views. */
    public String id() {
        return family + "/" + table + "/" + chain + "#" + position;
    }
}
