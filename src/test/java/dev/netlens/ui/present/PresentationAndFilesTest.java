package dev.netlens.ui.present;

import dev.netlens.ui.language.I18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.Fixtures;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoNode;
import dev.netlens.layout.StableLayout;
import dev.netlens.layout.StackLayout;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.state.TopologyFrame;
import dev.netlens.ui.concurrent.SameThreadExecutor;
import dev.netlens.ui.file.ExportRequest;
import dev.netlens.ui.file.RecentFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Presentation mode (F5/Esc, reveal keys, pointer, pin) and snapshot files in the window, headless. */
@ExtendWith(ApplicationExtension.class)
class PresentationAndFilesTest {
    private final Preferences prefs = Preferences.userRoot().node("dev/netlens-test/" + System.nanoTime());
    private MainWindow window;

    @TempDir
    Path temp;

    @Start
    void start(Stage stage) {
        window = new MainWindow(Fixtures.load(Fixtures.LAB), new SameThreadExecutor(),
                new StableLayout(new StackLayout()), new RecentFiles(prefs), new I18n(Locale.ENGLISH));
        Scene scene = new Scene(window.root(), 1600, 900);
        window.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void forgetPrefs() throws Exception {
        prefs.removeNode();
    }

    private TopoNode first(NodeKind kind) {
        return window.state().frame().graph().nodes().stream().filter(n -> n.kind() == kind).findFirst().orElseThrow();
    }

    private boolean onCanvas(String id) {
        return window.canvas().viewOf(id).orElseThrow().isVisible();
    }

    @Test
    void f5EntersAndEscLeavesWithTheRevealSteppedByKeys(FxRobot robot) {
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.presentation().isActive());
        assertNull(window.root().getTop(), "toolbar hidden");
        assertNull(window.root().getRight(), "side panels hidden");
        assertNull(window.root().getBottom(), "status bar hidden");
        assertTrue(window.presentationView().isVisible());
        assertTrue(window.presentationView().caption().getText().startsWith("1 ·"));
        String container = first(NodeKind.CONTAINER).id();
        String host = first(NodeKind.HOST).id();
        assertFalse(onCanvas(container));
        assertTrue(onCanvas(host));

        robot.type(KeyCode.RIGHT).type(KeyCode.PAGE_DOWN).type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, window.presentation().reveal().stepProperty().get());
        assertTrue(onCanvas(container), "containers at step 4");
        robot.type(KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, window.presentation().reveal().stepProperty().get());
        assertFalse(onCanvas(container));

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.presentation().isActive());
        assertNotNull(window.root().getTop());
        assertNotNull(window.root().getRight());
        assertNotNull(window.root().getBottom());
        assertTrue(onCanvas(container), "everything again");
        assertFalse(window.presentationView().isVisible());
    }

    @Test
    void pointerFadesAndAPinnedNodeShowsItsFacts(FxRobot robot) throws Exception {
        robot.interact(window::enterPresentation);
        robot.interact(() -> window.presentation().reveal().last());
        // The camera moves to the step (animated): the pointer is drawn once it is there.
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> !window.canvas().isCameraAnimating()).get());
        WaitForAsyncUtils.waitForFxEvents();
        Bounds b = window.canvas().localToScreen(window.canvas().getBoundsInLocal());
        double zoomBefore = window.canvas().zoom();
        robot.moveTo(b.getMinX() + 300, b.getMinY() + 300).press(MouseButton.PRIMARY)
                .moveBy(60, 10).moveBy(60, 10).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.presentationView().pointerMarksDrawn() >= 2, "pointer marks drawn");
        // They fade by themselves (1.2 s); waiting on a clock, not a fixed sleep, keeps this stable under load.
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> window.presentationView().pointerMarks() == 0);
        assertEquals(zoomBefore, window.canvas().zoom());

        TopoNode c = first(NodeKind.CONTAINER);
        robot.interact(() -> window.presentation().togglePin(c.id()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.presentationView().callout().isVisible());
        assertTrue(window.presentationView().callout().getChildren().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.Label l && l.getText().equals(c.label())));
        robot.interact(() -> window.presentation().zoomProperty().set(9));
        assertEquals(3.0, window.presentation().zoomProperty().get(), "zoom stays within 1x-3x");
    }

    @Test
    void savedSnapshotOpensToTheSamePictureAndPausesLive(FxRobot robot) throws Exception {
        TopologyFrame before = window.state().frame();
        Path file = temp.resolve("lab-saved.json");
        robot.interact(() -> window.files().save(file));
        assertTrue(Files.size(file) > 1000);
        robot.interact(() -> window.show(Fixtures.load(Fixtures.SWARM)));
        robot.interact(() -> window.files().open(file));
        WaitForAsyncUtils.waitForFxEvents();
        TopologyFrame opened = window.state().frame();
        assertEquals(before.snapshot().withSource("file"), opened.snapshot());
        assertEquals(before.layout().rects().keySet(), opened.layout().rects().keySet());
        before.layout().rects().forEach((id, r) -> assertEquals(r.x(), opened.layout().rects().get(id).x(), 0.051, id));
        assertTrue(window.files().showingFile());
        assertTrue(window.files().messageProperty().get().contains("lab-saved.json"));
        assertEquals(file.toAbsolutePath(), window.files().recent().files().get(0));

        TopologySnapshot live = Fixtures.load(Fixtures.SWARM_AFTER);
        robot.interact(() -> window.showLive(live));
        assertSame(opened, window.state().frame(), "a live push does not replace an open file");
        robot.interact(() -> window.files().backToLive());
        assertEquals(live, window.state().frame().snapshot());
        assertFalse(window.files().showingFile());
    }

    @Test
    void malformedFilesAreRefusedWithAMessageAndTheViewUntouched(FxRobot robot) throws Exception {
        TopologyFrame before = window.state().frame();
        String lab = Files.readString(Path.of("src/test/resources/snapshots/lab.json"));
        String[] bad = {
            lab.substring(0, lab.length() / 2),
            lab.replace("netlens.topology/v1", "netlens.topology/v9"),
            lab.replaceFirst("\"mtu\" : \\d+", "\"mtu\" : \"big\""),
            "\u0089PNG not json",
        };
        for (int i = 0; i < bad.length; i++) {
            Path f = temp.resolve("bad" + i + ".json");
            Files.writeString(f, bad[i]);
            robot.interact(() -> window.files().open(f));
            WaitForAsyncUtils.waitForFxEvents();
            String message = window.files().messageProperty().get();
            assertTrue(message != null && message.startsWith("Could not open bad" + i + ".json"), message);
            assertFalse(message.contains("Exception") || message.contains("\tat "), message);
            assertTrue(window.files().messageIsErrorProperty().get());
            assertSame(before, window.state().frame(), "view untouched by " + f);
            assertFalse(window.files().showingFile());
        }
        Path missing = temp.resolve("nope.json");
        robot.interact(() -> window.files().open(missing));
        assertSame(before, window.state().frame());
    }

    @Test
    void exportWritesThePictureOffTheFxThreadWithProgress(FxRobot robot) throws Exception {
        Path png = temp.resolve("shot.png");
        Path svg = temp.resolve("shot.svg");
        robot.interact(() -> window.files().export(new ExportRequest(png, false, 1, true, "Visible part", true),
                windowSource()));
        robot.interact(() -> window.files().export(new ExportRequest(svg, true, 1, false, null, false), windowSource()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.size(png) > 1000 && Files.size(svg) > 1000);
        assertEquals(-1, window.files().progressProperty().get(), "progress hidden when done");
        assertTrue(window.files().messageProperty().get().contains("shot.svg"));
    }

    private dev.netlens.ui.file.PictureSource windowSource() {
        var f = window.state().frame();
        return new dev.netlens.ui.file.PictureSource(f.graph(), f.layout(), window.canvasModel().visibleProperty().get(),
                null, window.canvas().visibleWorld(), dev.netlens.render.Theme.LIGHT);
    }
}
