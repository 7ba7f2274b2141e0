package dev.netlens.discovery.swarm;

import java.util.Map;

/**
 * One node as a swarm manager lists it ({@code GET /nodes}).
 *
 * @param address the node's address as it reports it ({@code Status.Addr})
 * @param role manager or worker
 * @param availability active, pause or drain
 * @param state ready, down, unknown or disconnected
 */
public record SwarmNode(String id, String hostname, String address, String role, String availability, String state,
        Map<String, String> labels) {
    public SwarmNode {
        labels = Map.copyOf(labels);
    }

    public boolean ready() {
        return "ready".equals(state);
    }

    /** "vm (198.18.0.2, worker, active, ready)": how a user is shown the node. */
    public String describe() {
        return hostname + " (" + address + ", " + role + ", " + availability + ", " + state + ")";
    }
}
