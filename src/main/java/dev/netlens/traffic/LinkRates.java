package dev.netlens.traffic;

import dev.netlens.graph.TopoLink;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.snapshot.InterfaceKind;
import dev.netlens.snapshot.NetInterface;
import dev.netlens.snapshot.NetNamespace;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.snapshot.Tunnel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which interfaces each drawn link stands for, so interface rates can be shown on links: a veth
 * pair both its ends, a bridge port or a lower device link its interface, a container's endpoint
 * the interface carrying it, a VXLAN tunnel the VXLAN devices of its network (its VNI) on the two
 * hosts. Links of folded vertices and of other kinds carry no rate.
 */
public final class LinkRates {
    private final Map<String, List<String>> interfacesOf;

    private LinkRates(Map<String, List<String>> interfacesOf) {
        this.interfacesOf = interfacesOf;
    }

    public static LinkRates of(TopologyGraph graph, TopologySnapshot snapshot) {
        Map<String, List<String>> out = new HashMap<>();
        Map<String, String> hostOfNamespace = new HashMap<>();
        for (NetNamespace ns : snapshot.namespaces()) {
            hostOfNamespace.put(ns.id(), ns.host());
        }
        Map<String, Tunnel> tunnels = new HashMap<>();
        for (Tunnel t : snapshot.tunnels()) {
            tunnels.putIfAbsent(t.network(), t);
        }
        for (TopoLink l : graph.links()) {
            List<String> ids = new ArrayList<>();
            switch (l.kind()) {
                case VETH -> {
                    add(ids, l.source());
                    add(ids, l.target());
                }
                case BRIDGE_PORT, PARENT -> add(ids, l.source());
                case ENDPOINT -> add(ids, l.target());
                case TUNNEL -> {
                    Tunnel t = tunnels.get(l.network());
                    if (t != null) {
                        for (NetInterface i : snapshot.interfaces()) {
                            String host = hostOfNamespace.get(i.namespace());
                            if (i.kind() == InterfaceKind.VXLAN && i.vni() != null && i.vni() == t.vni() && host != null
                                    && (host.equals(t.from().host()) || host.equals(t.to().host()))) {
                                ids.add(i.id());
                            }
                        }
                    }
                }
                default -> {
                }
            }
            if (!ids.isEmpty()) {
                out.put(l.id(), List.copyOf(ids));
            }
        }
        return new LinkRates(out);
    }

    private static void add(List<String> ids, String vertex) {
        if (vertex.startsWith("if:")) {
            ids.add(vertex.substring(3));
        }
    }

    /** The interfaces a link stands for (empty for a link that carries no rate). */
    public List<String> interfacesOf(String linkId) {
        return interfacesOf.getOrDefault(linkId, List.of());
    }

    /** Each link's rate now: its busiest interface; links none of whose interfaces has a rate are left out. */
    public Map<String, LinkRate> rates(RateSnapshot rates) {
        Map<String, LinkRate> out = new HashMap<>();
        interfacesOf.forEach((link, ids) -> {
            InterfaceRate best = null;
            boolean troubled = false;
            for (String id : ids) {
                InterfaceRate r = rates.rate(id);
                if (r == null) {
                    continue;
                }
                troubled |= r.troubled();
                if (best == null || (r.known() && (!best.known() || r.bytesPerSecond() > best.bytesPerSecond()))) {
                    best = r;
                }
            }
            if (best != null) {
                out.put(link, new LinkRate(link, best.interfaceId(), best.known(), best.bytesPerSecond(),
                        best.packetsPerSecond(), troubled));
            }
        });
        return out;
    }

    /** The {@code limit} busiest links, busiest first (ties by id, for a stable list). */
    public static List<LinkRate> busiest(Map<String, LinkRate> rates, int limit) {
        return rates.values().stream().filter(r -> r.known() && (r.bytesPerSecond() > 0 || r.troubled()))
                .sorted(Comparator.comparingDouble(LinkRate::bytesPerSecond).reversed().thenComparing(LinkRate::linkId))
                .limit(limit).toList();
    }
}
