package dev.netlens.graph;

/**
 * An edge of the topology graph, from one snapshot fact.
 *
 * @param network the Docker network it belongs to, where one is known (tunnels always), else null
 * @param label short text drawn along the link (a VNI), or null
 * @param mtuMismatch both ends are interfaces whose MTUs differ: packets may be dropped here
 */
public record TopoLink(String id, LinkKind kind, String source, String target, String network, String label,
                       boolean mtuMismatch) {
    /** A VXLAN tunnel between hosts: ask this, not the id's {@code tunnel:} prefix. */
    public boolean isTunnel() {
        return kind == LinkKind.TUNNEL;
    }
}
