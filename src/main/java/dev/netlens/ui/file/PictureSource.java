package dev.netlens.ui.file;

import dev.netlens.graph.TopologyGraph;
import dev.netlens.graph.ViewFilter;
import dev.netlens.layout.Layout;
import dev.netlens.layout.Rect;
import dev.netlens.render.Theme;
import java.util.Set;

/**
 * What the canvas shows, captured on the FX thread so a picture can be drawn off it: the frame's
 * graph and layout, the ids shown (filters and reveal step), the visible part of the world, the theme;
 * and, for a picture folded otherwise than the window, the graph with nothing folded and the filters.
 *
 * @param whole the graph with nothing folded
 * @param filter the canvas's filters, or null (then a picture folded otherwise shows every vertex)
 */
public record PictureSource(TopologyGraph graph, Layout layout, Set<String> shownNodes, Set<String> revealMask,
                            Rect visibleWorld, Theme theme, TopologyGraph whole, ViewFilter filter) {
    /** What the canvas shows, with nothing known of what is folded. */
    public PictureSource(TopologyGraph graph, Layout layout, Set<String> shownNodes, Set<String> revealMask,
                         Rect visibleWorld, Theme theme) {
        this(graph, layout, shownNodes, revealMask, visibleWorld, theme, graph, null);
    }

    /** Whether a node or link id is drawn: nodes by the filters, links by the reveal step. */
    public boolean shown(String id) {
        if (graph.node(id).isPresent()) {
            return shownNodes.contains(id);
        }
        return revealMask == null || revealMask.contains(id);
    }

    /**
     * The same view of {@code folded} (the whole graph folded otherwise) laid out as {@code layout}:
     * the filters chosen, no reveal step.
     */
    public PictureSource refolded(TopologyGraph folded, Layout layout) {
        Set<String> shown = (filter == null ? ViewFilter.NONE : filter).visible(folded);
        return new PictureSource(folded, layout, shown, null, visibleWorld, theme, whole, filter);
    }
}
