package dev.netlens.discovery.swarm;

/**
 * How one swarm node's engine is reached: an endpoint that was checked to be that node, or the reason
 * there is none.
 *
 * @param endpoint the engine URI, or null
 * @param problem why the node cannot be reached, or null when it can
 */
public record NodeReach(SwarmNode node, String endpoint, String problem) {
    public boolean reachable() {
        return endpoint != null;
    }
}
