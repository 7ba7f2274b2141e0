package dev.netlens.ui.state;

import dev.netlens.graph.TopologyDiff;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.Layout;
import dev.netlens.snapshot.TopologySnapshot;
import java.util.List;
import java.util.Set;

/**
 * One immutable picture to show: the snapshot, its graph, where things go, and what changed.
 *
 * @param graph what is drawn: {@code whole} with the {@code collapsed} ids folded
 * @param whole the snapshot's graph with nothing folded
 * @param collapsed the ids folded in {@code graph} (those {@code whole} does not hold fold nothing)
 */
public record TopologyFrame(TopologySnapshot snapshot, TopologyGraph graph, Layout layout, TopologyDiff diff,
                            TopologyGraph whole, Set<String> collapsed) {
    public static final TopologyFrame EMPTY = new TopologyFrame(
            new TopologySnapshot(TopologySnapshot.SCHEMA, null, "empty", List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of()),
            TopologyGraph.empty(), dev.netlens.layout.Layout.EMPTY,
            new TopologyDiff(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of()));

    public TopologyFrame {
        collapsed = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(collapsed));
    }

    /** A frame with nothing folded. */
    public TopologyFrame(TopologySnapshot snapshot, TopologyGraph graph, Layout layout, TopologyDiff diff) {
        this(snapshot, graph, layout, diff, graph, Set.of());
    }
}
