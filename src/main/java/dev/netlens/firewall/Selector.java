package dev.netlens.firewall;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Facts about something selected on the canvas (a container, a bridge, a published port), or the
 * facts a rule mentions: interface names (iptables {@code +} and nft {@code *} wildcards allowed
 * when they come from a rule), addresses or subnets, and ports.
 */
public record Selector(Set<String> interfaces, Set<IpNet> addresses, Set<Port> ports) {
    /** A port with its protocol; protocol null when the rule does not say. */
    public record Port(int number, String protocol) {
        public Port {
            if (number < 0 || number > 65535) {
                throw new IllegalArgumentException("port out of range: " + number);
            }
            protocol = protocol == null ? null : protocol.toLowerCase(Locale.ROOT);
        }
    }

    public Selector {
        interfaces = Set.copyOf(interfaces);
        addresses = Set.copyOf(addresses);
        ports = Set.copyOf(ports);
    }

    public static Selector empty() {
        return new Selector(Set.of(), Set.of(), Set.of());
    }

    public static Selector ofInterface(String... names) {
        return empty().withInterface(names);
    }

    public static Selector ofAddress(String... cidrs) {
        return empty().withAddress(cidrs);
    }

    /** A published port: the host port and the container port it leads to. */
    public static Selector ofPublishedPort(int hostPort, int containerPort, String protocol) {
        return empty().withPort(hostPort, protocol).withPort(containerPort, protocol);
    }

    public Selector withInterface(String... names) {
        Set<String> s = new HashSet<>(interfaces);
        s.addAll(Set.of(names));
        return new Selector(s, addresses, ports);
    }

    public Selector withAddress(String... cidrs) {
        Set<IpNet> s = new HashSet<>(addresses);
        for (String c : cidrs) {
            s.add(IpNet.parse(c));
        }
        return new Selector(interfaces, s, ports);
    }

    public Selector withPort(int number, String protocol) {
        Set<Port> s = new HashSet<>(ports);
        s.add(new Port(number, protocol));
        return new Selector(interfaces, addresses, s);
    }

    public boolean isEmpty() {
        return interfaces.isEmpty() && addresses.isEmpty() && ports.isEmpty();
    }
}
