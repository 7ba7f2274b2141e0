package dev.netlens.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.SyntheticSnapshots;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.StableLayout;
import dev.netlens.layout.StackLayout;
import dev.netlens.render.Theme;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.concurrent.UiExecutors;
import dev.netlens.ui.file.ExportRequest;
import dev.netlens.ui.file.PictureSource;
import dev.netlens.ui.file.RecentFiles;
import dev.netlens.ui.language.I18n;
import dev.netlens.ui.trace.TraceViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window's real executors: while a picture is being written (held mid-drawing here, as a slow 4x
 * export would be), a live update is still laid out and drawn; Cancel in the status bar stops the
 * export and no file is left.
 */
@ExtendWith(ApplicationExtension.class)
class LongTaskKeepsLiveUpdatesTest {
    private final Preferences prefs = Preferences.userRoot().node("dev/netlens-test/" + System.nanoTime());
    private final UiExecutors executors = UiExecutors.fx();
    private MainWindow window;

    @TempDir
    Path temp;

    @Start
    void start(Stage stage) {
        window = new MainWindow(SyntheticSnapshots.bridges(1, 1, 1), executors, new StableLayout(new StackLayout()),
                new RecentFiles(prefs), new I18n(Locale.ENGLISH), TraceViewModel.TRACER);
        stage.setScene(new Scene(window.root(), 1200, 800));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        executors.close();
        prefs.removeNode();
    }

    /** The nodes the picture draws; the drawing asks it on the export's thread, which waits here until released. */
    static final class HeldNodes extends AbstractSet<String> {
        final Set<String> ids;
        final CountDownLatch asked = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        HeldNodes(Set<String> ids) {
            this.ids = ids;
        }

        @Override
        public boolean contains(Object o) {
            asked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ids.contains(o);
        }

        @Override
        public Iterator<String> iterator() {
            return ids.iterator();
        }

        @Override
        public int size() {
            return ids.size();
        }
    }

    @Test
    void aLiveUpdateReachesTheCanvasWhileAnExportRunsAndCancelLeavesNoFile(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.state().frame().layout().rects().isEmpty());
        TopologyGraph graph = window.state().frame().graph();
        HeldNodes held = new HeldNodes(graph.nodes().stream().map(TopoNode::id).collect(Collectors.toSet()));
        PictureSource source = new PictureSource(graph, window.state().frame().layout(), held, null, null, Theme.LIGHT);
        Path png = temp.resolve("slow.png");
        robot.interact(() -> window.files().export(new ExportRequest(png, false, 4, false, null, false), source));
        assertTrue(held.asked.await(30, TimeUnit.SECONDS), "the export is drawing");

        TopologySnapshot update = SyntheticSnapshots.bridges(1, 1, 3);
        robot.interact(() -> window.showLive(update));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.state().frame().snapshot() == update);
        String added = TopologyGraph.ctrId(update.containers().get(2).host(), update.containers().get(2).id());
        WaitForAsyncUtils.waitForFxEvents();
        java.util.concurrent.atomic.AtomicBoolean onCanvas = new java.util.concurrent.atomic.AtomicBoolean();
        robot.interact(() -> onCanvas.set(window.canvas().viewOf(added).isPresent()));
        assertTrue(onCanvas.get(), "the new container is on the canvas");
        assertEquals(1, window.tasks().running().size(), "the export still runs");
        assertTrue(robot.lookup("#task-status").query().isVisible(), "the status bar shows it");

        robot.clickOn("#task-cancel");
        held.release.countDown();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> window.tasks().running().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(Files.exists(png), "no picture");
        try (Stream<Path> left = Files.list(temp)) {
            assertEquals(List.of(), left.toList(), "no temporary file either");
        }
        assertEquals("Cancelled: nothing was written", window.files().messageProperty().get());
        assertFalse(robot.lookup("#task-status").query().isVisible(), "nothing left to show");
    }
}
