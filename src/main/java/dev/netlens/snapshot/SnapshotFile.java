package dev.netlens.snapshot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A saved snapshot: the topology and, optionally, where each drawn vertex was
 * ({@code vertexId -> [x, y, width, height]}), so opening it shows the same picture, and which
 * groups, bridges and networks were collapsed when it was saved.
 *
 * @param collapsed the ids that were collapsed (the optional {@code collapsed} field), or null when
 *     the file does not say (files written before the field, and plain JSON exports); an empty list
 *     says that nothing was collapsed
 */
public record SnapshotFile(TopologySnapshot snapshot, Map<String, List<Double>> layout, List<String> collapsed) {
    public SnapshotFile {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        (layout == null ? Map.<String, List<Double>>of() : layout).forEach((k, v) -> copy.put(k, List.copyOf(v)));
        layout = Collections.unmodifiableMap(copy);
        collapsed = collapsed == null ? null : List.copyOf(collapsed);
    }

    /** A snapshot with positions and nothing said about collapsing. */
    public SnapshotFile(TopologySnapshot snapshot, Map<String, List<Double>> layout) {
        this(snapshot, layout, null);
    }
}
