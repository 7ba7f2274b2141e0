package dev.netlens.reveal;

import dev.netlens.graph.LinkKind;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.SubKind;
import dev.netlens.graph.TopoLink;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which layer each vertex and link of a graph belongs to, and so what each reveal step shows:
 * step k shows the layers up to the k-th. A link appears with the later of its own kind's layer
 * and its two ends' layers (a tunnel joins two underlay ends, yet belongs to the overlay step).
 */
public final class RevealPlan {
    public static final List<RevealLayer> STEPS = List.of(RevealLayer.values());
    private final Map<String, RevealLayer> layerOf = new HashMap<>();
    private final Map<RevealLayer, Integer> added = new EnumMap<>(RevealLayer.class);

    public RevealPlan(TopologyGraph graph) {
        for (RevealLayer l : RevealLayer.values()) {
            added.put(l, 0);
        }
        for (TopoNode n : graph.nodes()) {
            put(n.id(), nodeLayer(graph, n));
        }
        for (TopoLink l : graph.links()) {
            RevealLayer own = linkLayer(l.kind());
            RevealLayer a = layerOf.get(l.source());
            RevealLayer b = layerOf.get(l.target());
            put(l.id(), max(own, max(a, b)));
        }
    }

    private void put(String id, RevealLayer layer) {
        layerOf.put(id, layer);
        added.merge(layer, 1, Integer::sum);
    }

    private static RevealLayer max(RevealLayer a, RevealLayer b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    private static RevealLayer nodeLayer(TopologyGraph g, TopoNode n) {
        SubKind.Namespace ns = namespaceKind(g, n);
        SubKind sub = n.subKind();
        switch (n.kind()) {
            case HOST:
            case UNDERLAY:
                return RevealLayer.PHYSICAL;
            case NAMESPACE:
                return sub == SubKind.Namespace.HOST ? RevealLayer.HOST_BRIDGES
                        : sub == SubKind.Namespace.CONTAINER ? RevealLayer.CONTAINERS
                        : RevealLayer.OVERLAY; // overlay, ingress and load-balancer namespaces: swarm's
            case NETWORK:
                return RevealLayer.HOST_BRIDGES;
            case GROUP:
            case CONTAINER:
                return RevealLayer.CONTAINERS;
            case PORT:
                return RevealLayer.PORTS_FIREWALL;
            case SUMMARY:
                // A collapsed network comes with the bridges; a collapsed group with the containers it holds.
                return sub == SubKind.Summary.NETWORK ? RevealLayer.HOST_BRIDGES : RevealLayer.CONTAINERS;
            default:
                break;
        }
        // Interfaces and bridges: by the namespace they live in, and their kind.
        if (ns != SubKind.Namespace.HOST) {
            if (ns == SubKind.Namespace.CONTAINER) {
                return sub == SubKind.Device.VETH ? RevealLayer.VETH : RevealLayer.CONTAINERS;
            }
            return RevealLayer.OVERLAY;
        }
        if (n.kind() == NodeKind.BRIDGE) {
            return RevealLayer.HOST_BRIDGES;
        }
        if (!(sub instanceof SubKind.Device device)) {
            return RevealLayer.PHYSICAL;
        }
        return switch (device) {
            case VETH -> RevealLayer.VETH;
            case VXLAN -> RevealLayer.OVERLAY;
            case MACVLAN, IPVLAN -> RevealLayer.CONTAINERS;
            default -> RevealLayer.PHYSICAL; // eth0, lo, other devices of the host itself
        };
    }

    /** The kind of the namespace box a vertex is drawn in (the host's when it is outside any). */
    private static SubKind.Namespace namespaceKind(TopologyGraph g, TopoNode n) {
        for (String box : g.ancestors(n.id())) {
            TopoNode b = g.node(box).orElse(null);
            if (b != null && b.subKind() instanceof SubKind.Namespace ns) {
                return ns;
            }
        }
        return SubKind.Namespace.HOST;
    }

    private static RevealLayer linkLayer(LinkKind kind) {
        return switch (kind) {
            case TUNNEL -> RevealLayer.OVERLAY;
            case PUBLISHED -> RevealLayer.PORTS_FIREWALL;
            case ENDPOINT -> RevealLayer.CONTAINERS;
            case VETH -> RevealLayer.VETH;
            default -> RevealLayer.PHYSICAL;
        };
    }

    public RevealLayer layerOf(String id) {
        return layerOf.getOrDefault(id, RevealLayer.PHYSICAL);
    }

    /** Layers visible at a step (0-based). */
    public static Set<RevealLayer> layersAt(int step) {
        return Collections.unmodifiableSet(new HashSet<>(STEPS.subList(0, Math.min(step, STEPS.size() - 1) + 1)));
    }

    /** Ids of the vertices and links visible at a step. */
    public Set<String> visibleAt(int step) {
        int limit = Math.min(step, STEPS.size() - 1);
        Set<String> out = new HashSet<>();
        layerOf.forEach((id, layer) -> {
            if (layer.ordinal() <= limit) {
                out.add(id);
            }
        });
        return Collections.unmodifiableSet(out);
    }

    /** Ids of the vertices and links a step (0-based) adds to the previous one: those of its layer. */
    public Set<String> addedAt(int step) {
        RevealLayer layer = STEPS.get(Math.max(0, Math.min(step, STEPS.size() - 1)));
        Set<String> out = new HashSet<>();
        layerOf.forEach((id, l) -> {
            if (l == layer) {
                out.add(id);
            }
        });
        return Collections.unmodifiableSet(out);
    }

    /** How many vertices and links a layer adds. */
    public int addedBy(RevealLayer layer) {
        return added.get(layer);
    }
}
