package dev.netlens.discovery;

import java.util.Set;

/**
 * What the engine's events said changed on one engine since the last pass: the ids of containers
 * and networks to inspect again. Everything else an incremental pass may take from the last one.
 *
 * @param containers container ids named by container events (and by network connect/disconnect)
 * @param networks network ids named by network events
 */
public record EngineChanges(Set<String> containers, Set<String> networks) {
    public static final EngineChanges NONE = new EngineChanges(Set.of(), Set.of());

    public EngineChanges {
        containers = Set.copyOf(containers);
        networks = Set.copyOf(networks);
    }

    public boolean isEmpty() {
        return containers.isEmpty() && networks.isEmpty();
    }
}
