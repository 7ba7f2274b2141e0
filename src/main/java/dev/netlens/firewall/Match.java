package dev.netlens.firewall;

import java.util.List;
import java.util.Map;

/**
 * One condition of a rule, as written: {@code ! -i docker0}, {@code --ctstate RELATED,ESTABLISHED},
 * {@code --match-set docker-ext-bridges-v4 dst}. The {@code -m NAME} that loads a module is itself
 * kept as a match so a rule can be printed back as it was.
 *
 * @param module the {@code -m} module in force when the option appeared (null for the basic options)
 * @param option the option as written, e.g. {@code -i} or {@code --in-interface}
 * @param values the option's arguments (quotes removed, escapes resolved); empty for flags
 * @param negated whether {@code !} preceded the option (or, in the old form, its value)
 */
public record Match(String module, String option, List<String> values, boolean negated) {
    /** Long spellings mapped to the short ones, so callers test one name. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("--in-interface", "-i"), Map.entry("--out-interface", "-o"),
            Map.entry("--source", "-s"), Map.entry("--src", "-s"),
            Map.entry("--destination", "-d"), Map.entry("--dst", "-d"),
            Map.entry("--protocol", "-p"), Map.entry("--match", "-m"),
            Map.entry("--destination-port", "--dport"), Map.entry("--source-port", "--sport"),
            Map.entry("--destination-ports", "--dports"), Map.entry("--source-ports", "--sports"),
            Map.entry("--fragment", "-f"));

    public Match {
        values = List.copyOf(values);
    }

    public static Match of(String module, String option, boolean negated, String... values) {
        return new Match(module, option, List.of(values), negated);
    }

    /** The option in its short, canonical spelling. */
    public String key() {
        return ALIASES.getOrDefault(option, option);
    }

    public boolean is(String canonicalKey) {
        return key().equals(canonicalKey);
    }

    /** First value, or empty text for a flag. */
    public String value() {
        return values.isEmpty() ? "" : values.get(0);
    }

    /** Printed back in iptables syntax (without the module's own {@code -m}). */
    public String render() {
        StringBuilder sb = new StringBuilder();
        if (negated) {
            sb.append("! ");
        }
        sb.append(option);
        for (String v : values) {
            sb.append(' ').append(Tokenizer.quoteIfNeeded(v));
        }
        return sb.toString();
    }
}
