package dev.netlens.ui.firewall;

import dev.netlens.firewall.IpNet;
import dev.netlens.firewall.RuleMatcher;
import dev.netlens.firewall.Selector;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Endpoint;
import dev.netlens.snapshot.NamespaceKind;
import dev.netlens.snapshot.NetInterface;
import dev.netlens.snapshot.NetNamespace;
import dev.netlens.snapshot.Network;
import dev.netlens.snapshot.PortMapping;
import dev.netlens.snapshot.TopologySnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Translates between the canvas and the firewall, using the snapshot only: a selected vertex becomes
 * the facts rules can name (interfaces of the host namespace, addresses, published ports), and a
 * rule's facts become the vertices to light up on its host. Plain logic, no JavaFX.
 */
final class RuleLinks {
    private final TopologySnapshot snapshot;
    private final TopologyGraph graph;

    RuleLinks(TopologySnapshot snapshot, TopologyGraph graph) {
        this.snapshot = snapshot;
        this.graph = graph;
    }

    /** What the rules of the vertex's host could say about it; empty for boxes and unknown ids. */
    Selector selectorFor(String nodeId) {
        TopoNode n = nodeId == null ? null : graph.node(nodeId).orElse(null);
        if (n == null) {
            return Selector.empty();
        }
        return switch (n.kind()) {
            case CONTAINER -> container(n.ref());
            case BRIDGE, INTERFACE -> iface(n.ref());
            case PORT -> port(n);
            case NETWORK -> network(n.host(), n.ref());
            case UNDERLAY -> addresses(Selector.empty(), List.of(n.ref()));
            default -> Selector.empty();
        };
    }

    private Selector container(String containerId) {
        Container c = container(snapshot, containerId).orElse(null);
        if (c == null) {
            return Selector.empty();
        }
        Selector s = Selector.empty();
        for (Endpoint e : c.endpoints()) {
            s = addresses(s, Stream.of(e.ipv4(), e.ipv6()).filter(Objects::nonNull).map(RuleLinks::bare).toList());
        }
        for (PortMapping p : c.ports()) {
            s = s.withPort(p.hostPort(), p.protocol()).withPort(p.containerPort(), p.protocol());
        }
        return s;
    }

    /**
     * A host-namespace device by its name (that is what rules name) and, for a bridge, its networks'
     * subnets; any device also by its own addresses, taken as single hosts.
     */
    private Selector iface(String ifaceId) {
        NetInterface i = snapshot.interfaces().stream().filter(x -> x.id().equals(ifaceId)).findFirst().orElse(null);
        if (i == null) {
            return Selector.empty();
        }
        Selector s = Selector.empty();
        if (inHostNamespace(i)) {
            s = s.withInterface(i.name());
        }
        for (Network net : snapshot.networks()) {
            if (ifaceId.equals(net.bridge())) {
                s = addresses(s, net.subnets());
            }
        }
        List<String> own = i.addresses().stream().filter(a -> !a.toLowerCase().startsWith("fe80:")).map(RuleLinks::bare).toList();
        return addresses(s, own);
    }

    private Selector port(TopoNode n) {
        for (PortMapping p : container(snapshot, n.ref()).map(Container::ports).orElse(List.of())) {
            if (n.id().equals(portNodeId(n.host(), n.ref(), p))) {
                return Selector.ofPublishedPort(p.hostPort(), p.containerPort(), p.protocol());
            }
        }
        return Selector.empty();
    }

    private Selector network(String host, String networkId) {
        return snapshot.networks().stream().filter(x -> x.host().equals(host) && x.id().equals(networkId)).findFirst()
                .map(net -> {
                    Selector s = addresses(Selector.empty(), net.subnets());
                    NetInterface dev = net.bridge() == null ? null : iface(net.bridge(), snapshot);
                    return dev != null && inHostNamespace(dev) ? s.withInterface(dev.name()) : s;
                }).orElse(Selector.empty());
    }

