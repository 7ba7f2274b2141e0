package dev.netlens.ui.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.SyntheticSnapshots;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.Layout;
import dev.netlens.layout.StableLayout;
import dev.netlens.layout.StackLayout;
import dev.netlens.render.AwtLabelMetrics;
import dev.netlens.render.Theme;
import dev.netlens.ui.state.TopologyState;
import dev.netlens.ui.concurrent.RunningTask;
import dev.netlens.ui.concurrent.SameThreadExecutor;
import dev.netlens.ui.concurrent.TaskRunner;
import dev.netlens.ui.language.I18n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** Cancel during a picture export: the export stops after the tile it was writing, and no file is left. */
@ExtendWith(ApplicationExtension.class)
class ExportCancelTest {
    private final Preferences prefs = Preferences.userRoot().node("dev/netlens-test/" + System.nanoTime());

    @TempDir
    Path temp;

    @AfterEach
    void forgetPrefs() throws Exception {
        prefs.removeNode();
    }

    @Test
    void cancellingAPngExportAtItsFirstTileLeavesNoFileAndSaysSo(FxRobot robot) throws Exception {
        TopologyGraph graph = TopologyGraph.from(SyntheticSnapshots.bridges(40, 1, 1));
        Layout layout = new StableLayout(new StackLayout(new AwtLabelMetrics())).layout(graph, Layout.EMPTY, () -> false);
        PictureSource source = new PictureSource(graph, layout,
                graph.nodes().stream().map(TopoNode::id).collect(Collectors.toSet()), null, null, Theme.LIGHT);
        SameThreadExecutor executor = new SameThreadExecutor();
        TaskRunner tasks = new TaskRunner(executor, Runnable::run);
        FileViewModel files = new FileViewModel(new TopologyState(executor, new StableLayout(new StackLayout())), tasks,
                new RecentFiles(prefs), new I18n(Locale.ENGLISH));
        // The user presses Cancel as soon as the first tile is reported.
        AtomicInteger ticks = new AtomicInteger();
        tasks.running().addListener((ListChangeListener<RunningTask>) c -> {
            while (c.next()) {
                for (RunningTask t : c.getAddedSubList()) {
                    t.progressProperty().addListener((o, a, b) -> {
                        if (b.doubleValue() > 0 && ticks.getAndIncrement() == 0) {
                            t.cancel();
                        }
                    });
                }
            }
        });

        Path png = temp.resolve("wide.png");
        robot.interact(() -> files.export(new ExportRequest(png, false, 2, false, "Forty hosts", true), source));

        assertEquals(1, ticks.get(), "no tile was written after the cancel");
        assertFalse(Files.exists(png), "no picture");
        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(List.of(), left.toList(), "no temporary file either");
        }
        assertEquals("Cancelled: nothing was written", files.messageProperty().get());
        assertFalse(files.messageIsErrorProperty().get(), "a cancel is no error");
        assertEquals(-1, files.progressProperty().get());
        assertTrue(tasks.running().isEmpty());
    }
}
