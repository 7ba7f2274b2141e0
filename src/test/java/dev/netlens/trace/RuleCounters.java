package dev.netlens.trace;

import dev.netlens.firewall.Chain;
import dev.netlens.firewall.Counters;
import dev.netlens.firewall.FirewallRuleset;
import dev.netlens.firewall.IptablesParser;
import dev.netlens.firewall.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One namespace's IPv4 rules with their packet counters ({@code iptables-save -c}), read with the
 * firewall package's parser, to see which rules real packets hit between two reads.
 */
record RuleCounters(FirewallRuleset rules) {
    private static final Pattern COUNTER_PREFIX = Pattern.compile("^\\[\\d+:\\d+\\]\\s+");

    /** @param netns a named network namespace, or null for this one (engine 1's) */
    static RuleCounters read(String netns) {
        return new RuleCounters(IptablesParser.parse(LabCommands.must(LabCommands.inNetns(netns, "iptables-save", "-c")), "ip", "filter"));
    }

    /** A rule (or, for index 0, a chain's policy) whose packet counter rose from {@code before} to this read. */
    record Hit(String table, String chain, int index, String rule, long packets) {
        /** A rule whose target drops or rejects, or a DROP policy. */
        boolean drops() {
            return rule.matches(".*\\s-j\\s+(DROP|REJECT)(\\s.*)?") || index == 0 && rule.endsWith(" DROP");
        }

        @Override
        public String toString() {
            return table + " " + chain + " #" + index + " (+" + packets + "): " + rule;
        }
    }

    List<Hit> rose(RuleCounters before) {
        List<Hit> hits = new ArrayList<>();
        rules.chains().forEach(chain -> {
            Chain old = chainIn(before.rules, chain.table(), chain.name());
            if (old == null) {
                return;
            }
            long policy = packets(chain.counters()) - packets(old.counters());
            if (chain.policy() != null && policy > 0) {
                hits.add(new Hit(chain.table(), chain.name(), 0, "-P " + chain.name() + " " + chain.policy(), policy));
            }
            for (Rule r : chain.rules()) {
                Rule was = sameRule(old, r.position(), text(r.raw()));
                long delta = was == null ? 0 : packets(r.counters()) - packets(was.counters());
                if (delta > 0) {
                    hits.add(new Hit(chain.table(), chain.name(), r.position(), text(r.raw()), delta));
                }
            }
        });
        return hits;
    }

    /**
     * Whether the rule a trace named rose: found by table, chain and position, and checked by its text
     * (another user of this engine may have added rules since, which moves positions; then by text).
     */
    static boolean rose(List<Hit> hits, RuleRef ref) {
        return rose(hits, ref.table(), ref.chain(), ref.index(), ref.rule());
    }

    /** @param index the rule's position, 0 for the chain's policy */
    static boolean rose(List<Hit> hits, String table, String chain, int index, String rule) {
        String wanted = index == 0 ? null : text(rule);
        for (Hit h : hits) {
            if (!h.table().equals(table) || !h.chain().equals(chain)) {
                continue;
            }
            if (index == 0 ? h.index() == 0 : h.index() != 0 && h.rule().equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** The rule as iptables-save prints it, without the {@code [packets:bytes]} prefix. */
    static String text(String raw) {
        return raw == null ? null : COUNTER_PREFIX.matcher(raw.strip()).replaceFirst("");
    }

    private static Rule sameRule(Chain old, int position, String text) {
        if (position <= old.rules().size() && text.equals(text(old.rules().get(position - 1).raw()))) {
            return old.rules().get(position - 1);
        }
        return old.rules().stream().filter(r -> text.equals(text(r.raw()))).findFirst().orElse(null);
    }

    private static Chain chainIn(FirewallRuleset set, String table, String chain) {
        return set.chains().filter(c -> c.table().equals(table) && c.name().equals(chain)).findFirst().orElse(null);
    }

    private static long packets(Counters c) {
        return Objects.requireNonNullElse(c, new Counters(0, 0)).packets();
    }
}
