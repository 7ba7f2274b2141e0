package dev.netlens.render;

import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.Layout;
import dev.netlens.layout.StableLayout;
import dev.netlens.layout.StackLayout;
import dev.netlens.persist.SavedLayout;
import dev.netlens.snapshot.SnapshotFile;

/** A whole picture of a snapshot with no window: laid out with Java2D's font measures, saved positions kept. */
public final class Pictures {
    private Pictures() {
    }

    public static Drawing of(SnapshotFile file, PictureOptions options) {
        TopologyGraph graph = TopologyGraph.from(file.snapshot());
        Layout saved = SavedLayout.toLayout(file.layout(), graph);
        Layout layout = new StableLayout(new StackLayout(new AwtLabelMetrics())).layout(graph, saved, () -> false);
        return DrawingBuilder.whole(graph, layout, options);
    }
}
