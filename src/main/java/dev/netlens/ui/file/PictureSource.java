package dev.netlens.ui.file;

import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.Layout;
import dev.netlens.layout.Rect;
import dev.netlens.render.Theme;
import java.util.Set;

/**
 * What the canvas shows, captured on the FX thread so a picture can be drawn off it: the frame's
 * graph and layout, the ids shown (filters and reveal step), the visible part of the world, the theme.
 */
public record PictureSource(TopologyGraph graph, Layout layout, Set<String> shownNodes, Set<String> revealMask,
                            Rect visibleWorld, Theme theme) {
    /** Whether a node or link id is drawn: nodes by the filters, links by the reveal step. */
    public boolean shown(String id) {
        if (graph.node(id).isPresent()) {
            return shownNodes.contains(id);
        }
        return revealMask == null || revealMask.contains(id);
    }
}