    /**
     * The vertices on {@code hostId} a rule's facts name: host-namespace devices by name; containers
     * (and their interfaces, for a single address) by address; bridges whose whole subnet the rule
     * names; published ports by host port, or by container port when the rule also names the
     * container's address.
     */
    Set<String> nodesFor(Selector subjects, String hostId) {
        Set<String> out = new LinkedHashSet<>();
        if (hostId == null || subjects.isEmpty()) {
            return out;
        }
        for (NetInterface i : snapshot.interfaces()) {
            NetNamespace ns = namespace(i.namespace());
            if (ns == null || !hostId.equals(ns.host())) {
                continue;
            }
            if (ns.kind() == NamespaceKind.HOST
                    && subjects.interfaces().stream().anyMatch(p -> RuleMatcher.interfaceMatches(p, i.name()))) {
                out.add(TopologyGraph.ifId(i.id()));
            }
            boolean named = i.addresses().stream().map(RuleLinks::hostNet).filter(Objects::nonNull)
                    .anyMatch(a -> subjects.addresses().stream().anyMatch(s -> isHost(s) && s.contains(a)));
            if (named) {
                out.add(TopologyGraph.ifId(i.id()));
            }
        }
        for (Network net : snapshot.networks()) {
            if (!hostId.equals(net.host())) {
                continue;
            }
            boolean wholeSubnet = net.subnets().stream().map(IpNet::parseOrNull).filter(Objects::nonNull)
                    .anyMatch(sn -> subjects.addresses().stream().anyMatch(s -> s.contains(sn)));
            if (wholeSubnet) {
                out.add(graph.representative(TopologyGraph.netId(net.host(), net.id())));
            }
        }
        Set<String> addressed = new LinkedHashSet<>();
        for (Container c : snapshot.containers()) {
            if (!hostId.equals(c.host())) {
                continue;
            }
            boolean hit = c.endpoints().stream().flatMap(e -> Stream.of(e.ipv4(), e.ipv6())).map(RuleLinks::hostNet)
                    .filter(Objects::nonNull).anyMatch(a -> subjects.addresses().stream().anyMatch(s -> s.contains(a)));
            if (hit) {
                addressed.add(c.id());
                out.add(TopologyGraph.ctrId(c.host(), c.id()));
            }
        }
        for (Container c : snapshot.containers()) {
            if (!hostId.equals(c.host())) {
                continue;
            }
            for (PortMapping p : c.ports()) {
                boolean hostPort = subjects.ports().stream().anyMatch(q -> samePort(q, p.hostPort(), p.protocol()));
                boolean ctrPort = addressed.contains(c.id())
                        && subjects.ports().stream().anyMatch(q -> samePort(q, p.containerPort(), p.protocol()));
                if (hostPort || ctrPort) {
                    out.add(portNodeId(c.host(), c.id(), p));
                }
            }
        }
        out.removeIf(id -> graph.node(id).isEmpty());
        return out;
    }

    /** The host a vertex belongs to, or null. */
    String hostOf(String nodeId) {
        return nodeId == null ? null : graph.node(nodeId).map(TopoNode::host).orElse(null);
    }

    private static boolean samePort(Selector.Port rule, int number, String protocol) {
        return rule.number() == number && (rule.protocol() == null || protocol == null
                || rule.protocol().equalsIgnoreCase(protocol));
    }

    /** The canvas id TopologyGraph gives a published port. */
    static String portNodeId(String host, String containerId, PortMapping p) {
        return "port:" + host + "/" + containerId + "/" + p.hostIp() + ":" + p.hostPort() + "/" + p.protocol();
    }

    private boolean inHostNamespace(NetInterface i) {
        NetNamespace ns = namespace(i.namespace());
        return ns != null && ns.kind() == NamespaceKind.HOST;
    }

    private NetNamespace namespace(String id) {
        return namespaces().get(id);
    }

    private Map<String, NetNamespace> namespaceIndex;

    private Map<String, NetNamespace> namespaces() {
        if (namespaceIndex == null) {
            namespaceIndex = new HashMap<>();
            snapshot.namespaces().forEach(ns -> namespaceIndex.put(ns.id(), ns));
        }
        return namespaceIndex;
    }

    private static NetInterface iface(String id, TopologySnapshot s) {
        return s.interfaces().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
    }

    private static Optional<Container> container(TopologySnapshot s, String id) {
        return s.containers().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    private static boolean isHost(IpNet n) {
        return n.prefix() == n.bytes().length * 8;
    }

    /** "172.17.0.2/16" as the single address 172.17.0.2; null when unreadable. */
    private static IpNet hostNet(String address) {
        return address == null ? null : IpNet.parseOrNull(bare(address));
    }

    private static Selector addresses(Selector s, List<String> cidrs) {
        List<String> ok = new ArrayList<>();
        for (String c : cidrs) {
            if (c != null && IpNet.parseOrNull(c) != null) {
                ok.add(c);
            }
        }
        return ok.isEmpty() ? s : s.withAddress(ok.toArray(String[]::new));
    }

    private static String bare(String address) {
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }
}
