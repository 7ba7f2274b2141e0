package dev.netlens.graph;

import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Endpoint;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.InterfaceKind;
import dev.netlens.snapshot.NamespaceKind;
import dev.netlens.snapshot.NetInterface;
import dev.netlens.snapshot.NetNamespace;
import dev.netlens.snapshot.Network;
import dev.netlens.snapshot.PortMapping;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.snapshot.Tunnel;
import dev.netlens.snapshot.TunnelEnd;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.builder.GraphTypeBuilder;

/**
 * The snapshot as a typed graph: vertices for hosts, namespaces, interfaces, containers, networks,
 * published ports and underlay endpoints; edges only where the snapshot states a fact (a veth peer,
 * a bridge master, a parent device, an endpoint's interface, a published port, a tunnel). Nothing
 * is inferred from names, so a missing fact shows as a missing line rather than a wrong one.
 * Immutable once built.
 */
public final class TopologyGraph {
    private final Graph<TopoNode, TopoLink> graph;
    private final Map<String, TopoNode> nodes;
    private final Map<String, TopoLink> links;
    private final Map<String, List<String>> children;

    private TopologyGraph(Map<String, TopoNode> nodes, Map<String, TopoLink> links) {
        this.nodes = Collections.unmodifiableMap(nodes);
        this.links = Collections.unmodifiableMap(links);
        Graph<TopoNode, TopoLink> g = GraphTypeBuilder.<TopoNode, TopoLink>directed()
                .allowingMultipleEdges(true).allowingSelfLoops(true).buildGraph();
        nodes.values().forEach(g::addVertex);
        for (TopoLink link : links.values()) {
            g.addEdge(nodes.get(link.source()), nodes.get(link.target()), link);
        }
        this.graph = new org.jgrapht.graph.AsUnmodifiableGraph<>(g);
        Map<String, List<String>> kids = new LinkedHashMap<>();
        for (TopoNode n : nodes.values()) {
            if (n.parent() != null) {
                kids.computeIfAbsent(n.parent(), k -> new ArrayList<>()).add(n.id());
            }
        }
        kids.replaceAll((k, v) -> List.copyOf(v));
        this.children = Collections.unmodifiableMap(kids);
    }

