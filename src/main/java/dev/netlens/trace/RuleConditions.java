package dev.netlens.trace;

import dev.netlens.firewall.Match;
import dev.netlens.firewall.Rule;
import dev.netlens.firewall.RuleMatcher;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether one rule's conditions hold for a packet: yes, no, or "cannot say" with the reason.
 * A rule whose conditions include one that certainly fails does not match, even when another is
 * unknown: that is not a guess. Only a rule that would match but for an unknown condition is unknown.
 */
final class RuleConditions {
    /** The answer for one rule: {@code unknown} is null unless the rule could not be evaluated. */
    record Answer(boolean matches, String unknown) {
        static final Answer YES = new Answer(true, null);
        static final Answer NO = new Answer(false, null);

        static Answer unknown(String why) {
            return new Answer(false, why);
        }

        boolean isUnknown() {
            return unknown != null;
        }
    }

    /** {@code -m} modules whose options are evaluated below (comment and the port modules only load). */
    private static final Set<String> MODULES = Set.of("tcp", "udp", "icmp", "multiport", "conntrack", "state",
            "addrtype", "physdev", "set", "comment");

    private final Map<String, List<String>> sets;

    RuleConditions(Map<String, List<String>> sets) {
        this.sets = sets;
    }

    /**
     * @param viaNftCompat the rule was read from nft's view of an iptables-nft table, where {@code xt}
     *     matches name their module but hide its options
     */
    Answer evaluate(Rule rule, Packet p, boolean viaNftCompat) {
        String unknown = null;
        for (Match m : rule.matches()) {
            Answer a = viaNftCompat && m.is("-m")
                    ? Answer.unknown("iptables-nft match '" + m.value() + "' whose options nft does not print")
                    : one(m, p);
            if (a.isUnknown()) {
                unknown = unknown == null ? a.unknown() : unknown;
            } else if (!a.matches()) {
                return Answer.NO;
            }
        }
        return unknown == null ? Answer.YES : Answer.unknown(unknown);
    }

    private Answer one(Match m, Packet p) {
        Answer a = positive(m, p);
        if (a.isUnknown() || !m.negated() || m.is("-m")) {
            return a;
        }
        return a.matches() ? Answer.NO : Answer.YES;
    }

    /** The condition as written without its {@code !}. */
    private Answer positive(Match m, Packet p) {
        String key = m.key();
        if ("nft".equals(m.module())) {
            return nft(m, p);
        }
        return switch (key) {
            case "-m" -> MODULES.contains(m.value()) ? Answer.YES
                    : Answer.unknown("match module '-m " + m.value() + "' is not evaluated");
            case "-i" -> interfaces(m, p.inInterface());
            case "-o" -> interfaces(m, p.outInterface());
            case "-s" -> addresses(m, p.source());
            case "-d" -> addresses(m, p.destination());
            case "-p" -> of(m.values().stream().anyMatch(v -> protocolIs(v, p.protocol())));
            case "-f" -> Answer.NO; // a traced packet is never a later fragment
            case "--dport", "--dports" -> port(m, p, p.destinationPort(), "destination");
            case "--sport", "--sports" -> port(m, p, p.sourcePort(), "source");
            case "--ports" -> either(port(m, p, p.destinationPort(), "destination"), port(m, p, p.sourcePort(), "source"));
            case "--ctstate", "--state" -> state(m, p.state());
            case "--dst-type" -> addressType(m, p.destinationLocal());
            case "--src-type" -> addressType(m, p.sourceLocal());
            case "--physdev-in" -> bridgePort(m, p.inBridgePort());
            case "--physdev-out" -> bridgePort(m, p.outBridgePort());
            case "--physdev-is-bridged" -> of(p.inBridgePort() != null || p.outBridgePort() != null);
            case "--physdev-is-in" -> of(p.inBridgePort() != null);
            case "--physdev-is-out" -> of(p.outBridgePort() != null);
            case "--match-set" -> ipset(m, p);
            case "--icmp-type" -> icmpType(m.values(), p);
            case "--syn" -> p.protocol() == Protocol.TCP ? of(p.state() == CtState.NEW) : Answer.NO;
            case "--comment" -> Answer.YES;
            default -> Answer.unknown("option '" + m.option() + "'"
                    + (m.module() == null ? "" : " of match module '-m " + m.module() + "'") + " is not evaluated");
        };
    }

    /** Expressions the nft reader kept verbatim; the few with a plain meaning for an IPv4 packet are read here. */
    private Answer nft(Match m, Packet p) {
        return switch (m.option()) {
            case "nfproto", "meta nfproto" -> of(m.values().contains("ipv4"));
            case "icmp type" -> icmpType(m.values(), p);
            default -> Answer.unknown("nft expression '" + m.option() + "' is not evaluated");
        };
    }

