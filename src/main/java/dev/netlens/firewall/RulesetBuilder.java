package dev.netlens.firewall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Mutable scaffolding both parsers fill in; the records they hand out stay immutable. */
final class RulesetBuilder {
    /** The built-in chains of the iptables tables, recognised when a rule names one undeclared. */
    static final Set<String> IPTABLES_BUILTIN_CHAINS =
            Set.of("INPUT", "FORWARD", "OUTPUT", "PREROUTING", "POSTROUTING");

    static final class ChainBuilder {
        final String name;
        String policy;
        Counters counters;
        boolean builtin;
        String hook;
        Integer priority;
        String type;
        final List<Rule> rules = new ArrayList<>();

        ChainBuilder(String name) {
            this.name = name;
        }
    }

    static final class TableBuilder {
        final String family;
        final String name;
        final Map<String, ChainBuilder> chains = new LinkedHashMap<>();

        TableBuilder(String family, String name) {
            this.family = family;
            this.name = name;
        }

        ChainBuilder chain(String chainName) {
            return chains.computeIfAbsent(chainName, ChainBuilder::new);
        }
    }

    private final Table.Source source;
    private final Map<String, TableBuilder> tables = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
    final List<ParseProblem> problems = new ArrayList<>();
    final List<String> missing = new ArrayList<>();

    RulesetBuilder(Table.Source source) {
        this.source = source;
    }

    TableBuilder table(String family, String name) {
        return tables.computeIfAbsent(family + " " + name, k -> new TableBuilder(family, name));
    }

    void problem(int lineNumber, String line, String message) {
        problems.add(new ParseProblem(lineNumber, line, message));
    }

    FirewallRuleset build() {
        List<Table> out = new ArrayList<>();
        for (TableBuilder t : tables.values()) {
            List<Chain> chains = new ArrayList<>();
            for (ChainBuilder c : t.chains.values()) {
                chains.add(new Chain(t.family, t.name, c.name, c.policy, c.counters, c.builtin,
                        c.hook, c.priority, c.type, c.rules));
            }
            out.add(new Table(t.family, t.name, source, chains));
        }
        return new FirewallRuleset(out, notes, problems, missing);
    }
}