    public static TopologyGraph empty() {
        return new TopologyGraph(new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    public static TopologyGraph from(TopologySnapshot snapshot) {
        return new Builder(snapshot).build();
    }

    /** A graph of these vertices and links (both in the order given); links must join known vertices. */
    static TopologyGraph of(Map<String, TopoNode> nodes, Map<String, TopoLink> links) {
        return new TopologyGraph(new LinkedHashMap<>(nodes), new LinkedHashMap<>(links));
    }

    /** This graph with each of {@code ids} (groups, bridges, networks) folded into a summary: see {@link Collapse}. */
    public TopologyGraph collapsed(java.util.Collection<String> ids) {
        return ids.isEmpty() ? this : Collapse.apply(this, ids);
    }

    /** The JGraphT view, read-only. */
    public Graph<TopoNode, TopoLink> graph() {
        return graph;
    }

    public Collection<TopoNode> nodes() {
        return nodes.values();
    }

    public Collection<TopoLink> links() {
        return links.values();
    }

    public Optional<TopoNode> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    public Optional<TopoLink> link(String id) {
        return Optional.ofNullable(links.get(id));
    }

    public List<String> children(String boxId) {
        return children.getOrDefault(boxId, List.of());
    }

    public List<TopoLink> linksOf(String nodeId) {
        TopoNode n = nodes.get(nodeId);
        return n == null ? List.of() : List.copyOf(graph.edgesOf(n));
    }

    /** Ids of every box containing this vertex, nearest first. */
    public List<String> ancestors(String nodeId) {
        List<String> out = new ArrayList<>();
        TopoNode n = nodes.get(nodeId);
        while (n != null && n.parent() != null) {
            out.add(n.parent());
            n = nodes.get(n.parent());
        }
        return out;
    }

    /**
     * Whether the vertex gets a shape of its own. A network implemented by a kernel device is shown
     * by that device (a bridge labelled with the network), so it is not drawn twice.
     */
    public boolean isDrawn(TopoNode node) {
        return node.kind() != NodeKind.NETWORK || representative(node.id()).equals(node.id());
    }

    /** The drawn vertex standing for this one: a network's device, else the vertex itself. */
    public String representative(String nodeId) {
        TopoNode n = nodes.get(nodeId);
        if (n != null && n.kind() == NodeKind.NETWORK) {
            for (TopoLink l : graph.outgoingEdgesOf(n)) {
                if (l.kind() == LinkKind.NETWORK_DEVICE) {
                    return l.target();
                }
            }
        }
        return nodeId;
    }

    /** Ids of every vertex inside a box, at any depth (a namespace's devices, a host's namespaces and theirs). */
    public Set<String> descendants(String boxId) {
        Set<String> out = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(children(boxId));
        while (!todo.isEmpty()) {
            String id = todo.poll();
            if (out.add(id)) {
                todo.addAll(children(id));
            }
        }
        return out;
    }

    /**
     * The way out from a vertex toward its host: container -> interface -> veth peer -> bridge ->
     * (vxlan -> tunnel) -> host. A bridge selects its ports instead (who is on this bridge), and a
     * box (a namespace or a host) what it holds: its members at any depth and the links between them.
     * A box has no links of its own, so following links alone gave it an empty path and a selected
     * namespace left everything in it dimmed.
     *
     * @return ids of the vertices and links on that path, including the start and its host box
     */
    public Set<String> pathFrom(String nodeId) {
        Set<String> out = new LinkedHashSet<>();
        TopoNode start = nodes.get(representative(nodeId));
        if (start == null) {
            return out;
        }
        if (start.kind().isBox()) {
            out.add(start.id());
            out.addAll(descendants(start.id()));
            for (TopoLink l : links.values()) {
                if (out.contains(l.source()) && out.contains(l.target())) {
                    out.add(l.id());
                }
            }
            if (start.host() != null && nodes.containsKey("host:" + start.host())) {
                out.add("host:" + start.host());
            }
            return out;
        }
        Deque<TopoNode> todo = new ArrayDeque<>();
        todo.add(start);
        out.add(start.id());
        if (start.kind() == NodeKind.BRIDGE) {
            for (TopoLink l : graph.incomingEdgesOf(start)) {
                if (l.kind() == LinkKind.BRIDGE_PORT) {
                    out.add(l.id());
                    out.add(l.source());
                }
            }
        }
        while (!todo.isEmpty()) {
            TopoNode n = todo.poll();
            for (TopoLink l : graph.edgesOf(n)) {
                String other = l.source().equals(n.id()) ? l.target() : l.source();
                if (followsUpward(n, l) && out.add(other)) {
                    out.add(l.id());
                    todo.add(nodes.get(other));
                } else if (followsUpward(n, l)) {
                    out.add(l.id());
                }
            }
        }
        if (start.host() != null && nodes.containsKey("host:" + start.host())) {
            out.add("host:" + start.host());
        }
        return out;
    }

    private boolean followsUpward(TopoNode from, TopoLink l) {
        boolean outgoing = l.source().equals(from.id());
        return switch (l.kind()) {
            case VETH -> true;
            case ENDPOINT -> outgoing;
            case BRIDGE_PORT -> outgoing
                    || nodes.get(l.source()).subKind() == SubKind.Device.VXLAN;
            case PARENT -> outgoing;
            case PUBLISHED -> !outgoing && from.kind() == NodeKind.CONTAINER;
            case TUNNEL -> true;
            case NETWORK_DEVICE -> false;
        };
    }

    /** Builds the graph in snapshot order, so ids and iteration order are deterministic. */
    private static final class Builder {
        private final TopologySnapshot s;
        private final Map<String, TopoNode> nodes = new LinkedHashMap<>();
        private final Map<String, TopoLink> links = new LinkedHashMap<>();
        private final Map<String, NetInterface> ifaces = new LinkedHashMap<>();
        private final Map<String, NetNamespace> namespaces = new LinkedHashMap<>();
        private final Map<String, String> hostNamespace = new LinkedHashMap<>();
        private final Map<String, Set<String>> nets = new LinkedHashMap<>();
        private final Map<String, Host> hosts = new LinkedHashMap<>();

        Builder(TopologySnapshot s) {
            this.s = s;
            s.hosts().forEach(h -> hosts.put(h.id(), h));
            s.interfaces().forEach(i -> ifaces.put(i.id(), i));
            s.namespaces().forEach(n -> namespaces.put(n.id(), n));
            for (NetNamespace n : s.namespaces()) {
                if (n.kind() == NamespaceKind.HOST) {
                    hostNamespace.putIfAbsent(n.host(), nsId(n.id()));
                }
            }
        }

        TopologyGraph build() {
            s.hosts().forEach(this::host);
            s.namespaces().forEach(this::namespace);
            s.interfaces().forEach(this::iface);
            s.networks().forEach(this::network);
            s.containers().forEach(this::container);
            groups();
            s.interfaces().forEach(this::interfaceLinks);
            s.tunnels().forEach(this::tunnel);
            spreadNetworks();
            nodes.replaceAll((id, n) -> finish(n));
            links.replaceAll((id, l) -> withMtu(l));
            return new TopologyGraph(nodes, links);
        }

        /** A host as people know it: its name and the address Netlens used ({@code vm (unix:///var/run/docker.sock)}), not its id. */
        private String hostText(String hostId) {
            Host h = hostId == null ? null : hosts.get(hostId);
            if (h == null) {
                return hostId;
            }
            String name = h.name() == null || h.name().isBlank() ? h.id() : h.name();
            return h.endpoint() == null ? name : name + " (" + h.endpoint() + ")";
        }

        private void host(Host h) {
            String caption = "engine " + nz(h.engineVersion()) + (h.underlayAddress() == null ? "" : " · " + h.underlayAddress());
            List<Detail> d = new ArrayList<>();
            d.add(new Detail(Fact.HOST, h.name()));
            d.add(new Detail(Fact.ENDPOINT, h.endpoint()));
            d.add(new Detail(Fact.ENGINE, h.engineVersion()));
            d.add(new Detail(Fact.KERNEL, h.kernelVersion()));
            d.add(new Detail(Fact.SWARM_NODE, h.swarmNodeId()));
            d.add(new Detail(Fact.UNDERLAY, h.underlayAddress()));
            d.add(new Detail(Fact.KERNEL_VIEW, Phrase.of(h.kernelView())));
            for (String m : h.missing()) {
                d.add(new Detail(Fact.CANNOT_SEE, m));
            }
            put(new TopoNode(hostId(h.id()), NodeKind.HOST, h.kernelView() ? SubKind.Host.KERNEL : SubKind.Host.API_ONLY, h.name(), caption,
                    null, h.id(), h.id(), List.of(), 0, d));
        }

        private void namespace(NetNamespace n) {
            boolean host = n.kind() == NamespaceKind.HOST;
            String parent = nodes.containsKey(hostId(n.host())) ? hostId(n.host()) : null;
            List<Detail> d = List.of(new Detail(Fact.NAMESPACE, n.name()), new Detail(Fact.KIND, n.kind().wireName()),
                    new Detail(Fact.PATH, n.path()), new Detail(Fact.HOST, hostText(n.host())),
                    new Detail(Fact.CONTAINERS, String.valueOf(n.containers().size())));
            put(new TopoNode(nsId(n.id()), NodeKind.NAMESPACE, SubKind.Namespace.of(n.kind()),
                    host ? "host namespace" : n.name(), host ? null : n.kind().wireName(), parent, n.id(), n.host(),
                    List.of(), 0, d));
        }

        private void iface(NetInterface i) {
            NetNamespace ns = namespaces.get(i.namespace());
            String host = ns == null ? null : ns.host();
            // Every loopback holds 127.0.0.1/8: printed on each card it is noise (the panel still lists it).
            String caption = i.kind() == InterfaceKind.LOOPBACK ? null
                    : i.kind() == InterfaceKind.VXLAN && i.vni() != null ? "VNI " + i.vni()
                    : shownAddress(i.addresses());
            List<Detail> d = new ArrayList<>();
            d.add(new Detail(Fact.INTERFACE, i.name()));
            d.add(new Detail(Fact.KIND, i.kind().wireName()));
            d.add(new Detail(Fact.NAMESPACE, ns == null ? i.namespace() : ns.name()));
            d.add(new Detail(Fact.HOST, hostText(host)));
            d.add(new Detail(Fact.IFINDEX, String.valueOf(i.ifindex())));
            d.add(new Detail(Fact.MTU, String.valueOf(i.mtu())));
            d.add(new Detail(Fact.MAC, i.mac()));
            d.add(new Detail(Fact.STATE, i.state()));
            d.add(i.addresses().isEmpty() ? new Detail(Fact.ADDRESSES, Phrase.NONE) : new Detail(Fact.ADDRESSES, String.join(", ", i.addresses())));
            d.add(new Detail(Fact.MASTER, ifaceName(i.master())));
            d.add(new Detail(Fact.VETH_PEER, ifaceName(i.peer())));
            d.add(new Detail(Fact.PARENT, ifaceName(i.parent())));
            if (i.vni() != null) {
                d.add(new Detail(Fact.VNI, String.valueOf(i.vni())));
                d.add(new Detail(Fact.VXLAN_PORT, String.valueOf(i.vxlanPort())));
            }
            NodeKind kind = i.kind() == InterfaceKind.BRIDGE ? NodeKind.BRIDGE : NodeKind.INTERFACE;
            put(new TopoNode(ifId(i.id()), kind, SubKind.Device.of(i.kind()), i.name(), caption,
                    nodes.containsKey(nsId(i.namespace())) ? nsId(i.namespace()) : null, i.id(), host, List.of(), i.mtu(), d));
        }

        private void network(Network n) {
            String id = netId(n.host(), n.id());
            List<Detail> d = new ArrayList<>();
            d.add(new Detail(Fact.NETWORK, n.name()));
            d.add(new Detail(Fact.DRIVER, n.driver()));
            d.add(new Detail(Fact.SCOPE, n.scope()));
            d.add(new Detail(Fact.ID, shortId(n.id())));
            d.add(new Detail(Fact.SUBNETS, String.join(", ", n.subnets())));
            d.add(new Detail(Fact.GATEWAYS, String.join(", ", gateways(n))));
            d.add(new Detail(Fact.INTERNAL, String.valueOf(n.internal())));
            if (n.vni() != null) {
                d.add(new Detail(Fact.VNI, String.valueOf(n.vni())));
            }
            n.peers().forEach(p -> d.add(new Detail(Fact.PEER, p.name() + " " + p.address())));
            put(new TopoNode(id, NodeKind.NETWORK, new SubKind.EngineWord(n.driver()), n.name(), n.driver(),
                    nodes.containsKey(hostId(n.host())) ? hostId(n.host()) : null, n.id(), n.host(), List.of(n.id()), 0, d));
            String device = n.bridge() != null ? n.bridge() : n.parent();
            if (device != null && nodes.containsKey(ifId(device))) {
                addLink(new TopoLink("netdev:" + id, LinkKind.NETWORK_DEVICE, id, ifId(device), n.id(), null, false));
            }
            for (String dev : new String[] {n.bridge(), n.vxlan(), n.parent()}) {
                if (dev != null) {
                    tag(ifId(dev), n.id());
                }
            }
        }

        private void container(Container c) {
            String id = ctrId(c.host(), c.id());
            String parent;
            if (c.namespace() != null && nodes.containsKey(nsId(c.namespace()))) {
                parent = nsId(c.namespace());
            } else if ("host".equals(c.networkMode()) && c.running() && hostNamespace.containsKey(c.host())) {
                parent = hostNamespace.get(c.host()); // host mode: the engine's own statement of where it lives
            } else {
                parent = nodes.containsKey(hostId(c.host())) ? hostId(c.host()) : null;
            }
            List<Detail> d = new ArrayList<>();
            d.add(new Detail(Fact.CONTAINER, c.name()));
            d.add(new Detail(Fact.ID, shortId(c.id())));
            d.add(new Detail(Fact.IMAGE, c.image()));
            d.add(new Detail(Fact.STATE, c.state()));
            d.add(new Detail(Fact.NETWORK_MODE, Container.sharedNetworkRef(c.networkMode())
                    .map(ref -> "container:" + shortId(ref)).orElse(c.networkMode())));
            d.add(new Detail(Fact.HOST, hostText(c.host())));
            List<String> networks = new ArrayList<>();
            for (Endpoint e : c.endpoints()) {
                networks.add(e.network());
                d.add(new Detail(Fact.ENDPOINT, nz(e.networkName()), nz(e.ipv4())
                        + (e.ipv6() == null || e.ipv6().isBlank() ? "" : "  " + e.ipv6())
                        + (e.mac() == null ? "" : "  " + e.mac())));
            }
            for (PortMapping p : c.ports()) {
                d.add(new Detail(Fact.PUBLISHED, portText(p)));
            }
            put(new TopoNode(id, NodeKind.CONTAINER, SubKind.ContainerState.of(c.state()), c.name(), c.image(), parent, c.id(), c.host(),
                    networks, 0, d));
            for (Endpoint e : c.endpoints()) {
                if (e.interfaceId() != null && nodes.containsKey(ifId(e.interfaceId()))) {
                    addLink(new TopoLink("ep:" + id + "|" + ifId(e.interfaceId()), LinkKind.ENDPOINT, id,
                            ifId(e.interfaceId()), e.network(), null, false));
                    tag(ifId(e.interfaceId()), e.network());
                }
            }
            String portParent = hostNamespace.getOrDefault(c.host(), nodes.containsKey(hostId(c.host())) ? hostId(c.host()) : null);
            for (PortMapping p : c.ports()) {
                String pid = "port:" + c.host() + "/" + c.id() + "/" + p.hostIp() + ":" + p.hostPort() + "/" + p.protocol();
                String ip = p.hostIp() == null || p.hostIp().equals("0.0.0.0") || p.hostIp().equals("::") ? null : p.hostIp();
                put(new TopoNode(pid, NodeKind.PORT, new SubKind.EngineWord(p.protocol()), p.hostPort() + "→" + p.containerPort() + "/" + p.protocol(),
                        ip, portParent, c.id(), c.host(), List.of(),
                        0, List.of(new Detail(Fact.PUBLISHED_PORT, portText(p)), new Detail(Fact.CONTAINER, c.name()),
                                new Detail(Fact.HOST, hostText(c.host())))));
                addLink(new TopoLink("pub:" + pid, LinkKind.PUBLISHED, pid, id, null, null, false));
            }
        }

        private void interfaceLinks(NetInterface i) {
            String self = ifId(i.id());
            if (i.peer() != null && nodes.containsKey(ifId(i.peer()))) {
                String a = self.compareTo(ifId(i.peer())) < 0 ? self : ifId(i.peer());
                String b = a.equals(self) ? ifId(i.peer()) : self;
                addLink(new TopoLink("veth:" + a + "|" + b, LinkKind.VETH, a, b, null, null, false));
            }
            if (i.master() != null && nodes.containsKey(ifId(i.master()))) {
                addLink(new TopoLink("brport:" + self, LinkKind.BRIDGE_PORT, self, ifId(i.master()), null, null, false));
            }
            if (i.parent() != null && nodes.containsKey(ifId(i.parent()))) {
                addLink(new TopoLink("parent:" + self, LinkKind.PARENT, self, ifId(i.parent()), null, null, false));
            }
        }

        private void tunnel(Tunnel t) {
            if (t.from() == null || t.to() == null || t.from().address() == null || t.to().address() == null
                    || t.from().address().equals(t.to().address())) {
                return;
            }
            String a = underlay(t.from(), t);
            String b = underlay(t.to(), t);
            String lo = a.compareTo(b) < 0 ? a : b;
            String hi = lo.equals(a) ? b : a;
            addLink(new TopoLink("tunnel:" + t.network() + "|" + lo + "|" + hi, LinkKind.TUNNEL, lo, hi, t.network(),
                    "VXLAN " + nz(t.networkName()) + " · VNI " + t.vni(), false));
        }

        /** The host-namespace interface holding a tunnel end's address, or a vertex for the bare address. */
        private String underlay(TunnelEnd end, Tunnel t) {
            String hostNs = end.host() == null ? null : hostNamespace.get(end.host());
            if (hostNs != null) {
                for (NetInterface i : ifaces.values()) {
                    if (hostNs.equals(nsId(i.namespace()))
                            && i.addresses().stream().anyMatch(a -> a.split("/")[0].equals(end.address()))) {
                        tag(ifId(i.id()), t.network());
                        return ifId(i.id());
                    }
                }
            }
            String id = "underlay:" + (end.host() == null ? "?" : end.host()) + "/" + end.address();
            if (!nodes.containsKey(id)) {
                String parent = hostNs != null ? hostNs
                        : end.host() != null && nodes.containsKey(hostId(end.host())) ? hostId(end.host()) : null;
                put(new TopoNode(id, NodeKind.UNDERLAY, end.host() == null ? SubKind.Underlay.REMOTE : SubKind.Underlay.LOCAL, end.address(),
                        end.host() == null ? "peer (unknown host)" : "underlay", parent, end.address(), end.host(),
                        List.of(), 0, List.of(new Detail(Fact.UNDERLAY_ADDRESS, end.address()),
                                end.host() == null ? new Detail(Fact.HOST, Phrase.NOT_DISCOVERED) : new Detail(Fact.HOST, hostText(end.host())))));
            }
            tag(id, t.network());
            return id;
        }

        /**
         * Compose projects, swarm stacks and services as group boxes on their host, from the
         * containers' labels. A namespace moves into a group when every container in it belongs to
         * that group; a container with no namespace (stopped) stays on its host's shelf.
         */
        private void groups() {
            Map<String, Set<String>> groupsOfNs = new LinkedHashMap<>();
            Map<String, Integer> members = new LinkedHashMap<>();
            for (Container c : s.containers()) {
                Grouping g = group(c);
                if (g == null || !nodes.containsKey(hostId(c.host()))) {
                    continue;
                }
                String gid = groupId(c.host(), g.kind().wireName(), g.name());
                if (!nodes.containsKey(gid)) {
                    String kind = g.kind().wireName();
                    put(new TopoNode(gid, NodeKind.GROUP, g.kind(), g.name(), kind, hostId(c.host()), g.name(), c.host(), List.of(), 0,
                            List.of(new Detail(Fact.GROUP, g.name()), new Detail(Fact.KIND, kind), new Detail(Fact.HOST, hostText(c.host())))));
                }
                members.merge(gid, 1, Integer::sum);
                String cid = ctrId(c.host(), c.id());
                if (!c.running() && nodes.containsKey(cid) && hostId(c.host()).equals(nodes.get(cid).parent())) {
                    nodes.put(cid, nodes.get(cid).withParent(gid)); // a stopped member: counted by its group
                }
                String ns = c.namespace() != null ? nsId(c.namespace()) : null;
                if (ns != null && nodes.containsKey(ns) && !ns.equals(hostNamespace.get(c.host()))) {
                    groupsOfNs.computeIfAbsent(ns, k -> new LinkedHashSet<>()).add(gid);
                }
            }
            for (Container c : s.containers()) {
                String ns = c.namespace() != null ? nsId(c.namespace()) : null;
                if (ns != null && groupsOfNs.containsKey(ns) && group(c) == null) {
                    groupsOfNs.get(ns).add(""); // an ungrouped container shares it: the namespace stays put
                }
            }
            groupsOfNs.forEach((ns, gs) -> {
                if (gs.size() == 1) {
                    nodes.put(ns, nodes.get(ns).withParent(gs.iterator().next()));
                }
            });
            members.forEach((gid, n) -> {
                TopoNode g = nodes.get(gid);
                List<Detail> d = new ArrayList<>(g.details());
                d.add(new Detail(Fact.CONTAINERS, String.valueOf(n)));
                nodes.put(gid, g.withDetails(d));
            });
        }

        /** Networks flow along bridge membership and veth pairs (both are wiring facts). */
        private void spreadNetworks() {
            for (int pass = 0; pass < 3; pass++) {
                for (TopoLink l : links.values()) {
                    if (l.kind() == LinkKind.BRIDGE_PORT || l.kind() == LinkKind.VETH) {
                        Set<String> from = nets.getOrDefault(l.target(), Set.of());
                        if (l.kind() == LinkKind.VETH) {
                            new ArrayList<>(nets.getOrDefault(l.source(), Set.of())).forEach(n -> tag(l.target(), n));
                        }
                        new ArrayList<>(from).forEach(n -> tag(l.source(), n));
                    }
                }
            }
        }

        private TopoNode finish(TopoNode n) {
            Set<String> extra = nets.get(n.id());
            TopoNode out = n;
            if (extra != null && !n.kind().equals(NodeKind.CONTAINER) && !n.kind().equals(NodeKind.NETWORK)) {
                out = out.withNetworks(List.copyOf(extra));
            }
            if (n.kind() == NodeKind.BRIDGE) {
                // A bridge is labelled with the Docker network it implements: the lesson's key link.
                String names = s.networks().stream().filter(net -> ifId(nz(net.bridge())).equals(n.id()))
                        .map(Network::name).reduce((x, y) -> x + ", " + y).orElse(null);
                if (names != null) {
                    out = out.withCaption(names + (n.caption() == null ? "" : " · " + n.caption()));
                }
            }
            if (n.kind() == NodeKind.INTERFACE || n.kind() == NodeKind.BRIDGE) {
                List<Detail> d = new ArrayList<>(out.details());
                d.add(out.networks().isEmpty() ? new Detail(Fact.NETWORKS, Phrase.NONE)
                        : new Detail(Fact.NETWORKS, String.join(", ", out.networks().stream().map(this::networkName).toList())));
                out = out.withDetails(d);
            }
            return out;
        }

        private TopoLink withMtu(TopoLink l) {
            if (l.kind() != LinkKind.VETH && l.kind() != LinkKind.BRIDGE_PORT) {
                return l; // a vxlan or macvlan below its parent is smaller on purpose
            }
            TopoNode a = nodes.get(l.source());
            TopoNode b = nodes.get(l.target());
            boolean mismatch = a.mtu() > 0 && b.mtu() > 0 && a.mtu() != b.mtu();
            return mismatch ? new TopoLink(l.id(), l.kind(), l.source(), l.target(), l.network(),
                    "MTU " + a.mtu() + " ≠ " + b.mtu(), true) : l;
        }

        private String networkName(String netId) {
            return s.networks().stream().filter(n -> n.id().equals(netId)).map(Network::name).findFirst().orElse(shortId(netId));
        }

        private void tag(String nodeId, String network) {
            if (network != null) {
                nets.computeIfAbsent(nodeId, k -> new LinkedHashSet<>()).add(network);
            }
        }

        /**
         * The engine's gateways; where its IPAM lists none (Docker 20.10 leaves an IPv6 subnet's gateway
         * out unless given), the addresses of the network's bridge, which is the gateway.
         */
        private List<String> gateways(Network n) {
            NetInterface bridge = n.bridge() == null ? null : ifaces.get(n.bridge());
            if (!n.gateways().isEmpty() || bridge == null) {
                return n.gateways();
            }
            return bridge.addresses().stream().filter(a -> !linkLocal(a)).map(a -> a.split("/")[0]).toList();
        }

        private String ifaceName(String ifaceId) {
            if (ifaceId == null) {
                return null;
            }
            NetInterface i = ifaces.get(ifaceId);
            if (i == null) {
                return ifaceId + " (not captured)";
            }
            NetNamespace ns = namespaces.get(i.namespace());
            return i.name() + (ns == null ? "" : " in " + (ns.kind() == NamespaceKind.HOST ? "host" : ns.name()));
        }

        private void put(TopoNode n) {
            nodes.putIfAbsent(n.id(), n);
        }

        private void addLink(TopoLink l) {
            links.putIfAbsent(l.id(), l);
        }
    }

    /** A group a container belongs to by its labels: which label, and the name it gives. */
    record Grouping(SubKind.Group kind, String name) {
    }

    /**
     * The group a container belongs to by its labels: its compose project, else its swarm stack, else
     * its swarm service; null for none.
     */
    static Grouping group(Container c) {
        Map<String, String> l = c.labels();
        String project = l.get("com.docker.compose.project");
        if (project != null && !project.isBlank()) {
            return new Grouping(SubKind.Group.COMPOSE, project);
        }
        String stack = l.get("com.docker.stack.namespace");
        if (stack != null && !stack.isBlank()) {
            return new Grouping(SubKind.Group.STACK, stack);
        }
        String service = l.get("com.docker.swarm.service.name");
        if (service != null && !service.isBlank()) {
            return new Grouping(SubKind.Group.SERVICE, service);
        }
        return null;
    }

    public static String groupId(String host, String kind, String name) {
        return "group:" + host + "/" + kind + "/" + name;
    }

    /**
     * The addresses worth printing on a shape: the first IPv4 and the first global IPv6 (a dual-stack
     * interface shows both); never a link-local fe80:: (every veth has one).
     */
    static String shownAddress(List<String> addresses) {
        String v4 = addresses.stream().filter(a -> !a.contains(":")).findFirst().orElse(null);
        String v6 = addresses.stream().filter(a -> a.contains(":") && !linkLocal(a)).findFirst().orElse(null);
        if (v4 != null && v6 != null) {
            return v4 + " · " + v6;
        }
        return v4 != null ? v4 : v6;
    }

    private static boolean linkLocal(String address) {
        return address.toLowerCase(java.util.Locale.ROOT).startsWith("fe80:");
    }

    static String portText(PortMapping p) {
        return nz(p.hostIp()) + ":" + p.hostPort() + " → " + p.containerPort() + "/" + p.protocol();
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    static String shortId(String id) {
        return id == null ? "" : id.length() > 12 ? id.substring(0, 12) : id;
    }

    public static String hostId(String host) {
        return "host:" + host;
    }

    public static String nsId(String ns) {
        return "ns:" + ns;
    }

    public static String ifId(String iface) {
        return "if:" + iface;
    }

    public static String ctrId(String host, String container) {
        return "ctr:" + host + "/" + container;
    }

    public static String netId(String host, String network) {
        return "net:" + host + "/" + network;
    }
}
