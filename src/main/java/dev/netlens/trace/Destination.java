package dev.netlens.trace;

import java.util.Locale;

/** The parsed {@code DST[:PORT][/tcp|udp|icmp]} argument. */
record Destination(String name, Integer port, Protocol protocol) {
    static Destination parse(String text) {
        if (text == null || text.isBlank()) {
            throw new TraceArgumentException("the destination is empty");
        }
        String s = text.strip();
        Protocol protocol = null;
        int slash = s.lastIndexOf('/');
        if (slash >= 0) {
            String p = s.substring(slash + 1).toLowerCase(Locale.ROOT);
            protocol = switch (p) {
                case "tcp" -> Protocol.TCP;
                case "udp" -> Protocol.UDP;
                case "icmp" -> Protocol.ICMP;
                default -> throw new TraceArgumentException("unknown protocol '" + p + "' in '" + text
                        + "' (use tcp, udp or icmp)");
            };
            s = s.substring(0, slash);
        }
        Integer port = null;
        int colon = s.lastIndexOf(':');
        if (colon >= 0) {
            String p = s.substring(colon + 1);
            try {
                port = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new TraceArgumentException("'" + p + "' in '" + text + "' is not a port number");
            }
            if (port < 1 || port > 65535) {
                throw new TraceArgumentException("port " + port + " in '" + text + "' is outside 1-65535");
            }
            s = s.substring(0, colon);
        }
        if (s.isEmpty()) {
            throw new TraceArgumentException("no destination before the port in '" + text + "'");
        }
        if (protocol == null) {
            protocol = port == null ? Protocol.ICMP : Protocol.TCP;
        } else if (protocol == Protocol.ICMP && port != null) {
            throw new TraceArgumentException("icmp has no ports: '" + text + "'");
        } else if (protocol != Protocol.ICMP && port == null) {
            throw new TraceArgumentException(protocol.word() + " needs a port: '" + text + "' (write NAME:PORT/"
                    + protocol.word() + ")");
        }
        return new Destination(s, port, protocol);
    }
}