    private Answer interfaces(Match m, String name) {
        String n = name == null ? "" : name;
        for (String v : m.values()) {
            if (v.startsWith("@")) {
                List<String> members = sets.get(v.substring(1));
                if (members == null) {
                    return unknownSet(v.substring(1));
                }
                if (members.stream().anyMatch(x -> RuleMatcher.interfaceMatches(x, n))) {
                    return Answer.YES;
                }
            } else if (RuleMatcher.interfaceMatches(v, n)) {
                return Answer.YES;
            }
        }
        return Answer.NO;
    }

    private Answer bridgePort(Match m, String port) {
        return port == null ? Answer.NO : interfaces(m, port);
    }

    private Answer addresses(Match m, String address) {
        for (String v : m.values()) {
            for (String one : v.split(",")) {
                Answer a = one.startsWith("@") ? inSet(one.substring(1), address) : address(one, address);
                if (a.isUnknown() || a.matches()) {
                    return a;
                }
            }
        }
        return Answer.NO;
    }

    private static Answer address(String value, String address) {
        Boolean in = RuleMatcher.addressMatches(value, address);
        return in == null ? Answer.unknown("address '" + value + "' is not an address, subnet or range") : of(in);
    }

    private Answer inSet(String set, String address) {
        List<String> members = sets.get(set);
        if (members == null) {
            return unknownSet(set);
        }
        for (String member : members) {
            Answer a = address(member, address);
            if (a.isUnknown() || a.matches()) {
                return a;
            }
        }
        return Answer.NO;
    }

    /** {@code --match-set NAME dst}: one direction flag for an address set. */
    private Answer ipset(Match m, Packet p) {
        if (m.values().size() != 2 || m.values().get(1).contains(",")) {
            return Answer.unknown("set match '" + m.render() + "' (only NAME src or NAME dst is evaluated)");
        }
        String flag = m.values().get(1);
        if (!flag.equals("src") && !flag.equals("dst")) {
            return Answer.unknown("set match flag '" + flag + "'");
        }
        return inSet(m.values().get(0), flag.equals("src") ? p.source() : p.destination());
    }

    private static Answer unknownSet(String name) {
        return Answer.unknown("the members of set '" + name + "' are not known");
    }

    private static boolean protocolIs(String value, Protocol protocol) {
        String v = value.toLowerCase(Locale.ROOT);
        return v.equals("all") || v.equals("0") || v.equals(protocol.word())
                || v.equals(switch (protocol) {
                    case ICMP -> "1";
                    case TCP -> "6";
                    case UDP -> "17";
                });
    }

    /** A tcp or udp packet without a known port (an ephemeral source port) cannot be tested; icmp has none. */
    private static Answer port(Match m, Packet p, Integer port, String which) {
        if (port == null) {
            return p.protocol() == Protocol.ICMP ? Answer.NO
                    : Answer.unknown("the " + which + " port is not known (a rule tests " + m.render() + ")");
        }
        return of(m.values().stream().anyMatch(v -> RuleMatcher.portMatches(v, port)));
    }

    private static Answer either(Answer a, Answer b) {
        if (a.matches() || b.matches()) {
            return Answer.YES;
        }
        return a.isUnknown() ? a : b;
    }

    /** {@code RELATED,ESTABLISHED}; the virtual states DNAT/SNAT are not traced. */
    private static Answer state(Match m, CtState state) {
        for (String v : String.join(",", m.values()).split(",")) {
            String s = v.strip().toUpperCase(Locale.ROOT);
            if (s.equals("DNAT") || s.equals("SNAT")) {
                return Answer.unknown("connection state " + s + " is not traced");
            }
            if (s.equals(state.name())) {
                return Answer.YES;
            }
        }
        return Answer.NO;
    }

    /** Only LOCAL is known for a traced packet. */
    private static Answer addressType(Match m, boolean local) {
        for (String v : String.join(",", m.values()).split(",")) {
            if (!v.strip().equalsIgnoreCase("LOCAL")) {
                return Answer.unknown("address type " + v.strip() + " is not evaluated (only LOCAL)");
            }
        }
        return of(local);
    }

    /** A NEW ping is an echo-request, its ESTABLISHED reply an echo-reply. */
    private static Answer icmpType(List<String> values, Packet p) {
        if (p.protocol() != Protocol.ICMP) {
            return Answer.NO;
        }
        String type = switch (p.state()) {
            case NEW -> "echo-request";
            case ESTABLISHED -> "echo-reply";
            case RELATED -> null;
        };
        if (type == null) {
            return Answer.unknown("the icmp type of a RELATED packet is not traced");
        }
        String number = type.equals("echo-request") ? "8" : "0";
        for (String v : String.join(",", values).split(",")) {
            String s = v.strip().toLowerCase(Locale.ROOT);
            if (s.equals("any") || s.equals(type) || s.equals(number) || s.equals(number + "/0")) {
                return Answer.YES;
            }
        }
        return Answer.NO;
    }

    private static Answer of(boolean b) {
        return b ? Answer.YES : Answer.NO;
    }
}
