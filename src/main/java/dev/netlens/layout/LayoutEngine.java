package dev.netlens.layout;

import dev.netlens.graph.TopologyGraph;
import java.util.function.BooleanSupplier;

/**
 * Places a topology graph. Pure and thread-safe: runs off the FX thread; the view only reads the
 * result.
 */
public interface LayoutEngine {
    /**
     * @param previous the layout of the graph shown so far ({@link Layout#EMPTY} for none): engines
     *     that keep positions stable start from it
     * @param cancelled polled between steps; when it turns true the engine throws
     *     {@link java.util.concurrent.CancellationException} (a newer snapshot made this one moot)
     */
    Layout layout(TopologyGraph graph, Layout previous, BooleanSupplier cancelled);

    default Layout layout(TopologyGraph graph) {
        return layout(graph, Layout.EMPTY, () -> false);
    }
}
