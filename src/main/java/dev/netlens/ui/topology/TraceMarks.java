package dev.netlens.ui.topology;

import java.util.Map;
import java.util.Set;

/**
 * A packet trace as the canvas draws it: the vertices and links it passes lit, the rest dimmed
 * lightly, numbered badges on the vertices where hops happen.
 *
 * @param badges vertex id to its badge text ("3", "4–6"), in the order the packet meets them
 * @param path vertex and link ids on the path (the badged vertices, the links between them, the endpoints)
 * @param current ids stressed now (the hop a presentation is at), possibly empty
 * @param stop the vertex where the packet stopped (dropped, rejected, unreachable), or null when it arrived
 */
public record TraceMarks(Map<String, String> badges, Set<String> path, Set<String> current, String stop) {
    public static final TraceMarks NONE = new TraceMarks(Map.of(), Set.of(), Set.of(), null);

    public TraceMarks {
        badges = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(badges));
        path = Set.copyOf(path);
        current = Set.copyOf(current);
    }

    public boolean isEmpty() {
        return path.isEmpty() && badges.isEmpty();
    }
}
