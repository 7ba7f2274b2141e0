package dev.netlens.firewall;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything read from one host's firewall tools.
 *
 * @param tables the tables, in the order read
 * @param notes comment lines kept as the tool printed them ("# Warning: iptables-legacy tables present")
 * @param problems lines that could not be parsed; everything else was still read
 * @param missing why some part could not be read at all (not root, remote engine, tool absent)
 */
public record FirewallRuleset(List<Table> tables, List<String> notes, List<ParseProblem> problems,
                              List<String> missing) {
    public FirewallRuleset {
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
        problems = List.copyOf(problems);
        missing = List.copyOf(missing);
    }

    public static FirewallRuleset unreadable(String why) {
        return new FirewallRuleset(List.of(), List.of(), List.of(), List.of(why));
    }

    public Stream<Chain> chains() {
        return tables.stream().flatMap(t -> t.chains().stream());
    }

    public Stream<Rule> rules() {
        return chains().flatMap(c -> c.rules().stream());
    }

    /** The table of that family and name, or null. */
    public Table table(String family, String name) {
        return tables.stream().filter(t -> t.family().equals(family) && t.name().equals(name))
                .findFirst().orElse(null);
    }

    /** The chain holding a rule, or null. */
    public Chain chainOf(Rule rule) {
        Table t = table(rule.family(), rule.table());
        return t == null ? null : t.chain(rule.chain());
    }

    /** Several captures (IPv4, IPv6, nft) seen as one. */
    public static FirewallRuleset merge(List<FirewallRuleset> parts) {
        List<Table> tables = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (FirewallRuleset p : parts) {
            tables.addAll(p.tables());
            notes.addAll(p.notes());
            problems.addAll(p.problems());
            missing.addAll(p.missing());
        }
        return new FirewallRuleset(tables, notes, problems, missing);
    }
}
