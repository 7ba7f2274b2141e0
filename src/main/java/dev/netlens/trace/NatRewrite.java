package dev.netlens.trace;

import dev.netlens.firewall.IpNet;
import dev.netlens.firewall.Target;

/** What a NAT target does to a packet's addresses and ports. */
final class NatRewrite {
    /**
     * @param action for the chain step: {@code DNAT to 192.0.2.2:80}, {@code MASQUERADE}...
     * @param unknown why the target could not be applied (a range, no address), else null
     */
    record Result(Packet packet, boolean masquerade, String action, String unknown) {
        static Result unknown(String why) {
            return new Result(null, false, null, why);
        }
    }

    /** iptables-nft's targets seen through nft name themselves but not their options. */
    private static final String HIDDEN = "%s without an address to rewrite to (nft does not print an iptables-nft target's options)";

    private NatRewrite() {
    }

    static Result apply(Target t, Packet p) {
        return switch (t.name()) {
            case "DNAT" -> dnat(t.option("--to-destination"), p);
            case "SNAT" -> snat(t.option("--to-source"), p);
            case "MASQUERADE" -> new Result(p, true, "MASQUERADE", null);
            case "REDIRECT" -> redirect(t.option("--to-ports"), p);
            default -> Result.unknown("NAT target " + t.name());
        };
    }

    /** {@code 192.0.2.2:80} rewrites address and port; {@code 192.0.2.2} the address only. */
    private static Result dnat(String to, Packet p) {
        if (to == null) {
            return Result.unknown(HIDDEN.formatted("DNAT"));
        }
        AddressPort ap = AddressPort.parse(to);
        if (ap == null) {
            return Result.unknown("DNAT to '" + to + "' (only one IPv4 address, with or without one port, is traced)");
        }
        Integer port = ap.port() == null ? p.destinationPort() : ap.port();
        Packet out = new Packet(p.protocol(), p.source(), p.sourcePort(), ap.address(), port, p.inInterface(),
                p.outInterface(), p.inBridgePort(), p.outBridgePort(), p.state(), p.destinationLocal(), p.sourceLocal());
        return new Result(out, false, "DNAT to " + to, null);
    }

    private static Result snat(String to, Packet p) {
        if (to == null) {
            return Result.unknown(HIDDEN.formatted("SNAT"));
        }
        AddressPort ap = AddressPort.parse(to);
        if (ap == null) {
            return Result.unknown("SNAT to '" + to + "' (only one IPv4 address, with or without one port, is traced)");
        }
        Integer port = ap.port() == null ? p.sourcePort() : ap.port();
        Packet out = new Packet(p.protocol(), ap.address(), port, p.destination(), p.destinationPort(), p.inInterface(),
                p.outInterface(), p.inBridgePort(), p.outBridgePort(), p.state(), p.destinationLocal(), p.sourceLocal());
        return new Result(out, false, "SNAT to " + to, null);
    }

    /**
     * REDIRECT sends the packet to this host itself (the in-interface's first address, 127.0.0.1 from
     * OUTPUT), which the caller knows: the address is left and {@code destinationLocal} set.
     */
    private static Result redirect(String ports, Packet p) {
        Integer port = p.destinationPort();
        if (ports != null) {
            try {
                port = Integer.parseInt(ports);
            } catch (NumberFormatException e) {
                return Result.unknown("REDIRECT to ports '" + ports + "' (only one port is traced)");
            }
        }
        Packet out = new Packet(p.protocol(), p.source(), p.sourcePort(), p.destination(), port, p.inInterface(),
                p.outInterface(), p.inBridgePort(), p.outBridgePort(), p.state(), true, p.sourceLocal());
        return new Result(out, false, "REDIRECT to this host" + (port == null ? "" : ", port " + port), null);
    }

    /** One IPv4 address and at most one port, as iptables and nft print NAT destinations. */
    private record AddressPort(String address, Integer port) {
        static AddressPort parse(String to) {
            if (to == null || to.isBlank() || to.startsWith("[")) {
                return null;
            }
            String addr = to;
            Integer port = null;
            int colon = to.indexOf(':');
            if (colon >= 0) {
                addr = to.substring(0, colon);
                try {
                    port = Integer.parseInt(to.substring(colon + 1));
                } catch (NumberFormatException e) {
                    return null; // a port range, or more than one colon
                }
            }
            IpNet n = IpNet.parseOrNull(addr);
            return n == null || n.isIpv6() || addr.contains("/") ? null : new AddressPort(n.toString(), port);
        }
    }
}
