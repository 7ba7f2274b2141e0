package dev.netlens.ui;

import dev.netlens.graph.TopologyDiff;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.Layout;
import dev.netlens.snapshot.TopologySnapshot;
import java.util.List;
import java.util.Set;

/** One immutable picture to show: the snapshot, its graph, where things go, and what changed. */
public record TopologyFrame(TopologySnapshot snapshot, TopologyGraph graph, Layout layout, TopologyDiff diff) {
    public static final TopologyFrame EMPTY = new TopologyFrame(
            new TopologySnapshot(TopologySnapshot.SCHEMA, null, "empty", List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of()),
            TopologyGraph.empty(), dev.netlens.layout.Layout.EMPTY,
            new TopologyDiff(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of()));
}
