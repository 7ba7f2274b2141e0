package dev.netlens.render;

import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.Layout;
import dev.netlens.layout.LayoutEngine;
import dev.netlens.layout.StableLayout;
import dev.netlens.layout.StackLayout;
import dev.netlens.persist.SavedLayout;
import dev.netlens.snapshot.SnapshotFile;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A whole picture of a snapshot with no window: laid out with Java2D's font measures, saved positions kept. */
public final class Pictures {
    private Pictures() {
    }

    /**
     * How every picture is laid out (the command line's, the export dialog's refolded ones, the
     * benchmark's): Java2D's font measures, columns chosen to fit a 1x page of 2,560 x 1,440.
     */
    public static StackLayout layoutEngine() {
        return StackLayout.forPictures(new AwtLabelMetrics());
    }

    /** The picture as the window would show the file: its own collapsed ids (if it has any), its positions. */
    public static Drawing of(SnapshotFile file, PictureOptions options) {
        return of(file, options, file.collapsed() == null ? List.of() : file.collapsed());
    }

    /**
     * The picture with {@code collapsed} folded. The file's saved positions are kept only when they
     * were saved with exactly these folded (else they would keep the room of what is folded now, or
     * have none for what is unfolded): otherwise the picture is laid out afresh.
     */
    public static Drawing of(SnapshotFile file, PictureOptions options, Collection<String> collapsed) {
        TopologyGraph graph = TopologyGraph.from(file.snapshot()).collapsed(collapsed);
        Set<String> saved = file.collapsed() == null ? Set.of() : new LinkedHashSet<>(file.collapsed());
        Layout start = saved.equals(new LinkedHashSet<>(collapsed)) ? SavedLayout.toLayout(file.layout(), graph) : Layout.EMPTY;
        Layout layout = new StableLayout(layoutEngine()).layout(graph, start, () -> false);
        return DrawingBuilder.whole(graph, layout, options);
    }

    /**
     * What a picture of the file collapses: {@code choice} when one is given; else the ids the file
     * was saved with; else what {@link Collapsing#AUTO} picks.
     */
    public static Set<String> collapsedIds(SnapshotFile file, Collapsing choice, PictureOptions options) {
        if (choice == null && file.collapsed() != null) {
            return new LinkedHashSet<>(file.collapsed());
        }
        LayoutEngine engine = layoutEngine();
        return (choice == null ? Collapsing.AUTO : choice).ids(TopologyGraph.from(file.snapshot()), engine, options);
    }
}
