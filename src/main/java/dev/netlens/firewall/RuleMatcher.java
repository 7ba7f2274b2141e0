package dev.netlens.firewall;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Links rules and the things on the canvas both ways: the rules that concern a selection, and the
 * facts a rule mentions.
 *
 * <p>A rule concerns a selection when one of its interface, address or port conditions names one
 * of the selection's facts. Negated conditions count too: in Docker's rules {@code ! -i docker0}
 * and {@code ! -o docker0} are docker0's own guards ("from elsewhere", "to anywhere but"), so they
 * belong to docker0. Catch-all values ({@code 0.0.0.0/0}, {@code ::/0}, a bare {@code +}) name
 * nothing in particular and never link.
 */
public final class RuleMatcher {
    private final FirewallRuleset ruleset;

    public RuleMatcher(FirewallRuleset ruleset) {
        this.ruleset = ruleset;
    }

    /** The rules concerning the selection, in table and chain order. */
    public List<Rule> rulesFor(Selector selection) {
        return ruleset.rules().filter(r -> applies(r, selection)).toList();
    }

    public static boolean applies(Rule rule, Selector selection) {
        Selector s = subjectsOf(rule);
        boolean iface = s.interfaces().stream()
                .anyMatch(p -> selection.interfaces().stream().anyMatch(n -> interfaceMatches(p, n)));
        boolean addr = s.addresses().stream()
                .anyMatch(a -> selection.addresses().stream().anyMatch(a::overlaps));
        boolean port = s.ports().stream().anyMatch(p -> selection.ports().stream().anyMatch(q -> samePort(p, q)));
        return iface || addr || port;
    }

    /** The interfaces, addresses and ports a rule mentions, so the UI can light up nodes. */
    public static Selector subjectsOf(Rule rule) {
        Set<String> ifaces = new HashSet<>();
        Set<IpNet> addrs = new HashSet<>();
        Set<Selector.Port> ports = new HashSet<>();
        Stream.concat(rule.matches("-i"), rule.matches("-o")).flatMap(m -> m.values().stream())
                .filter(v -> !v.equals("+") && !v.equals("*")).forEach(ifaces::add);
        Stream.concat(rule.matches("-s"), rule.matches("-d")).flatMap(m -> m.values().stream())
                .map(IpNet::parseOrNull).filter(n -> n != null && n.prefix() > 0).forEach(addrs::add);
        Match proto = rule.match("-p");
        String protocol = proto == null || proto.negated() ? null : proto.value();
        Stream.of("--dport", "--sport", "--dports", "--sports", "--ports").flatMap(rule::matches)
                .flatMap(m -> m.values().stream()).forEach(v -> addPorts(v, protocol, ports));
        Target t = rule.target();
        for (String opt : List.of("--to-destination", "--to-source")) {
            String to = t.option(opt);
            if (to != null) {
                addHostPort(to, protocol, addrs, ports);
            }
        }
        if (t.name().equals(Target.VMAP) && t.args().size() > 1 && t.args().get(0).endsWith("ifname")) {
            for (int i = 1; i < t.args().size(); i += 2) {
                ifaces.add(t.args().get(i));
            }
        }
        return new Selector(ifaces, addrs, ports);
    }

