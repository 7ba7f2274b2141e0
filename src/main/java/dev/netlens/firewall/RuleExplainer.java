package dev.netlens.firewall;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * One plain-language line per rule, in English and Korean, from the bundles
 * {@code dev/netlens/firewall/messages*.properties}.
 */
public final class RuleExplainer {
    private static final ResourceBundle EN = Phrase.bundle(Locale.ENGLISH);
    private static final ResourceBundle KO = Phrase.bundle(Locale.KOREAN);

    private RuleExplainer() {
    }

    public static Explanation explain(Rule rule) {
        return explain(rule, null);
    }

    /** With its chain known, a rule placed after the "replies are accepted" rule reads as about new traffic. */
    public static Explanation explain(Rule rule, Chain chain) {
        return both(phrase(rule, chain));
    }

    /** What happens to traffic nothing in the chain decided about. */
    public static Explanation explainPolicy(Chain chain) {
        if (chain.policy() == null) {
            return both(Phrase.of("policy.user", chain.name()));
        }
        return both(switch (chain.policy()) {
            case "ACCEPT" -> Phrase.of("policy.accept", chain.name());
            case "DROP" -> Phrase.of("policy.drop", chain.name());
            default -> Phrase.of("policy.other", chain.name(), chain.policy());
        });
    }

    private static Explanation both(Phrase p) {
        return new Explanation(p.render(EN), p.render(KO));
    }

    static Phrase phrase(Rule rule, Chain chain) {
        Phrase core = core(rule, chain);
        String comment = rule.comment();
        return comment == null ? core : Phrase.of("with.comment", core, comment);
    }

    private static Phrase core(Rule rule, Chain chain) {
        Target t = rule.target();
        if (t.name().equals(Target.VMAP)) {
            return vmap(t);
        }
        Match in = rule.match("-i");
        Match out = rule.match("-o");
        if (t.name().contains("ISOLATION") && in != null && out != null && !in.negated() && out.negated()
                && in.value().equals(out.value())) {
            return Phrase.of("isolation.stage1", in.value(), t.name());
        }
        if (chain != null && chain.name().contains("ISOLATION-STAGE-2") && t.name().equals("DROP")
                && out != null && !out.negated() && in == null) {
            return Phrase.of("isolation.stage2", out.value());
        }
        if (t.name().equals("DNAT") && rule.match("--dport") != null && !rule.match("--dport").negated()
                && t.option("--to-destination") != null) {
            return dnat(rule);
        }
        Subject subject = subject(rule, chain);
        List<Phrase> conds = Conditions.of(rule, subject == Subject.ESTABLISHED, false);
        Phrase action = Actions.of(t, subject == Subject.ESTABLISHED);
        String key = "subject." + subject.name().toLowerCase(Locale.ROOT) + (conds.isEmpty() ? ".none" : ".cond");
        return conds.isEmpty() ? Phrase.of(key, action) : Phrase.of(key, conds, action);
    }

    private enum Subject { TRAFFIC, NEW, ESTABLISHED }

    private static Subject subject(Rule rule, Chain chain) {
        if (isEstablishedOnly(rule)) {
            return Subject.ESTABLISHED;
        }
        if (rule.match("--ctstate") == null && chain != null && followsRepliesAccept(rule, chain)) {
            return Subject.NEW;
        }
        return Subject.TRAFFIC;
    }

    static boolean isEstablishedOnly(Rule rule) {
        Match ct = rule.match("--ctstate");
        if (ct == null) {
            ct = rule.match("--state");
        }
        return ct != null && !ct.negated() && ct.value().toUpperCase(Locale.ROOT).contains("ESTABLISHED")
                && !ct.value().toUpperCase(Locale.ROOT).contains("NEW");
    }

    /** An earlier rule of the chain already accepted replies on the same interfaces. */
    private static boolean followsRepliesAccept(Rule rule, Chain chain) {
        for (Rule earlier : chain.rules()) {
            if (earlier.position() >= rule.position()) {
                break;
            }
            if (isEstablishedOnly(earlier) && earlier.target().name().equals("ACCEPT")
                    && sameValues(earlier, rule, "-o") && sameValues(earlier, rule, "-i")) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameValues(Rule a, Rule b, String key) {
        Match x = a.match(key);
        Match y = b.match(key);
        return x == null || (y != null && x.values().equals(y.values()) && x.negated() == y.negated());
    }

    private static Phrase dnat(Rule rule) {
        Match proto = rule.match("-p");
        String p = proto == null ? "" : proto.value();
        String port = String.join(",", rule.match("--dport").values());
        List<Phrase> rest = Conditions.of(rule, false, true);
        Object qualifier = rest.isEmpty() ? "" : Phrase.of("dnat.qualifier", rest);
        return Phrase.of("dnat.port", port, rule.target().option("--to-destination"), p, qualifier);
    }

    private static Phrase vmap(Target t) {
        List<String> a = t.args();
        String key = a.isEmpty() ? "" : a.get(0);
        List<Object> entries = new ArrayList<>();
        for (int i = 1; i + 1 < a.size(); i += 2) {
            String verdict = a.get(i + 1);
            String[] vt = verdict.split(" ", 2);
            entries.add(vt.length == 2 && (vt[0].equals("jump") || vt[0].equals("goto"))
                    ? Phrase.of("vmap.entry", a.get(i), vt[1]) : Phrase.of("vmap.verdict", a.get(i), verdict));
        }
        Phrase.Joined list = new Phrase.Joined("join.values", entries);
        if (key.equals("oifname") || key.equals("iifname")) {
            return Phrase.of("vmap." + key, list);
        }
        return Phrase.of("vmap.other", key, list);
    }
}
