package dev.netlens.graph;

/**
 * What a vertex of the topology graph stands for. Boxes (HOST, GROUP, NAMESPACE) contain other
 * vertices; a GROUP is a compose project, swarm stack or service (from the containers' labels). A
 * SUMMARY stands for a collapsed group or network (see {@link Collapse}).
 */
public enum NodeKind {
    HOST, GROUP, NAMESPACE, INTERFACE, BRIDGE, CONTAINER, NETWORK, PORT, UNDERLAY,
    /** A collapsed group or network: one shape with its name, counts and running containers' names. */
    SUMMARY;

    /** Boxes are drawn as containers of other vertices, not as linkable shapes. */
    public boolean isBox() {
        return this == HOST || this == GROUP || this == NAMESPACE;
    }
}
