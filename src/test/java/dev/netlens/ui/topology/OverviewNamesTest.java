package dev.netlens.ui.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.SyntheticSnapshots;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.Rect;
import dev.netlens.render.Palette;
import dev.netlens.render.Theme;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.concurrent.SameThreadExecutor;
import dev.netlens.ui.topology.OverviewNames.ShownName;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Names at screen size at overview zoom (issue "Readable at real scale", item 3), on a host with 50
 * containers on 10 bridges, in a 1920x1080 window with its side panel: at fit-to-window every
 * container, bridge and host name is drawn at least 9 px tall (the overlay's smallest is 12 px),
 * none overlapping another, none reaching far beyond its shape; at reading zoom the overlay draws
 * nothing and the world text names everything; in between, no name is drawn twice; the names follow
 * the camera above the pictures that stand in for the shapes while it moves; colours are the theme's.
 */
@ExtendWith(ApplicationExtension.class)
class OverviewNamesTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(SyntheticSnapshots.networks(1, 10, 50, 2, true), new SameThreadExecutor());
        stage.setScene(new Scene(window.root(), 1920, 1080));
        stage.show();
    }

    private TopologyCanvasView canvas() {
        return window.canvas();
    }

    private TopologyGraph graph() {
        return window.state().frame().graph();
    }

    private Rect rect(String id) {
        return window.state().frame().layout().rects().get(id);
    }

    private List<TopoNode> of(NodeKind kind) {
        return graph().nodes().stream().filter(n -> n.kind() == kind && rect(n.id()) != null).toList();
    }

    private void act(FxRobot robot, Runnable r) {
        robot.interact(r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void settle() {
        try {
            Thread.sleep(600);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Map<String, ShownName> shown(FxRobot robot) {
        Map<String, ShownName> out = new HashMap<>();
        robot.interact(() -> canvas().overviewNames().forEach(n -> out.put(n.id(), n)));
        return out;
    }

    /** A vertex's shape in the canvas's coordinates. */
    private double[] onScreen(String id) {
        Rect r = rect(id);
        Point2D a = canvas().toView(r.x(), r.y());
        Point2D b = canvas().toView(r.maxX(), r.maxY());
        return new double[] {a.getX(), a.getY(), b.getX(), b.getY()};
    }

    private static boolean overlap(Bounds a, Bounds b) {
        return a.getMinX() < b.getMaxX() - 0.5 && b.getMinX() < a.getMaxX() - 0.5 && a.getMinY() < b.getMaxY() - 0.5
                && b.getMinY() < a.getMaxY() - 0.5;
    }

    private static List<Text> texts(Region v) {
        return v.getChildrenUnmodifiable().stream().filter(Text.class::isInstance).map(Text.class::cast).toList();
    }

    private void waitForPulse(FxRobot robot) {
        Pulses.waitForPulse(robot, canvas());
    }

    @Test
    void atFitEveryContainerBridgeAndHostNameIsShownAtLeast9PxTallAndNoneOverlap(FxRobot robot) {
        act(robot, () -> canvas().fitToWindow());
        settle();
        double zoom = canvas().zoom();
        assertTrue(zoom < OverviewNames.ZOOM, "fit of 50 containers is an overview: " + zoom);
        Map<String, ShownName> names = shown(robot);
        assertEquals(50, of(NodeKind.CONTAINER).size());
        assertEquals(10, of(NodeKind.BRIDGE).size());
        for (NodeKind kind : List.of(NodeKind.HOST, NodeKind.BRIDGE, NodeKind.CONTAINER)) {
            for (TopoNode n : of(kind)) {
                ShownName s = names.get(n.id());
                assertNotNull(s, kind + " name not shown at fit: " + n.label());
                assertTrue(s.height() >= 9, n.label() + " is " + s.height() + " px");
                assertTrue(s.whole(), "whole, not shortened: " + s.text());
                if (kind == NodeKind.BRIDGE) {
                    assertTrue(n.caption().startsWith(s.text()) || s.text().contains(n.caption().split(" · ")[0]),
                            "a bridge is named by its Docker network: " + s.text() + " for " + n.caption());
                } else {
                    assertEquals(n.label(), s.text());
                }
                assertTrue(s.bounds().intersects(canvas().getLayoutBounds()), "in view: " + s);
            }
        }
        List<ShownName> all = List.copyOf(names.values());
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                assertFalse(overlap(all.get(i).bounds(), all.get(j).bounds()), all.get(i) + " overlaps " + all.get(j));
            }
        }
        // A name stays at its shape: within SLACK of it (or MIN_ROOM centred on a narrow one), a
        // container's within its namespace's box.
        for (ShownName s : all) {
            if (s.kind() == NodeKind.HOST) {
                continue;
            }
            double[] r = onScreen(s.id());
            double cx = (r[0] + r[2]) / 2;
            if (s.kind() == NodeKind.CONTAINER) {
                double[] ns = onScreen(graph().node(s.id()).orElseThrow().parent());
                r = new double[] {Math.min(r[0], ns[0]), r[1], Math.max(r[2], ns[2]), r[3]};
            }
            double left = Math.min(r[0] - OverviewNames.SLACK, cx - OverviewNames.MIN_ROOM / 2);
            double right = Math.max(r[2] + OverviewNames.SLACK, cx + OverviewNames.MIN_ROOM / 2);
            assertTrue(s.bounds().getMinX() >= left - 1 && s.bounds().getMaxX() <= right + 1, "too far beyond its shape: " + s);
            double cy = (r[1] + r[3]) / 2;
            assertTrue(Math.abs(s.bounds().getCenterY() - cy) < 2.5 * s.bounds().getHeight(), "beside its shape: " + s);
        }
        // Not twice: the world names of these vertices are not drawn meanwhile.
        robot.interact(() -> {
            for (TopoNode n : of(NodeKind.CONTAINER)) {
                texts(canvas().viewOf(n.id()).orElseThrow()).forEach(t -> assertFalse(t.isVisible()));
            }
        });
    }

    @Test
    void atReadingZoomTheOverlayShowsNothingAndTheWorldTextNamesEverything(FxRobot robot) {
        TopoNode c = of(NodeKind.CONTAINER).get(0);
        act(robot, () -> canvas().centreOn(c.id())); // zoom 1
        settle();
        assertTrue(canvas().zoom() >= 1);
        assertTrue(shown(robot).isEmpty(), "nothing at zoom 1");
        robot.interact(() -> texts(canvas().viewOf(c.id()).orElseThrow()).forEach(t -> assertTrue(t.isVisible())));
        act(robot, () -> canvas().zoomBy(OverviewNames.ZOOM / canvas().zoom()));
        settle(); // the level of detail follows once the camera rests
        assertTrue(shown(robot).isEmpty(), "nothing at the overview zoom itself: world names are 10 px there");
        act(robot, () -> canvas().zoomBy(0.97));
        settle();
        assertTrue(shown(robot).containsKey(c.id()), "just below it, the overlay names the container");
    }

    @Test
    void betweenTheTextZoomAndTheOverviewZoomTheOverlayNamesWhatTheWorldTextNoLongerDoes(FxRobot robot) {
        TopoNode c = of(NodeKind.CONTAINER).get(3);
        TopoNode eth = graph().nodes().stream()
                .filter(n -> n.kind() == NodeKind.INTERFACE && c.parent().equals(n.parent())).findFirst().orElseThrow();
        act(robot, () -> {
            canvas().centreOn(c.id());
            canvas().zoomBy((TopologyCanvasView.TEXT_ZOOM + OverviewNames.ZOOM) / 2 / canvas().zoom());
        });
        settle();
        assertTrue(canvas().isTextShown());
        ShownName s = shown(robot).get(c.id());
        assertNotNull(s, "the container is named by the overlay");
        assertTrue(s.height() >= OverviewNames.MIN_PX);
        robot.interact(() -> {
            texts(canvas().viewOf(c.id()).orElseThrow()).forEach(t -> assertFalse(t.isVisible(), "its world name is not drawn too"));
            texts(canvas().viewOf(eth.id()).orElseThrow()).forEach(t -> assertTrue(t.isVisible(), "an interface keeps its own"));
        });
    }

    @Test
    void theNamesFollowTheCameraAboveThePicturesWhileItMoves(FxRobot robot) {
        act(robot, () -> canvas().fitToWindow());
        settle(); // pictures taken for the next gesture
        Map<String, ShownName> atRest = shown(robot);
        assertFalse(atRest.isEmpty());
        act(robot, () -> {
            // Moving for as long as the test looks, however slow the machine.
            canvas().settleDelay(javafx.util.Duration.seconds(30));
            fire(MouseEvent.MOUSE_PRESSED, 700, 500);
            fire(MouseEvent.MOUSE_DRAGGED, 730, 520);
        });
        waitForPulse(robot);
        Map<String, ShownName> moving = new HashMap<>();
        robot.interact(() -> {
            assertTrue(canvas().isStandInShown(), "the pictures stand in for the shapes");
            List<Node> layers = canvas().getChildrenUnmodifiable();
            Node overlay = layers.stream().filter(OverviewNames.class::isInstance).findFirst().orElseThrow();
            Node pictures = layers.stream().filter(StandInTiles.class::isInstance).findFirst().orElseThrow();
            assertTrue(layers.indexOf(overlay) > layers.indexOf(pictures), "the names are drawn above the pictures");
            assertTrue(overlay.isVisible() && overlay.getOpacity() == 1);
            canvas().overviewNames().forEach(n -> moving.put(n.id(), n));
            fire(MouseEvent.MOUSE_RELEASED, 730, 520);
            canvas().settleDelay(javafx.util.Duration.millis(250));
        });
        int followed = 0;
        for (ShownName s : atRest.values()) {
            ShownName m = moving.get(s.id());
            if (m != null && m.text().equals(s.text())) {
                assertEquals(s.bounds().getMinX() + 30, m.bounds().getMinX(), 1.0, "moved with the camera: " + s.id());
                assertEquals(s.bounds().getMinY() + 20, m.bounds().getMinY(), 1.0);
                followed++;
            }
        }
        assertTrue(followed > atRest.size() * 0.9, followed + " of " + atRest.size() + " names followed the camera at once");
    }

    @Test
    void theOverlayTakesOverWhenTheCameraRestsNeverWithinAGesture(FxRobot robot) {
        TopoNode c = of(NodeKind.CONTAINER).get(1);
        act(robot, () -> {
            canvas().centreOn(c.id());
            canvas().zoomBy(OverviewNames.ZOOM * 1.1 / canvas().zoom()); // world names, no overlay
        });
        settle();
        assertTrue(canvas().standInTiles() > 0, "pictures (with world names) kept for the next gesture");
        robot.interact(() -> {
            canvas().zoomBy(0.85); // below the overview zoom, within a gesture
            assertTrue(canvas().standInTiles() > 0, "the gesture keeps its pictures and its level of detail");
            assertFalse(canvas().overviewNames().stream().anyMatch(n -> n.id().equals(c.id())),
                    "no overlay name over the pictures' world names");
        });
        settle();
        assertTrue(shown(robot).containsKey(c.id()), "at rest the overlay names it");
    }

    @Test
    void coloursAndSizesComeFromTheStylesheetInEveryTheme(FxRobot robot) {
        act(robot, () -> canvas().fitToWindow());
        robot.interact(() -> canvas().overviewNames()); // placed
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            assertEquals(Color.web(hex(Theme.LIGHT, "orange")), plate("kind-container").getFill());
            assertEquals(Color.web(hex(Theme.LIGHT, "blue")), plate("kind-bridge").getFill());
            assertEquals(Color.web(hex(Theme.LIGHT, "paper")), plate("kind-host").getFill());
            assertEquals(Color.web(hex(Theme.LIGHT, "ink")), name("kind-host").getFill());
        });
        act(robot, () -> window.presentation().themeProperty().set(Theme.DARK));
        robot.interact(() -> canvas().overviewNames());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            assertEquals(Color.web(hex(Theme.DARK, "paper")), plate("kind-host").getFill());
            assertEquals(Color.web(hex(Theme.DARK, "ink")), name("kind-host").getFill());
            assertTrue(canvas().overviewNames().stream().allMatch(n -> n.height() >= OverviewNames.MIN_PX));
        });
    }

    @Test
    void whileTheCameraZoomsTheNamesMoveWithTheirShapesAndAtRestTheyArePlacedAgain(FxRobot robot) {
        act(robot, () -> canvas().fitToWindow());
        settle();
        Map<String, ShownName> before = shown(robot);
        assertFalse(before.isEmpty());
        Map<String, ShownName> during = new HashMap<>();
        robot.interact(() -> {
            canvas().zoomBy(0.8); // the camera moves: the placement of the gesture's start is held
            canvas().overviewNames().forEach(n -> during.put(n.id(), n));
        });
        assertEquals(before.keySet(), during.keySet(), "the same names while zooming");
        for (String id : before.keySet()) {
            assertEquals(before.get(id).text(), during.get(id).text(), "the same text (no bitmap made again)");
            assertEquals(before.get(id).bounds().getWidth(), during.get(id).bounds().getWidth(), 0.01, "screen size kept");
        }
        assertTrue(before.keySet().stream().anyMatch(id -> before.get(id).bounds().getMinX() != during.get(id).bounds().getMinX()),
                "moved with their shapes");
        settle();
        List<ShownName> after = List.copyOf(shown(robot).values());
        for (int i = 0; i < after.size(); i++) {
            for (int j = i + 1; j < after.size(); j++) {
                assertFalse(overlap(after.get(i).bounds(), after.get(j).bounds()), "placed again at rest: "
                        + after.get(i) + " overlaps " + after.get(j));
            }
        }
    }

    @Test
    void farOutNamesStillNeverOverlapAndHostsComeFirst(FxRobot robot) {
        act(robot, () -> {
            canvas().fitToWindow();
            canvas().zoomBy(0.05 / canvas().zoom()); // the smallest zoom: shapes a few px wide
        });
        settle();
        List<ShownName> all = List.copyOf(shown(robot).values());
        assertTrue(all.stream().anyMatch(n -> n.kind() == NodeKind.HOST), "the host is named");
        assertTrue(all.stream().filter(n -> n.kind() == NodeKind.CONTAINER).count() < 50, "not every container fits");
        for (int i = 0; i < all.size(); i++) {
            assertTrue(all.get(i).height() >= OverviewNames.MIN_PX);
            for (int j = i + 1; j < all.size(); j++) {
                assertFalse(overlap(all.get(i).bounds(), all.get(j).bounds()), all.get(i) + " overlaps " + all.get(j));
            }
        }
    }

    private Rectangle plate(String kindClass) {
        return canvas().lookupAll(".overview-plate." + kindClass).stream().filter(Node::isVisible)
                .map(Rectangle.class::cast).findFirst().orElseThrow();
    }

    private Text name(String kindClass) {
        return canvas().lookupAll(".overview-name." + kindClass).stream().filter(Node::isVisible)
                .map(Text.class::cast).filter(t -> !t.getText().isEmpty()).findFirst().orElseThrow();
    }

    private static String hex(Theme theme, String name) {
        return String.format("#%06x", Palette.argb(theme, name) & 0xffffff);
    }

    private void fire(javafx.event.EventType<MouseEvent> type, double x, double y) {
        Point2D s = canvas().localToScene(x, y);
        Point2D screen = canvas().localToScreen(x, y);
        canvas().fireEvent(new MouseEvent(type, s.getX(), s.getY(), screen.getX(), screen.getY(), MouseButton.PRIMARY, 1,
                false, false, false, false, type != MouseEvent.MOUSE_RELEASED, false, false, false, false, false, null));
    }
}
