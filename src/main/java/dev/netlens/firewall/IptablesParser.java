package dev.netlens.firewall;

import dev.netlens.firewall.RulesetBuilder.ChainBuilder;
import dev.netlens.firewall.RulesetBuilder.TableBuilder;
import dev.netlens.firewall.Tokenizer.Token;
import dev.netlens.firewall.Tokenizer.TokenizeException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code iptables-save} / {@code ip6tables-save} output, and the {@code iptables -S} form
 * ({@code -P}, {@code -N}, {@code -A} lines without {@code *table}/{@code COMMIT}). Takes any text:
 * a line it cannot read becomes a {@link ParseProblem} and the rest is still parsed.
 */
public final class IptablesParser {
    private static final Set<String> BASIC_OPTIONS = Set.of(
            "-i", "--in-interface", "-o", "--out-interface", "-s", "--source", "--src",
            "-d", "--destination", "--dst", "-p", "--protocol", "-f", "--fragment");

    private final RulesetBuilder out = new RulesetBuilder(Table.Source.IPTABLES);
    private final String family;
    private final String defaultTable;
    private TableBuilder current;

    private IptablesParser(String family, String defaultTable) {
        this.family = family;
        this.defaultTable = defaultTable;
    }

    /** IPv4 unless the text says it came from ip6tables-save; unframed rules go to {@code filter}. */
    public static FirewallRuleset parse(String text) {
        String fam = text != null && text.contains("ip6tables-save") ? "ip6" : "ip";
        return parse(text, fam, "filter");
    }

    public static FirewallRuleset parseIpv6(String text) {
        return parse(text, "ip6", "filter");
    }

    /**
     * @param family ip or ip6
     * @param defaultTable the table for lines outside any {@code *table} block (the {@code -S} form)
     */
    public static FirewallRuleset parse(String text, String family, String defaultTable) {
        IptablesParser p = new IptablesParser(family, defaultTable);
        if (text != null) {
            String[] lines = text.split("\r?\n|\r", -1);
            for (int i = 0; i < lines.length; i++) {
                p.line(i + 1, lines[i]);
            }
        }
        return p.out.build();
    }

    private TableBuilder table() {
        if (current == null) {
            current = out.table(family, defaultTable);
        }
        return current;
    }

    private void line(int no, String raw) {
        String line = raw.strip();
        if (line.isEmpty()) {
            return;
        }
        if (line.startsWith("#")) {
            out.notes.add(line);
        } else if (line.startsWith("*")) {
            String name = line.substring(1).strip();
            if (name.isEmpty() || name.contains(" ")) {
                out.problem(no, raw, "a table line needs one name after '*'");
            } else {
                current = out.table(family, name);
            }
        } else if (line.equals("COMMIT")) {
            current = null;
        } else if (line.startsWith(":")) {
            chainDeclaration(no, raw, line);
        } else {
            command(no, raw, line);
        }
    }

    /** {@code :DOCKER - [0:0]} or {@code :FORWARD DROP [12:345]}. */
    private void chainDeclaration(int no, String raw, String line) {
        String[] parts = line.substring(1).split("\\s+");
        if (parts.length < 2 || parts[0].isEmpty()) {
            out.problem(no, raw, "a chain line needs a name and a policy");
            return;
        }
        ChainBuilder c = table().chain(parts[0]);
        c.builtin = !parts[1].equals("-");
        c.policy = c.builtin ? parts[1] : null;
        if (parts.length > 2) {
            c.counters = Counters.parseBracketed(parts[2]);
            if (c.counters == null) {
                out.problem(no, raw, "unreadable counters '" + parts[2] + "'");
            }
        }
    }

    private void command(int no, String raw, String line) {
        List<Token> tokens;
        try {
            tokens = Tokenizer.split(line);
        } catch (TokenizeException e) {
            out.problem(no, raw, e.getMessage());
            return;
        }
        Counters counters = null;
        int start = 0;
        if (line.startsWith("[")) {
            counters = Counters.parseBracketed(tokens.get(0).text());
            if (counters == null) {
                out.problem(no, raw, "unreadable counters '" + tokens.get(0).text() + "'");
                return;
            }
            start = 1;
        }
        if (tokens.size() - start < 2) {
            out.problem(no, raw, "not an iptables rule or chain line");
            return;
        }
        String cmd = tokens.get(start).text();
        String chain = tokens.get(start + 1).text();
        switch (cmd) {
            case "-P", "--policy" -> {
                if (tokens.size() - start < 3) {
                    out.problem(no, raw, "-P needs a chain and a policy");
                    return;
                }
                ChainBuilder c = table().chain(chain);
                c.builtin = true;
                c.policy = tokens.get(start + 2).text();
            }
            case "-N", "--new-chain" -> table().chain(chain);
            case "-A", "--append" -> rule(no, raw, chain, tokens.subList(start + 2, tokens.size()), counters);
            default -> out.problem(no, raw, "unknown command '" + cmd + "'");
        }
    }

