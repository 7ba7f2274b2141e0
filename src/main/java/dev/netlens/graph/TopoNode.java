package dev.netlens.graph;

import java.util.List;

/**
 * A vertex of the topology graph.
 *
 * @param id unique in the graph and stable across snapshots (kind prefix + snapshot key)
 * @param subKind the finer kind, typed per {@link NodeKind} (interface kind, namespace kind, container state...)
 * @param label the main text (a name)
 * @param caption a second, smaller line (an address, an image), or null
 * @param parent the id of the box this vertex is drawn inside, or null at the top level
 * @param ref the id of the snapshot element it stands for
 * @param host the host id it belongs to, or null (a tunnel end on an unknown host)
 * @param networks ids of the Docker networks this vertex carries or belongs to
 * @param mtu the MTU for interfaces, 0 otherwise
 */
public record TopoNode(
        String id,
        NodeKind kind,
        SubKind subKind,
        String label,
        String caption,
        String parent,
        String ref,
        String host,
        List<String> networks,
        int mtu,
        List<Detail> details) {
    public TopoNode {
        java.util.Objects.requireNonNull(subKind, "subKind");
        networks = networks == null ? List.of() : List.copyOf(networks);
        details = details == null ? List.of() : List.copyOf(details);
    }

    TopoNode withNetworks(List<String> newNetworks) {
        return new TopoNode(id, kind, subKind, label, caption, parent, ref, host, newNetworks, mtu, details);
    }

    TopoNode withParent(String newParent) {
        return new TopoNode(id, kind, subKind, label, caption, newParent, ref, host, networks, mtu, details);
    }

    TopoNode withCaption(String newCaption) {
        return new TopoNode(id, kind, subKind, label, newCaption, parent, ref, host, networks, mtu, details);
    }

    TopoNode withDetails(List<Detail> newDetails) {
        return new TopoNode(id, kind, subKind, label, caption, parent, ref, host, networks, mtu, newDetails);
    }
}
