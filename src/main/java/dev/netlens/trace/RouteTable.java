package dev.netlens.trace;

import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Endpoint;
import dev.netlens.snapshot.InterfaceKind;
import dev.netlens.snapshot.NamespaceKind;
import dev.netlens.snapshot.NetInterface;
import dev.netlens.snapshot.NetNamespace;
import dev.netlens.snapshot.Network;
import dev.netlens.snapshot.Route;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One namespace's main routing table, looked up by longest prefix, then lowest metric. A namespace
 * whose routes were not captured gets connected routes from its interfaces' addresses and a default
 * route via its network's gateway (what Docker configures), and says so.
 */
final class RouteTable {
    /** One usable route: a prefix and where it leads. */
    record Entry(int network, int prefixLength, Route route, NetInterface device, int metric) {
    }

    /** The route chosen for a destination. */
    record Choice(Route route, NetInterface device, String nextHop, String source, boolean derived) {
        boolean unusable() {
            return route.type() != null && !"unicast".equals(route.type()) && !"local".equals(route.type());
        }
    }

    private final List<Entry> entries;
    final boolean derived;

    private RouteTable(List<Entry> entries, boolean derived) {
        this.entries = entries;
        this.derived = derived;
    }

    static RouteTable of(SnapshotIndex index, NetNamespace ns) {
        if (ns.routes() != null) {
            List<Entry> entries = new ArrayList<>();
            for (Route r : ns.routes()) {
                Entry e = entry(index, ns, r);
                if (e != null) {
                    entries.add(e);
                }
            }
            return new RouteTable(entries, false);
        }
        return new RouteTable(derive(index, ns), true);
    }

    Choice lookup(int destination) {
        Entry best = null;
        for (Entry e : entries) {
            if (Ipv4.inPrefix(destination, e.network, e.prefixLength) && (best == null
                    || e.prefixLength > best.prefixLength
                    || e.prefixLength == best.prefixLength && e.metric < best.metric)) {
                best = e;
            }
        }
        if (best == null) {
            return null;
        }
        String nextHop = best.route.gateway() != null ? best.route.gateway() : Ipv4.text(destination);
        String source = best.route.source() != null ? best.route.source() : SnapshotIndex.firstIpv4(best.device);
        return new Choice(best.route, best.device, nextHop, source, derived);
    }

    private static Entry entry(SnapshotIndex index, NetNamespace ns, Route r) {
        String dst = r.destination();
        int net;
        int len;
        if (dst == null || "default".equals(dst)) {
            net = 0;
            len = 0;
        } else {
            Integer v = Ipv4.parse(dst);
            len = Ipv4.prefixLength(dst);
            if (v == null || len < 0) {
                return null; // an IPv6 or multicast entry the IPv4 walk never takes
            }
            net = v;
        }
        NetInterface dev = index.iface(r.device());
        if (dev == null && r.deviceName() != null) {
            dev = index.interfacesIn(ns.id()).stream().filter(i -> i.name().equals(r.deviceName())).findFirst().orElse(null);
        }
        return new Entry(net, len, r, dev, r.metric() == null ? 0 : r.metric());
    }

    private static List<Entry> derive(SnapshotIndex index, NetNamespace ns) {
        List<Entry> out = new ArrayList<>();
        for (NetInterface i : index.interfacesIn(ns.id())) {
            if (i.kind() == InterfaceKind.LOOPBACK || "DOWN".equals(i.state())) {
                continue;
            }
            for (String a : i.addresses()) {
                Integer v = Ipv4.parse(a);
                int len = Ipv4.prefixLength(a);
                if (v != null && len >= 0) {
                    Route r = new Route(Ipv4.text(v & Ipv4.mask(len)) + "/" + len, null, i.id(), i.name(),
                            Ipv4.bare(a), "link", null, null);
                    out.add(new Entry(v & Ipv4.mask(len), len, r, i, 0));
                }
            }
        }
        Entry def = ns.kind() == NamespaceKind.HOST ? hostDefault(index, ns) : containerDefault(index, ns);
        if (def != null) {
            out.add(def);
        }
        return out;
    }

    /** Docker's default route: via the gateway of a non-internal bridge or macvlan network the namespace is on. */
    private static Entry containerDefault(SnapshotIndex index, NetNamespace ns) {
        record Candidate(String networkName, String gateway, NetInterface device) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (NetInterface i : index.interfacesIn(ns.id())) {
            Network n = carrying(index, ns, i);
            if (n == null || n.internal() || "overlay".equals(n.driver()) || "null".equals(n.driver())) {
                continue;
            }
            String gw = gateway(index, n);
            if (gw != null) {
                candidates.add(new Candidate(n.name(), gw, i));
            }
        }
        return candidates.stream().min(Comparator.comparing(Candidate::networkName))
                .map(c -> new Entry(0, 0, new Route("default", c.gateway, c.device.id(), c.device.name(), null, null, null,
                        null), c.device, 0))
                .orElse(null);
    }

    /** The network an interface of this namespace is attached to: by a container's endpoint, or by its veth's bridge. */
    static Network carrying(SnapshotIndex index, NetNamespace ns, NetInterface i) {
        for (String cid : ns.containers()) {
            Container c = index.container(cid);
            if (c == null) {
                continue;
            }
            for (Endpoint e : c.endpoints()) {
                if (i.id().equals(e.interfaceId())) {
                    Network n = network(index, c.host(), e.network());
                    if (n != null) {
                        return n;
                    }
                }
            }
        }
        NetInterface peer = index.iface(i.peer());
        if (peer != null && peer.master() != null) {
            return index.networkOfBridge(peer.master());
        }
        if (i.kind() == InterfaceKind.MACVLAN && i.parent() != null) {
            return index.snapshot.networks().stream().filter(n -> i.parent().equals(n.parent())
                    && n.subnets().stream().anyMatch(s -> i.addresses().stream().map(Ipv4::parse)
                            .anyMatch(a -> a != null && Ipv4.covers(s, a))))
                    .findFirst().orElse(null);
        }
        return null;
    }

    static Network network(SnapshotIndex index, String host, String id) {
        for (Network n : index.snapshot.networks()) {
            if (n.host().equals(host) && n.id().equals(id)) {
                return n;
            }
        }
        return null;
    }

    /** The network's IPv4 gateway: as the engine reports it, else its bridge's own address (docker0 on old engines). */
    static String gateway(SnapshotIndex index, Network n) {
        for (String g : n.gateways()) {
            if (Ipv4.parse(g) != null) {
                return Ipv4.bare(g);
            }
        }
        return SnapshotIndex.firstIpv4(index.iface(n.bridge()));
    }

    /** A host whose routes were not read: assume the default route leaves by its first physical device. */
    private static Entry hostDefault(SnapshotIndex index, NetNamespace ns) {
        for (NetInterface i : index.interfacesIn(ns.id())) {
            if (i.kind() == InterfaceKind.DEVICE && !"DOWN".equals(i.state()) && SnapshotIndex.firstIpv4(i) != null) {
                Route r = new Route("default", null, i.id(), i.name(), SnapshotIndex.firstIpv4(i), null, null, null);
                return new Entry(0, 0, r, i, 0);
            }
        }
        return null;
    }
}
