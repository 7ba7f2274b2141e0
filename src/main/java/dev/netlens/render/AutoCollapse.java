package dev.netlens.render;

import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.Layout;
import dev.netlens.layout.LayoutEngine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code --collapse auto} folds: nothing when the 1x picture fits {@link #MAX_W} x {@link #MAX_H}
 * (a 1440p screen, where every name is legible at 1x); else the largest groups first, in doubling
 * batches, until it fits or every group is folded. A folded group still names its running
 * containers, so the picture names every running container either way. Networks are never folded
 * automatically: a folded network hides which card hangs from which bridge, the lesson itself.
 */
public final class AutoCollapse {
    public static final double MAX_W = 2560;
    public static final double MAX_H = 1440;

    private AutoCollapse() {
    }

    /** The ids to collapse so that the picture of {@code g} with {@code options} fits. */
    public static Set<String> choose(TopologyGraph g, LayoutEngine engine, PictureOptions options) {
        Set<String> chosen = new LinkedHashSet<>();
        if (fits(g, engine, options)) {
            return chosen;
        }
        for (List<String> candidates : List.of(groupsBySize(g))) {
            for (int k = 1; !candidates.isEmpty(); k *= 2) {
                Set<String> trial = new LinkedHashSet<>(chosen);
                trial.addAll(candidates.subList(0, Math.min(k, candidates.size())));
                if (fits(g.collapsed(trial), engine, options) || k >= candidates.size()) {
                    chosen = trial;
                    if (fits(g.collapsed(chosen), engine, options)) {
                        return chosen;
                    }
                    break;
                }
            }
        }
        return chosen;
    }

    static boolean fits(TopologyGraph g, LayoutEngine engine, PictureOptions options) {
        Layout layout = engine.layout(g);
        Drawing d = DrawingBuilder.whole(g, layout, options);
        return d.width() <= MAX_W && d.height() <= MAX_H;
    }

    private static List<String> groupsBySize(TopologyGraph g) {
        List<TopoNode> groups = new ArrayList<>();
        for (TopoNode n : g.nodes()) {
            if (n.kind() == NodeKind.GROUP) {
                groups.add(n);
            }
        }
        groups.sort(Comparator.comparingInt((TopoNode n) -> -g.descendants(n.id()).size()).thenComparing(TopoNode::id));
        return groups.stream().map(TopoNode::id).toList();
    }
}
