package dev.netlens.reach;

/**
 * One node of a swarm as the manager lists it, with the engine found for it.
 *
 * @param endpoint the engine that reported this node's id, or null
 * @param problem why no engine of this node can be read, or null
 */
public record SwarmNodeEntry(String id, String hostname, String address, String role, String availability, String state,
        String endpoint, String problem) {
    public boolean reachable() {
        return endpoint != null;
    }

    /** "vm (198.18.0.2, worker, active, ready)", as the command line lists it. */
    public String describe() {
        return hostname + " (" + address + ", " + role + ", " + availability + ", " + state + ")";
    }
}
