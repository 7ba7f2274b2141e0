package dev.netlens.snapshot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A saved snapshot: the topology and, optionally, where each drawn vertex was
 * ({@code vertexId -> [x, y, width, height]}), so opening it shows the same picture.
 */
public record SnapshotFile(TopologySnapshot snapshot, Map<String, List<Double>> layout) {
    public SnapshotFile {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        (layout == null ? Map.<String, List<Double>>of() : layout).forEach((k, v) -> copy.put(k, List.copyOf(v)));
        layout = Collections.unmodifiableMap(copy);
    }
}
