package dev.netlens.snapshot;

import java.util.Optional;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A container and its networking. Environment variables are deliberately absent: Netlens never
 * stores, shows or exports them. Of its labels only the few that say which project or service it
 * belongs to are kept ({@link #GROUPING_LABELS}); no other label is ever stored.
 *
 * @param state the engine's status word: running, created, exited, paused, ...
 * @param networkMode the engine's network mode: bridge, host, none, container:ID or a network name
 * @param namespace the namespace it lives in (an id), or null when it has none (not running)
 * @param labels its grouping labels (keys among {@link #GROUPING_LABELS}, sorted); any other key, and
 *     any null key or value, is dropped here, so no other label can reach a snapshot
 */
public record Container(
        String id,
        String host,
        String name,
        String image,
        String state,
        String networkMode,
        String namespace,
        List<Endpoint> endpoints,
        List<PortMapping> ports,
        Map<String, String> labels) {
    /**
     * The only labels a snapshot holds: the compose project and service, the swarm stack and
     * service. They say how containers group; what a grouping shows is decided elsewhere.
     */
    public static final List<String> GROUPING_LABELS = List.of(
            "com.docker.compose.project",
            "com.docker.compose.service",
            "com.docker.stack.namespace",
            "com.docker.swarm.service.name");

    public Container {
        endpoints = Lists.copy(endpoints);
        ports = Lists.copy(ports);
        labels = groupingLabels(labels);
    }

    public boolean running() {
        return "running".equals(state);
    }

    /** The grouping labels among {@code labels}, sorted by key and immutable (empty for null). */
    public static Map<String, String> groupingLabels(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return Map.of();
        }
        TreeMap<String, String> kept = new TreeMap<>();
        for (String key : GROUPING_LABELS) {
            String value = labels.get(key);
            if (value != null) {
                kept.put(key, value);
            }
        }
        return kept.isEmpty() ? Map.of() : Collections.unmodifiableMap(kept);
    }

    /** The container named by {@code --network container:REF}: REF, or empty for any other mode. */
    public static Optional<String> sharedNetworkRef(String networkMode) {
        return networkMode != null && networkMode.startsWith("container:") && networkMode.length() > 10
                ? Optional.of(networkMode.substring(10)) : Optional.empty();
    }

    /**
     * How well REF (from {@code container:REF}) names a container with this id and name: 3 its id, 2 its
     * name, 1 a prefix of 4 or more characters of its id, 0 not at all.
     */
    public static int refersTo(String ref, String id, String name) {
        if (ref == null) {
            return 0;
        }
        return ref.equals(id) ? 3 : ref.equals(name) ? 2 : ref.length() >= 4 && id != null && id.startsWith(ref) ? 1 : 0;
    }
}
