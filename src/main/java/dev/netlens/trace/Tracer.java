package dev.netlens.trace;

import dev.netlens.firewall.FirewallRuleset;
import dev.netlens.snapshot.TopologySnapshot;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Computes what the captured state says happens to a packet from one endpoint to another: routes in
 * each namespace, veth crossings, bridges, VXLAN, and every host's firewall at each hook. Sends nothing.
 * One Tracer per snapshot: it keeps the snapshot's indexes, route tables and parsed rules between
 * traces. Safe to use from several threads.
 */
public final class Tracer {
    private final TopologySnapshot snapshot;
    private final SnapshotIndex index;
    private final Firewalls firewalls;
    private final Map<String, RouteTable> routes = new ConcurrentHashMap<>();

    public Tracer(TopologySnapshot snapshot) {
        this(snapshot, (rules, sets) -> new Netfilter(rules, sets)::traverse);
    }

    /** With another evaluator of the hooks (tests that look at the walk alone). */
    Tracer(TopologySnapshot snapshot, BiFunction<FirewallRuleset, Map<String, List<String>>, HookEvaluator> evaluators) {
        this.snapshot = snapshot;
        this.index = new SnapshotIndex(snapshot);
        this.firewalls = new Firewalls(index, evaluators);
    }

    public TopologySnapshot snapshot() {
        return snapshot;
    }

    /**
     * @param from a container name or id, a DNS name as the source's networks resolve it, {@code host}, or an IPv4 address
     * @param to the same forms, followed by {@code :PORT} and {@code /tcp|udp|icmp} when wanted
     * @throws TraceArgumentException when an argument is malformed or names nothing in the snapshot
     */
    public TraceResult trace(String from, String to) {
        Destination d = Destination.parse(to);
        Endpoints endpoints = new Endpoints(index);
        // A destination container's host is the host a client arrives at and "host" names.
        String hint = hintFor(d.name());
        Place src = endpoints.source(from, hint);
        Place dst = endpoints.destination(d.name(), src);
        Walk walk = new Walk(index, id -> routes.computeIfAbsent(id, k -> RouteTable.of(index, index.namespace(k))),
                firewalls);
        return walk.run(from == null ? "" : from.strip(), d.name(), src, dst, d.protocol(), d.port());
    }

    private String hintFor(String destination) {
        if (destination.equalsIgnoreCase("host")) {
            return null;
        }
        for (var c : snapshot.containers()) {
            if (c.name().equals(destination) || c.id().equals(destination)) {
                return c.host();
            }
        }
        return null;
    }
}
