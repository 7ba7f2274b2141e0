package dev.netlens.ui.trace;

import dev.netlens.graph.NodeKind;
import dev.netlens.graph.SubKind;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.NamespaceKind;
import dev.netlens.snapshot.NetInterface;
import dev.netlens.snapshot.NetNamespace;
import dev.netlens.snapshot.TopologySnapshot;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a trace endpoint picked on the canvas is called in the tracer's terms ({@code netlens trace
 * --from/--to}): a container by its name (its id when two share the name), an interface by its
 * IPv4 address, a host or host namespace as {@code host} (on a snapshot of several hosts, a source
 * by the host's id, a destination on another host by that host's address), a published port as {@code host:PORT/proto} as its host's clients reach it.
 * As a source, a published port is its host (a client on the host itself). Logic only.
 */
public final class TraceEndpoints {
    private final TopologySnapshot snapshot;
    private final TopologyGraph whole;

    public TraceEndpoints(TopologySnapshot snapshot, TopologyGraph whole) {
        this.snapshot = snapshot;
        this.whole = whole;
    }

    /** Whether a trace can start at or go to this vertex at all (its kind has an endpoint form). */
    public static boolean traceable(TopoNode n) {
        return n != null && switch (n.kind()) {
            case CONTAINER, INTERFACE, BRIDGE, PORT, HOST, NAMESPACE, UNDERLAY -> true;
            default -> false;
        };
    }

    /** The source form of a vertex, if it has one. */
    public Optional<String> source(String vertexId) {
        TopoNode n = whole.node(vertexId).orElse(null);
        if (n == null) {
            return Optional.empty();
        }
        if (n.kind() == NodeKind.PORT || n.kind() == NodeKind.HOST
                || n.kind() == NodeKind.NAMESPACE && TopologyGraph.nsId(n.ref()).equals(n.id()) && n.subKind() == SubKind.Namespace.HOST) {
            // On a picture of several hosts, "host" would be the first one: the host's id says which.
            return n.host() == null ? Optional.empty() : Optional.of(snapshot.hosts().size() <= 1 ? "host" : n.host());
        }
        return common(n, null);
    }

    /** The destination form of a vertex as a packet from {@code sourceHost} addresses it, if it has one. */
    public Optional<String> destination(String vertexId, String sourceHost) {
        TopoNode n = whole.node(vertexId).orElse(null);
        if (n == null) {
            return Optional.empty();
        }
        if (n.kind() == NodeKind.PORT) {
            return port(n, sourceHost);
        }
        return common(n, sourceHost);
    }

    private Optional<String> common(TopoNode n, String sourceHost) {
        return switch (n.kind()) {
            case CONTAINER -> container(n.ref());
            case INTERFACE, BRIDGE -> iface(n.ref());
            case HOST -> host(n.ref(), sourceHost);
            case NAMESPACE -> namespace(n.ref(), sourceHost);
            case UNDERLAY -> Optional.ofNullable(n.ref());
            default -> Optional.empty();
        };
    }

    private Optional<String> container(String id) {
        Container c = snapshot.containers().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
        if (c == null) {
            return Optional.empty();
        }
        long same = snapshot.containers().stream().filter(x -> Objects.equals(x.name(), c.name())).count();
        return Optional.of(same == 1 && c.name() != null ? c.name() : c.id());
    }

    private Optional<String> iface(String id) {
        NetInterface i = snapshot.interfaces().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
        if (i == null) {
            return Optional.empty();
        }
        Optional<String> v4 = ipv4(i);
        if (v4.isPresent()) {
            return v4;
        }
        // An interface without an address of its own: its container, when it is a container's.
        return snapshot.containers().stream().filter(c -> i.namespace().equals(c.namespace())).findFirst()
                .flatMap(c -> container(c.id()));
    }

    private Optional<String> namespace(String id, String sourceHost) {
        NetNamespace ns = snapshot.namespaces().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
        if (ns == null) {
            return Optional.empty();
        }
        if (ns.kind() == NamespaceKind.HOST) {
            return host(ns.host(), sourceHost);
        }
        return snapshot.containers().stream().filter(c -> id.equals(c.namespace())).findFirst().flatMap(c -> container(c.id()));
    }

    /**
     * A host: {@code host} when it is the source's own host or the only one, else an address of its
     * own (its underlay address, or its host namespace's first IPv4).
     */
    private Optional<String> host(String hostId, String sourceHost) {
        if (hostId == null) {
            return Optional.empty();
        }
        if (snapshot.hosts().size() <= 1 || hostId.equals(sourceHost)) {
            return Optional.of("host");
        }
        return address(hostId).or(() -> Optional.of("host"));
    }

    private Optional<String> address(String hostId) {
        Host h = snapshot.hosts().stream().filter(x -> x.id().equals(hostId)).findFirst().orElse(null);
        if (h != null && h.underlayAddress() != null && !h.underlayAddress().isBlank()) {
            return Optional.of(h.underlayAddress());
        }
        String hostNs = snapshot.namespaces().stream().filter(n -> n.kind() == NamespaceKind.HOST && hostId.equals(n.host()))
                .map(NetNamespace::id).findFirst().orElse(null);
        return snapshot.interfaces().stream().filter(i -> i.namespace().equals(hostNs) && !"lo".equals(i.name()))
                .map(TraceEndpoints::ipv4).flatMap(Optional::stream).findFirst();
    }

    /** A published port's id ends in {@code HOSTIP:HOSTPORT/PROTO}. */
    private Optional<String> port(TopoNode n, String sourceHost) {
        String id = n.id();
        int slash = id.lastIndexOf('/');
        int colon = id.lastIndexOf(':', slash);
        if (slash < 0 || colon < 0) {
            return Optional.empty();
        }
        String proto = id.substring(slash + 1).toLowerCase(Locale.ROOT);
        String port = id.substring(colon + 1, slash);
        String ip = id.substring(id.lastIndexOf('/', colon) + 1, colon);
        boolean any = ip.isEmpty() || ip.equals("0.0.0.0") || ip.endsWith(":") || ip.equals("null") || ip.contains(":");
        String where = any ? host(n.host(), sourceHost).orElse("host") : ip;
        return Optional.of(where + ":" + port + "/" + proto);
    }

    private static Optional<String> ipv4(NetInterface i) {
        return i.addresses().stream().filter(a -> !a.contains(":")).map(a -> a.split("/")[0]).findFirst();
    }
}
