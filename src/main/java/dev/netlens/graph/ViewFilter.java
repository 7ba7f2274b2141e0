package dev.netlens.graph;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the user asked to see. Filtering hides vertices but never re-lays the picture out, so the
 * class keeps its bearings when a filter is switched on and off.
 *
 * @param onlyNetwork a network name, or null for all
 * @param onlyHost a host id, or null for all
 * @param hideSystem hide Docker's service plumbing: ingress and load-balancer namespaces
 */
public record ViewFilter(boolean hideStopped, String onlyNetwork, String onlyHost, boolean hideSystem) {
    public static final ViewFilter NONE = new ViewFilter(false, null, null, false);

    /** Ids of the drawn vertices and links that pass the filter. */
    public Set<String> visible(TopologyGraph g) {
        Set<String> keep = new LinkedHashSet<>();
        for (TopoNode n : g.nodes()) {
            if (g.isDrawn(n) && passes(g, n)) {
                keep.add(n.id());
            }
        }
        // A vertex hidden with its box; a port hidden with its container.
        keep.removeIf(id -> g.ancestors(id).stream().anyMatch(a -> !keep.contains(a)));
        for (TopoLink l : g.links()) {
            if (l.kind() == LinkKind.PUBLISHED && !keep.contains(l.target())) {
                keep.remove(l.source());
            }
        }
        if (onlyNetwork != null) {
            keepNetwork(g, keep);
        }
        for (TopoLink l : g.links()) {
            if (keep.contains(l.source()) && keep.contains(l.target())) {
                keep.add(l.id());
            }
        }
        return keep;
    }

    private boolean passes(TopologyGraph g, TopoNode n) {
        if (onlyHost != null && !onlyHost.equals(n.host())) {
            return false;
        }
        if (hideSystem && n.kind() == NodeKind.NAMESPACE
                && n.subKind() instanceof SubKind.Namespace ns && ns.swarmInternal()) {
            return false;
        }
        return !(hideStopped && n.kind() == NodeKind.CONTAINER && n.subKind() != SubKind.ContainerState.RUNNING
                && n.subKind() != SubKind.ContainerState.PAUSED);
    }

    /** Keeps what carries the network, the boxes around it and the containers sharing those boxes. */
    private void keepNetwork(TopologyGraph g, Set<String> keep) {
        Set<String> netIds = new HashSet<>();
        for (TopoNode n : g.nodes()) {
            if (n.kind() == NodeKind.NETWORK && n.label().equals(onlyNetwork)) {
                netIds.add(n.ref());
            }
        }
        Set<String> on = new LinkedHashSet<>();
        for (String id : keep) {
            TopoNode n = g.node(id).orElseThrow();
            if (!n.kind().isBox() && n.networks().stream().anyMatch(netIds::contains)) {
                on.add(id);
            }
        }
        for (TopoLink l : g.links()) {
            if (l.kind() == LinkKind.PUBLISHED && on.contains(l.target()) && keep.contains(l.source())) {
                on.add(l.source());
            }
        }
        Set<String> boxes = new HashSet<>();
        on.forEach(id -> boxes.addAll(g.ancestors(id)));
        for (String id : keep) {
            TopoNode n = g.node(id).orElseThrow();
            if (n.kind() == NodeKind.CONTAINER && n.parent() != null && boxes.contains(n.parent())
                    && g.node(n.parent()).map(TopoNode::subKind).orElse(null) == SubKind.Namespace.CONTAINER) {
                on.add(id); // a container: member shares the namespace, so it shares the network
            }
        }
        on.addAll(boxes);
        keep.retainAll(on);
    }
}
