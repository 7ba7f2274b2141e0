package dev.netlens.trace;

import dev.netlens.snapshot.TopologySnapshot;

/**
 * Computes what the captured state says happens to a packet from one endpoint to another: routes in
 * each namespace, veth crossings, bridges, VXLAN, and every host's firewall at each hook. Sends nothing.
 */
public final class Tracer {
    private final TopologySnapshot snapshot;

    public Tracer(TopologySnapshot snapshot) {
        this.snapshot = snapshot;
    }

    /**
     * @param from a container name or id, a DNS name as the source's networks resolve it, {@code host}, or an IPv4 address
     * @param to the same forms, followed by {@code :PORT} and {@code /tcp|udp|icmp} when wanted
     * @throws TraceArgumentException when an argument is malformed or names nothing in the snapshot
     */
    public TraceResult trace(String from, String to) {
        throw new UnsupportedOperationException("not yet");
    }
}