    private void rule(int no, String raw, String chainName, List<Token> tokens, Counters prefixCounters) {
        RuleReader r = new RuleReader(tokens);
        String error = r.read();
        if (error != null) {
            out.problem(no, raw, error);
            return;
        }
        TableBuilder t = table();
        if (!t.chains.containsKey(chainName)) {
            boolean builtin = RulesetBuilder.IPTABLES_BUILTIN_CHAINS.contains(chainName);
            if (!builtin) {
                out.problem(no, raw, "chain " + chainName + " was not declared; rule kept");
            }
            t.chain(chainName).builtin = builtin;
        }
        ChainBuilder c = t.chain(chainName);
        Counters counters = prefixCounters != null ? prefixCounters : r.counters;
        c.rules.add(new Rule(family, t.name, chainName, c.rules.size() + 1, no, raw.strip(),
                r.matches, r.target, counters));
    }

    /** Walks the words after {@code -A CHAIN}: options with their values, then the target. */
    private static final class RuleReader {
        private final List<Token> tokens;
        final List<Match> matches = new ArrayList<>();
        Target target = Target.none();
        Counters counters;
        private String module;

        RuleReader(List<Token> tokens) {
            this.tokens = tokens;
        }

        /** @return an error message, or null when the rule was read */
        String read() {
            boolean negate = false;
            int i = 0;
            while (i < tokens.size()) {
                Token t = tokens.get(i);
                if (isBang(t)) {
                    if (negate) {
                        return "'!' twice in a row";
                    }
                    negate = true;
                    i++;
                    continue;
                }
                if (!isOption(t)) {
                    return "unexpected word '" + t.text() + "' where an option was expected";
                }
                String opt = t.text();
                if (opt.equals("-j") || opt.equals("--jump") || opt.equals("-g") || opt.equals("--goto")) {
                    if (negate) {
                        return "'!' cannot negate a target";
                    }
                    if (i + 1 >= tokens.size() || isOption(tokens.get(i + 1))) {
                        return opt + " needs a target name";
                    }
                    List<String> args = tokens.subList(i + 2, tokens.size()).stream().map(Token::text).toList();
                    target = new Target(tokens.get(i + 1).text(), args, opt.startsWith("-g") || opt.equals("--goto"));
                    return null;
                }
                int j = i + 1;
                boolean oldStyleNegation = false;
                if (j + 1 < tokens.size() && isBang(tokens.get(j)) && !isOption(tokens.get(j + 1))) {
                    oldStyleNegation = true; // "-s ! 10.0.0.1": the pre-1.4.3 spelling
                    j++;
                }
                List<String> values = new ArrayList<>();
                while (j < tokens.size() && !isOption(tokens.get(j)) && !isBang(tokens.get(j))) {
                    values.add(tokens.get(j).text());
                    j++;
                }
                boolean neg = negate || oldStyleNegation;
                if (opt.equals("-m") || opt.equals("--match")) {
                    if (values.size() != 1) {
                        return opt + " needs one module name";
                    }
                    module = values.get(0);
                    matches.add(new Match(null, opt, values, neg));
                } else if (opt.equals("-c") || opt.equals("--set-counters")) {
                    counters = counters(values);
                    if (counters == null) {
                        return opt + " needs two numbers";
                    }
                } else if (BASIC_OPTIONS.contains(opt)) {
                    // The built-in options have a fixed arity, which catches stray words early.
                    int want = opt.equals("-f") || opt.equals("--fragment") ? 0 : 1;
                    if (values.size() != want) {
                        return opt + " takes " + want + " value" + (want == 1 ? "" : "s") + ", found " + values;
                    }
                    matches.add(new Match(null, opt, values, neg));
                } else {
                    matches.add(new Match(module, opt, values, neg));
                }
                negate = false;
                i = j;
            }
            return negate ? "'!' at the end of the rule negates nothing" : null;
        }

        private static Counters counters(List<String> values) {
            try {
                return values.size() == 2
                        ? new Counters(Long.parseLong(values.get(0)), Long.parseLong(values.get(1))) : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static boolean isBang(Token t) {
            return !t.quoted() && t.text().equals("!");
        }

        /** An unquoted word starting with '-' that is not a negative number. */
        private static boolean isOption(Token t) {
            String s = t.text();
            return !t.quoted() && s.length() > 1 && s.charAt(0) == '-' && !Character.isDigit(s.charAt(1));
        }
    }
}
