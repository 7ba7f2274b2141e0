package dev.netlens.firewall;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The conditions of a rule as phrases, in a reading order: source, interfaces, destination, ports, the rest. */
final class Conditions {
    private Conditions() {
    }

    /**
     * @param skipCtstate the connection state is already the sentence's subject
     * @param forDnat the protocol and port are already in the DNAT sentence
     */
    static List<Phrase> of(Rule rule, boolean skipCtstate, boolean forDnat) {
        List<Phrase> out = new ArrayList<>();
        rule.matches("-s").forEach(m -> out.add(neg(m, "cond.src", addresses(m))));
        interfaces(rule, out);
        rule.matches("-d").forEach(m -> out.add(neg(m, "cond.dst", addresses(m))));
        Match proto = rule.match("-p");
        String p = proto == null ? "" : proto.value();
        boolean hasPort = false;
        for (String key : List.of("--dport", "--dports", "--sport", "--sports")) {
            for (Match m : rule.matches(key).toList()) {
                hasPort = true;
                if (!(forDnat && key.equals("--dport"))) {
                    out.add(neg(m, key.startsWith("--d") ? "cond.dport" : "cond.sport", values(m), p));
                }
            }
        }
        if (proto != null && !hasPort && !forDnat) {
            out.add(neg(proto, "cond.proto", proto.value()));
        }
        for (Match m : rule.matches()) {
            Phrase ph = other(m, skipCtstate);
            if (ph != null) {
                out.add(ph);
            }
        }
        return out;
    }

    /** {@code -i X ! -o X} and friends read as one idea, not two. */
    private static void interfaces(Rule rule, List<Phrase> out) {
        Match in = rule.match("-i");
        Match out2 = rule.match("-o");
        if (in != null && out2 != null && in.values().equals(out2.values()) && !(in.negated() && out2.negated())) {
            String name = values(in);
            String key = !in.negated() && !out2.negated() ? "cond.iface.within"
                    : in.negated() ? "cond.iface.entering" : "cond.iface.leaving";
            out.add(Phrase.of(key, name));
            return;
        }
        if (in != null) {
            out.add(neg(in, "cond.in", values(in)));
        }
        if (out2 != null) {
            out.add(neg(out2, "cond.out", values(out2)));
        }
    }

    private static Phrase other(Match m, boolean skipCtstate) {
        String k = m.key();
        switch (k) {
            case "-s", "-d", "-i", "-o", "-p", "--dport", "--dports", "--sport", "--sports", "-m", "--comment" -> {
                return null;
            }
            case "--ctstate", "--state" -> {
                return skipCtstate && !m.negated() ? null : neg(m, "cond.ctstate", m.value());
            }
            case "--dst-type", "--src-type" -> {
                String base = k.equals("--dst-type") ? "cond.dsttype" : "cond.srctype";
                if (!m.negated() && m.value().toUpperCase(Locale.ROOT).equals("LOCAL")) {
                    return Phrase.of(base + ".local");
                }
                return Phrase.of(base, (m.negated() ? "! " : "") + m.value());
            }
            case "--match-set" -> {
                if (m.values().size() == 2 && !m.negated()) {
                    String dir = m.values().get(1).startsWith("dst") ? "dst" : "src";
                    return Phrase.of("cond.set." + dir, m.values().get(0));
                }
                return Phrase.of("cond.other", m.render());
            }
            default -> {
                return Phrase.of("cond.other", "nft".equals(m.module())
                        ? (m.negated() ? "!= " : "") + m.option() + " " + String.join(" ", m.values()) : m.render());
            }
        }
    }

    private static Phrase neg(Match m, String key, Object... args) {
        return Phrase.of(m.negated() ? key + ".not" : key, args);
    }

    /** A single host reads better without its {@code /32} or {@code /128}. */
    private static String addresses(Match m) {
        return String.join(", ", m.values().stream().map(v -> {
            IpNet n = IpNet.parseOrNull(v);
            return n != null && n.prefix() == n.bytes().length * 8 ? n.toString() : v;
        }).toList());
    }

    private static String values(Match m) {
        return String.join(", ", m.values());
    }
}