    /** iptables {@code eth+} and nft {@code eth*} match any name with that stem. */
    public static boolean interfaceMatches(String pattern, String name) {
        if (pattern.endsWith("+") || pattern.endsWith("*")) {
            return name.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(name);
    }

    /**
     * Whether a port spec as rules write it names the port: {@code 80}, {@code 80,443}, ranges
     * {@code 1000:1002} (iptables) and {@code 1000-1002} (nft), {@code :1023} and {@code 1024:} open ends.
     * A named service is not a number and matches nothing.
     */
    public static boolean portMatches(String spec, int port) {
        for (String part : spec.split(",")) {
            String p = part.strip();
            int sep = Math.max(p.indexOf(':'), p.indexOf('-'));
            try {
                if (sep < 0) {
                    if (Integer.parseInt(p) == port) {
                        return true;
                    }
                    continue;
                }
                String lo = p.substring(0, sep).strip();
                String hi = p.substring(sep + 1).strip();
                int from = lo.isEmpty() ? 0 : Integer.parseInt(lo);
                int to = hi.isEmpty() ? 65535 : Integer.parseInt(hi);
                if (port >= from && port <= to) {
                    return true;
                }
            } catch (NumberFormatException e) {
                // a service name: not evaluated here
            }
        }
        return false;
    }

    /**
     * Whether an address lies in a rule's address value: {@code 172.17.0.0/16}, {@code 10.0.0.1},
     * or an nft range {@code 10.0.0.1-10.0.0.9}. Null when the value is none of these (a set name, a mask).
     */
    public static Boolean addressMatches(String value, String address) {
        IpNet a = IpNet.parseOrNull(address);
        if (a == null) {
            return null;
        }
        int dash = value.indexOf('-');
        if (dash > 0) {
            IpNet lo = IpNet.parseOrNull(value.substring(0, dash));
            IpNet hi = IpNet.parseOrNull(value.substring(dash + 1));
            if (lo == null || hi == null || lo.isIpv6() != hi.isIpv6()) {
                return null;
            }
            if (lo.isIpv6() != a.isIpv6()) {
                return false;
            }
            BigInteger x = new BigInteger(1, a.bytes());
            return x.compareTo(new BigInteger(1, lo.bytes())) >= 0
                    && x.compareTo(new BigInteger(1, hi.bytes())) <= 0;
        }
        IpNet net = IpNet.parseOrNull(value);
        return net == null ? null : net.contains(a);
    }

    private static boolean samePort(Selector.Port rulePort, Selector.Port selected) {
        return rulePort.number() == selected.number()
                && (rulePort.protocol() == null || selected.protocol() == null
                || rulePort.protocol().equals(selected.protocol()));
    }

    /** {@code 80}, {@code 80,443}, and ranges {@code 1000:1002} / {@code 1000-1002} (small ones spelled out). */
    private static void addPorts(String value, String protocol, Set<Selector.Port> out) {
        for (String part : value.split(",")) {
            String[] ends = part.split("[:-]");
            try {
                int lo = ends[0].isEmpty() ? 0 : Integer.parseInt(ends[0].strip());
                int hi = ends.length > 1 ? Integer.parseInt(ends[1].strip()) : lo;
                if (hi - lo <= 1024) { // a huge range names no port in particular
                    for (int p = lo; p <= hi; p++) {
                        out.add(new Selector.Port(p, protocol));
                    }
                }
            } catch (IllegalArgumentException e) {
                // a named service or something odd: not a port we can light up
            }
        }
    }

    /** {@code 172.17.0.2:80}, {@code [fd00::2]:80}, {@code 10.0.0.1}, {@code 10.0.0.1-10.0.0.5}. */
    private static void addHostPort(String to, String protocol, Set<IpNet> addrs, Set<Selector.Port> ports) {
        String host = to;
        String port = null;
        if (to.startsWith("[")) {
            int end = to.indexOf(']');
            host = to.substring(1, Math.max(1, end));
            port = end >= 0 && end + 1 < to.length() && to.charAt(end + 1) == ':' ? to.substring(end + 2) : null;
        } else if (to.chars().filter(c -> c == ':').count() == 1) {
            host = to.substring(0, to.indexOf(':'));
            port = to.substring(to.indexOf(':') + 1);
        }
        IpNet a = IpNet.parseOrNull(host.contains("-") && !host.contains(":") ? host.substring(0, host.indexOf('-')) : host);
        if (a != null) {
            addrs.add(a);
        }
        if (port != null && !port.isEmpty()) {
            addPorts(port, protocol, ports);
        }
    }
}
