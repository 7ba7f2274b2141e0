package dev.netlens.ui.firewall;

import dev.netlens.firewall.Chain;
import dev.netlens.firewall.Counters;
import dev.netlens.firewall.DockerChains;
import dev.netlens.firewall.Explanation;
import dev.netlens.firewall.FirewallCaptureParser;
import dev.netlens.firewall.FirewallRuleset;
import dev.netlens.firewall.Match;
import dev.netlens.firewall.Rule;
import dev.netlens.firewall.RuleExplainer;
import dev.netlens.firewall.Table;
import dev.netlens.firewall.Target;
import dev.netlens.snapshot.FirewallCapture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One host's firewall, read and explained once (off the FX thread): tables and chains in Docker-first
 * order, each rule printed and explained in both languages, so a language switch only picks the
 * other text.
 */
record FirewallModel(FirewallRuleset ruleset, List<TableModel> tables, Map<String, Rule> rulesById, int ruleCount) {
    record TableModel(Table table, List<ChainModel> chains) {
    }

    record ChainModel(Chain chain, boolean docker, Explanation policy, List<RuleModel> rules) {
    }

    record RuleModel(Rule rule, String text, Explanation explanation) {
    }

    static FirewallModel read(FirewallCapture capture) {
        FirewallRuleset ruleset = FirewallCaptureParser.read(capture);
        DockerChains docker = DockerChains.of(ruleset);
        List<TableModel> tables = new ArrayList<>();
        Map<String, Rule> byId = new LinkedHashMap<>();
        for (Table t : docker.orderedTables()) {
            List<ChainModel> chains = new ArrayList<>();
            for (Chain c : docker.orderedChains(t)) {
                List<RuleModel> rules = new ArrayList<>();
                for (Rule r : c.rules()) {
                    rules.add(new RuleModel(r, text(r), RuleExplainer.explain(r, c)));
                    byId.put(r.id(), r);
                }
                chains.add(new ChainModel(c, docker.isDockerChain(c), RuleExplainer.explainPolicy(c), rules));
            }
            tables.add(new TableModel(t, chains));
        }
        return new FirewallModel(ruleset, tables, byId, byId.size());
    }

    /**
     * The rule as conditions, an arrow, and the target: {@code ! -i docker0 -p tcp --dport 8080 →
     * DNAT --to-destination 172.17.0.2:80}. Module loads ({@code -m tcp}) and the comment are left
     * out: the first adds nothing to read, the second is in the explanation.
     */
    static String text(Rule r) {
        Target t = r.target();
        if (t.name().equals(Target.VMAP)) {
            return r.raw();
        }
        String conditions = r.matches().stream().filter(m -> !m.is("-m") && !m.is("--comment"))
                .map(Match::render).collect(Collectors.joining(" "));
        String target = t.isNone() ? "counter" : (t.goTo() ? "goto " : "") + t.name()
                + (t.args().isEmpty() ? "" : " " + String.join(" ", t.args()));
        return (conditions.isEmpty() ? "*" : conditions) + "  →  " + target;
    }

    /** {@code 1,234 pkts · 3.4 KB} in the UI language; empty when the capture had no counters. */
    static String counters(Counters c, dev.netlens.i18n.Texts texts, java.util.Locale l) {
        if (c == null) {
            return "";
        }
        return texts.text(l, "fw.counters", grouped(c.packets()), bytes(c.bytes()));
    }

    /** Thousands grouped, so that a counter's size reads at a glance. */
    static String grouped(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    private static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = b;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
