package dev.netlens.ui.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.SyntheticSnapshots;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.concurrent.SameThreadExecutor;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Culling and level of detail of the canvas on a graph too big for the window (60 containers with 3
 * legs on 10 networks): what is far outside the viewport is not painted, the text goes below the
 * text zoom, and what the user sees still answers clicks, filters and searches.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasCullingTest {
    private MainWindow window;
    private TopologySnapshot snapshot;

    @Start
    void start(Stage stage) {
        snapshot = SyntheticSnapshots.networks(1, 10, 60, 3, false);
        window = new MainWindow(snapshot, new SameThreadExecutor());
        stage.setScene(new Scene(window.root(), 1600, 900));
        stage.show();
    }

    private TopologyCanvasView canvas() {
        return window.canvas();
    }

    private List<TopoNode> containers() {
        TopologyGraph g = window.state().frame().graph();
        return g.nodes().stream().filter(n -> n.kind() == NodeKind.CONTAINER).toList();
    }

    /** The container whose centre lies farthest from the given one's. */
    private TopoNode farthestFrom(TopoNode from) {
        var rects = window.state().frame().layout().rects();
        var a = rects.get(from.id());
        TopoNode best = null;
        double dist = -1;
        for (TopoNode n : containers()) {
            var r = rects.get(n.id());
            double d = Math.hypot(r.centerX() - a.centerX(), r.centerY() - a.centerY());
            if (d > dist) {
                dist = d;
                best = n;
            }
        }
        return best;
    }

    /** Read on the FX thread: the canvas culls and pictures there, a little at each pulse. */
    private boolean drawn(String id) {
        return onFx(() -> canvas().isDrawn(id));
    }

    private boolean standInShown() {
        return onFx(() -> canvas().isStandInShown());
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) {
        if (javafx.application.Platform.isFxApplicationThread()) {
            try {
                return read.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void act(FxRobot robot, Runnable r) {
        robot.interact(r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until the camera has been still long enough for the canvas to paint its shapes again. */
    private static void settle() {
        try {
            Thread.sleep(600);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<Text> labels(Region v) {
        return v.getChildrenUnmodifiable().stream().filter(Text.class::isInstance).map(Text.class::cast).toList();
    }

    @Test
    void aVertexFarOutsideTheViewportIsNotPaintedUntilItIsCentred(FxRobot robot) {
        TopoNode near = containers().get(0);
        TopoNode far = farthestFrom(near);
        act(robot, () -> canvas().centreOn(near.id()));
        assertTrue(drawn(near.id()), "centred: painted");
        assertFalse(drawn(far.id()), "far outside the viewport at reading size: not painted");
        // Culling is not a filter: the vertex is on the canvas and visible to the filters.
        assertTrue(canvas().viewOf(far.id()).orElseThrow().isVisible());
        act(robot, () -> canvas().centreOn(far.id()));
        assertTrue(drawn(far.id()), "centred: painted");
        assertFalse(drawn(near.id()));
        act(robot, () -> canvas().fitToWindow());
        settle();
        assertTrue(drawn(near.id()) && drawn(far.id()), "fit, camera still: everything is painted");
    }

    @Test
    void everyVertexWhoseShapeMeetsTheViewportIsPainted(FxRobot robot) {
        act(robot, () -> {
            canvas().centreOn(containers().get(5).id());
            canvas().zoomBy(1.7);
        });
        Bounds view = canvas().getLayoutBounds();
        robot.interact(() -> {
            int inView = 0;
            for (String id : window.state().frame().layout().rects().keySet()) {
                Region v = canvas().viewOf(id).orElseThrow();
                Bounds b = canvas().sceneToLocal(v.localToScene(v.getLayoutBounds()));
                if (b.intersects(view)) {
                    inView++;
                    assertTrue(drawn(id), "in view but not painted: " + id);
                }
            }
            assertTrue(inView > 10, "a part of the graph in view: " + inView);
        });
    }

    @Test
    void labelsAreHiddenBelowTheTextZoomAndShownAbove(FxRobot robot) {
        TopoNode c = containers().get(0);
        // An interface's texts follow the text zoom; a container's name is the overview names' up to their zoom.
        TopoNode eth = window.state().frame().graph().nodes().stream()
                .filter(n -> n.kind() == NodeKind.INTERFACE && c.parent().equals(n.parent())).findFirst().orElseThrow();
        Region v = canvas().viewOf(eth.id()).orElseThrow();
        Region cv = canvas().viewOf(c.id()).orElseThrow();
        act(robot, () -> {
            canvas().centreOn(c.id());
            canvas().zoomBy(TopologyCanvasView.TEXT_ZOOM / canvas().zoom() * 0.8);
        });
        settle(); // the level of detail follows once the camera rests
        assertFalse(canvas().isTextShown());
        assertFalse(labels(v).isEmpty());
        labels(v).forEach(l -> assertFalse(l.isVisible(), "label below the text zoom"));
        act(robot, () -> canvas().zoomBy(TopologyCanvasView.TEXT_ZOOM / canvas().zoom() * 1.05));
        settle();
        assertTrue(canvas().isTextShown());
        labels(v).forEach(l -> assertTrue(l.isVisible(), "label above the text zoom"));
        labels(cv).forEach(l -> assertFalse(l.isVisible(), "a container's name below the overview zoom: drawn by the overview"));
        act(robot, () -> canvas().zoomBy(OverviewNames.ZOOM / canvas().zoom() * 1.05));
        settle();
        labels(cv).forEach(l -> assertTrue(l.isVisible(), "a container's name above the overview zoom"));
    }

    private void waitForPulse(FxRobot robot) {
        Pulses.waitForPulse(robot, canvas());
    }

    /** Waits (at most 20 s) until the pictures stand in for the shapes; returns whether they do. */
    /**
     * Whether the pictures stand in with the camera at rest. Shown alone is not enough: while the camera
     * still settles they stand in too, with the level of detail the gesture started with (at rest it
     * may switch, which a comparison of pictures with shapes would catch half-way).
     */
    private boolean eventuallyPictured() throws InterruptedException {
        for (int i = 0; i < 200 && !picturedAtRest(); i++) {
            Thread.sleep(100);
        }
        return picturedAtRest();
    }

    private boolean picturedAtRest() {
        return onFx(() -> !canvas().isCameraMoving() && canvas().isStandInShown());
    }

    @Test
    void picturesStandInForTheShapesOnceTakenAndAChangeBringsTheShapesBackAtOnce(FxRobot robot) throws Exception {
        TopoNode c = containers().get(0);
        act(robot, () -> canvas().centreOn(c.id())); // reading size: the text is shown
        assertTrue(eventuallyPictured(), "at rest, once pictured at its zoom, the pictures stand in");
        assertTrue(drawn(c.id()), "in view: in the picture");
        boolean seen = false;
        for (int i = 0; i < 40 && !seen; i++) {
            act(robot, () -> canvas().zoomBy(1.001));
            seen = standInShown();
            Thread.sleep(30);
        }
        assertTrue(seen, "a gesture shows the pictures, at reading size too");
        // A change drops the pictures at once: they never show something stale.
        boolean[] afterChange = new boolean[1];
        robot.interact(() -> {
            window.canvasModel().selection().select(c.id());
            afterChange[0] = standInShown();
        });
        assertFalse(afterChange[0], "dropped as soon as the selection changed");
        assertTrue(eventuallyPictured(), "pictured again, with the selection, once the camera rests");
        assertTrue(drawn(c.id()));
    }

    @Test
    void aLiveChangeFadesOnTheShapesAndThePicturesAreTakenAgainOnceTheFadesEnd(FxRobot robot) throws Exception {
        TopoNode c = containers().get(0);
        act(robot, () -> canvas().centreOn(c.id()));
        assertTrue(eventuallyPictured(), "at rest, pictured");
        // A container less: its shapes fade out (half a second), longer than the camera's settling.
        var cs = new ArrayList<>(snapshot.containers());
        cs.removeIf(k -> TopologyGraph.ctrId(k.host(), k.id()).equals(c.id()));
        TopologySnapshot less = new TopologySnapshot(snapshot.schema(), snapshot.capturedAt(), snapshot.source(),
                snapshot.hosts(), snapshot.namespaces(), snapshot.interfaces(), snapshot.networks(), cs, snapshot.tunnels());
        boolean[] duringFade = new boolean[1];
        robot.interact(() -> {
            window.showLive(less);
            duringFade[0] = standInShown();
        });
        assertFalse(duringFade[0], "the change drops the pictures: the shapes fade");
        assertTrue(eventuallyPictured(), "pictured again after the fades, the camera never moved");
    }

    @Test
    void thePicturesShownAtRestAndWhileTheCameraMovesAreTheDrawingItself(FxRobot robot) throws Exception {
        act(robot, () -> canvas().centreOn(containers().get(3).id()));
        // At zoom 1, well above the overview names' zoom: this compares pictures with shapes, not levels
        // of detail (with a smaller window the centred zoom fell near it; OverviewNamesTest holds those).
        act(robot, () -> canvas().zoomBy(1.0 / canvas().zoom()));
        assertTrue(eventuallyPictured(), "at rest, pictured");
        assertTrue(onFx(() -> canvas().overviewNames().isEmpty()), "at rest at zoom 1: world names, no overview names");
        javafx.scene.image.Image[] pictured = new javafx.scene.image.Image[1];
        javafx.scene.image.Image[] shapes = new javafx.scene.image.Image[1];
        javafx.scene.image.Image[] moving = new javafx.scene.image.Image[1];
        robot.interact(() -> {
            pictured[0] = canvas().snapshot(null, null);
            canvas().showShapesNow();
            shapes[0] = canvas().snapshot(null, null);
        });
        assertTrue(eventuallyPictured(), "pictured again");
        // A drag away and back: the camera is where it was, and moving (for as long as the test looks,
        // however slow the machine: a quarter second between two events would end the gesture).
        act(robot, () -> {
            canvas().settleDelay(javafx.util.Duration.seconds(30));
            fire(MouseEvent.MOUSE_PRESSED, 500, 400);
            fire(MouseEvent.MOUSE_DRAGGED, 560, 430);
        });
        act(robot, () -> fire(MouseEvent.MOUSE_DRAGGED, 500, 400));
        waitForPulse(robot); // the picture follows the camera at the pulse (a snapshot before it saw the last one)
        robot.interact(() -> {
            assertTrue(standInShown());
            moving[0] = canvas().snapshot(null, null);
            fire(MouseEvent.MOUSE_RELEASED, 500, 400);
            canvas().settleDelay(javafx.util.Duration.millis(250));
        });
        if (System.getenv("CANVAS_DEBUG_DIR") != null) {
            for (var e : java.util.Map.of("shapes", shapes[0], "pictured", pictured[0], "moving", moving[0]).entrySet()) {
                javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(e.getValue(), null), "png",
                        new java.io.File(System.getenv("CANVAS_DEBUG_DIR"), e.getKey() + ".png"));
            }
        }
        assertAlike(shapes[0], pictured[0], "at rest");
        assertAlike(shapes[0], moving[0], "moving");
    }

    private static void assertAlike(javafx.scene.image.Image shapes, javafx.scene.image.Image picture, String when) {
        var a = shapes.getPixelReader();
        var b = picture.getPixelReader();
        int w = (int) shapes.getWidth();
        int h = (int) shapes.getHeight();
        int differ = 0;
        int inked = 0;
        int background = a.getArgb(0, 0);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = a.getArgb(x, y);
                inked += p != background ? 1 : 0;
                differ += near(p, b.getArgb(x, y)) ? 0 : 1;
            }
        }
        assertTrue(inked > w * h / 50, "something drawn in view: " + inked);
        assertTrue(differ < w * h / 1000, when + ": " + differ + " of " + w * h
                + " pixels differ between the shapes and their picture");
    }

    private static boolean near(int p, int q) {
        for (int shift = 0; shift < 32; shift += 8) {
            if (Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF)) > 8) {
                return false;
            }
        }
        return true;
    }

    @Test
    void anotherThemeDropsThePicturesTakenInTheOldOne(FxRobot robot) {
        act(robot, () -> canvas().centreOn(containers().get(1).id()));
        settle(); // pictures of this view taken for the next gesture
        assertTrue(canvas().standInTiles() > 0, "pictures kept for the next gesture");
        int[] tilesAfter = new int[1];
        robot.interact(() -> {
            window.presentation().themeProperty().set(dev.netlens.render.Theme.DARK);
            tilesAfter[0] = canvas().standInTiles();
        });
        assertEquals(0, tilesAfter[0], "pictures in the old colours are gone");
        // Looked at in the pulse right after the gesture (the pictures show only until the camera
        // settles, a quarter of a second, which a slow machine's robot round trip can outlast).
        java.util.concurrent.CompletableFuture<Boolean> shownAtNextPulse = new java.util.concurrent.CompletableFuture<>();
        robot.interact(() -> {
            canvas().zoomBy(1.0005);
            javafx.scene.Scene scene = canvas().getScene();
            Runnable look = new Runnable() {
                @Override
                public void run() {
                    scene.removePostLayoutPulseListener(this);
                    shownAtNextPulse.complete(standInShown());
                }
            };
            scene.addPostLayoutPulseListener(look);
            javafx.application.Platform.requestNextPulse();
        });
        assertTrue(shownAtNextPulse.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join(),
                "the next gesture's picture is shown");
        robot.interact(() -> {
            // The picture is painted on the dark canvas, not the light one.
            javafx.scene.image.Image shot = canvas().snapshot(null, null);
            javafx.scene.paint.Color corner = shot.getPixelReader().getColor(2, 2);
            assertTrue(corner.getBrightness() < 0.5, "dark background in the picture: " + corner);
        });
    }

    @Test
    void aClickWhileThePicturesAreShownSelectsTheVertexUnderThePointer(FxRobot robot) {
        TopoNode c = containers().get(2);
        act(robot, () -> canvas().centreOn(c.id()));
        settle();
        Point2D at = canvas().toView(window.state().frame().layout().rects().get(c.id()).centerX(),
                window.state().frame().layout().rects().get(c.id()).centerY());
        act(robot, () -> canvas().zoomBy(1.0005)); // moving: the pictures are shown
        Point2D now = canvas().toView(window.state().frame().layout().rects().get(c.id()).centerX(),
                window.state().frame().layout().rects().get(c.id()).centerY());
        robot.interact(() -> {
            assertTrue(standInShown());
            fire(MouseEvent.MOUSE_PRESSED, now.getX(), now.getY());
            fire(MouseEvent.MOUSE_RELEASED, now.getX(), now.getY());
        });
        assertEquals(c.id(), window.canvasModel().selection().selected(), "picked from the layout at " + at);
    }

    private void fire(javafx.event.EventType<MouseEvent> type, double x, double y) {
        Point2D s = canvas().localToScene(x, y);
        Point2D screen = canvas().localToScreen(x, y);
        canvas().fireEvent(new MouseEvent(type, s.getX(), s.getY(), screen.getX(), screen.getY(), MouseButton.PRIMARY, 1,
                false, false, false, false, type != MouseEvent.MOUSE_RELEASED, false, false, false, false, false, null));
    }

    @Test
    void aVertexBroughtIntoViewByDraggingCanBeClicked(FxRobot robot) {
        TopoNode near = containers().get(0);
        TopoNode far = farthestFrom(near);
        act(robot, () -> canvas().centreOn(near.id()));
        assertFalse(drawn(far.id()));
        // Drag the canvas until the far container is in the middle.
        Point2D[] at = new Point2D[1];
        robot.interact(() -> at[0] = centreOnScreen(far));
        Point2D middle = canvas().localToScreen(canvas().getWidth() / 2, canvas().getHeight() / 2);
        // The far one is off screen: drag in steps from the middle, the whole way in several drags.
        double dx = middle.getX() - at[0].getX();
        double dy = middle.getY() - at[0].getY();
        int steps = (int) Math.ceil(Math.max(Math.abs(dx), Math.abs(dy)) / 500);
        for (int i = 0; i < steps; i++) {
            robot.drag(middle, MouseButton.SECONDARY).dropTo(middle.add(dx / steps, dy / steps));
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(drawn(far.id()), "dragged into view: painted");
        robot.interact(() -> at[0] = centreOnScreen(far));
        robot.clickOn(at[0], MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(far.id(), window.canvasModel().selection().selected());
    }

    private Point2D centreOnScreen(TopoNode n) {
        Node v = canvas().viewOf(n.id()).orElseThrow();
        Bounds b = v.localToScreen(v.getLayoutBounds());
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    @Test
    void hoveringALeafShowsItsTooltipAndMovingToAnotherShowsThatOnes(FxRobot robot) throws Exception {
        TopoNode a = containers().get(0);
        TopoNode b = containers().get(1);
        act(robot, () -> canvas().centreOn(a.id()));
        assertEquals(a.label(), hoverTooltip(robot, a).split("\n")[0]);
        act(robot, () -> canvas().centreOn(b.id()));
        assertEquals(b.label(), hoverTooltip(robot, b).split("\n")[0]);
    }

    /** Moves the pointer onto n (after a step beside it) and returns the text of the tooltip that shows. */
    private String hoverTooltip(FxRobot robot, TopoNode n) throws Exception {
        Point2D[] at = new Point2D[1];
        robot.interact(() -> at[0] = centreOnScreen(n));
        robot.moveTo(at[0].add(0, -400)).moveTo(at[0]).moveBy(2, 0);
        for (int i = 0; i < 40; i++) {
            Thread.sleep(50);
            WaitForAsyncUtils.waitForFxEvents();
            var shown = javafx.stage.Window.getWindows().stream()
                    .filter(w -> w instanceof javafx.scene.control.Tooltip t && t.isShowing()).findFirst();
            if (shown.isPresent()) {
                return ((javafx.scene.control.Tooltip) shown.get()).getText();
            }
        }
        throw new AssertionError("no tooltip over " + n.id());
    }

    @Test
    void filtersAndSearchStillWorkOnCulledVertices(FxRobot robot) {
        TopoNode near = containers().get(0);
        TopoNode far = farthestFrom(near);
        act(robot, () -> canvas().centreOn(near.id()));
        assertFalse(drawn(far.id()));
        act(robot, () -> window.canvasModel().search(far.label()));
        assertEquals(far.id(), window.canvasModel().selection().selected());
        assertTrue(drawn(far.id()), "search centres it: painted");
        Point2D centre = canvas().toView(window.state().frame().layout().rects().get(far.id()).centerX(),
                window.state().frame().layout().rects().get(far.id()).centerY());
        assertEquals(canvas().getWidth() / 2, centre.getX(), 2.0);
        act(robot, () -> window.canvasModel().onlyHostProperty().set("no-such-host"));
        assertFalse(canvas().viewOf(far.id()).orElseThrow().isVisible(), "a filter still hides it");
        assertFalse(drawn(far.id()));
        act(robot, () -> window.canvasModel().onlyHostProperty().set(null));
        assertTrue(drawn(far.id()));
    }
}
