package dev.netlens.persist;

import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.Layout;
import dev.netlens.layout.Rect;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts between a {@link Layout} and the positions a snapshot file keeps. */
public final class SavedLayout {
    private SavedLayout() {
    }

    public static Map<String, List<Double>> toPositions(Layout layout) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        layout.rects().forEach((id, r) -> out.put(id, List.of(r.x(), r.y(), r.w(), r.h())));
        return out;
    }

    /**
     * The saved positions as a layout of {@code graph}: only vertices the graph has, each with the
     * box it is drawn in, so a stable layout engine keeps them all where they were.
     */
    public static Layout toLayout(Map<String, List<Double>> positions, TopologyGraph graph) {
        Map<String, Rect> rects = new LinkedHashMap<>();
        Map<String, String> parents = new LinkedHashMap<>();
        positions.forEach((id, v) -> graph.node(id).ifPresent((TopoNode n) -> {
            rects.put(id, new Rect(v.get(0), v.get(1), v.get(2), v.get(3)));
            parents.put(id, n.parent());
        }));
        return new Layout(rects, parents);
    }
}
