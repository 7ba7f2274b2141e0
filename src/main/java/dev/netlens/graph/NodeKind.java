package dev.netlens.graph;

/** What a vertex of the topology graph stands for. Boxes (HOST, NAMESPACE) contain other vertices. */
public enum NodeKind {
    HOST, NAMESPACE, INTERFACE, BRIDGE, CONTAINER, NETWORK, PORT, UNDERLAY;

    /** Boxes are drawn as containers of other vertices, not as linkable shapes. */
    public boolean isBox() {
        return this == HOST || this == NAMESPACE;
    }
}
