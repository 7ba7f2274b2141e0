package dev.netlens.ui.present;

import dev.netlens.graph.SubKind;
import dev.netlens.ui.language.I18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.Fixtures;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.Rect;
import dev.netlens.layout.StableLayout;
import dev.netlens.layout.StackLayout;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.concurrent.SameThreadExecutor;
import dev.netlens.ui.file.RecentFiles;
import dev.netlens.ui.topology.TopologyCanvasView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presentation mode frames what each reveal step shows at a readable zoom, "all" fits everything,
 * and the selection (and its dimming) is cleared by Esc and on entering presentation; a selected
 * namespace box lights up with its members. Headless, on the lab snapshot.
 */
@ExtendWith(ApplicationExtension.class)
class PresentationCameraTest {
    private static final PseudoClass DIMMED = PseudoClass.getPseudoClass("dimmed");
    private static final PseudoClass ON_PATH = PseudoClass.getPseudoClass("on-path");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private final Preferences prefs = Preferences.userRoot().node("dev/netlens-test/" + System.nanoTime());
    private MainWindow window;

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

    private TopologyCanvasView canvas() {
        return window.canvas();
    }

    private TopologyGraph graph() {
        return window.state().frame().graph();
    }

    private Map<String, Rect> rects() {
        return window.state().frame().layout().rects();
    }

    /** Waits for the camera's move to a step to end (it is animated). */
    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> !canvas().isCameraAnimating()).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The part of the world on screen beside the legend and above the caption. */
    private Rect freeWorld() throws Exception {
        double[] insets = WaitForAsyncUtils.asyncFx(() -> window.presentationCamera().insets()).get();
        Rect v = canvas().visibleWorld();
        double z = canvas().zoom();
        return new Rect(v.x(), v.y(), v.w() - insets[0] / z, v.h() - insets[1] / z);
    }

    /** The vertices a step reveals that are drawn (the filters let them through). */
    private List<String> revealedVertices(int step) {
        Set<String> visible = window.canvasModel().visibleProperty().get();
        List<String> out = new ArrayList<>();
        for (String id : window.presentation().reveal().revealedAt(step)) {
            if (rects().containsKey(id) && visible.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    private static boolean inside(Rect outer, Rect r) {
        double e = 1.5; // pans are whole pixels
        return r.x() >= outer.x() - e && r.y() >= outer.y() - e && r.maxX() <= outer.maxX() + e && r.maxY() <= outer.maxY() + e;
    }

    /**
     * Each step's camera shows the vertices it reveals at a readable zoom: all of them when they fit
     * at that zoom, else at exactly that zoom from its top-left corner. Returns how many steps fitted whole.
     */
    private int assertEachStepFramed(FxRobot robot) throws Exception {
        var reveal = window.presentation().reveal();
        int whole = 0;
        for (int s = 0; s < reveal.steps() - 1; s++) {
            if (s > 0) {
                robot.type(KeyCode.RIGHT); // as a presenter steps: the camera follows the key
            }
            settle();
            assertEquals(s, reveal.stepProperty().get());
            List<String> ids = revealedVertices(s);
            assertFalse(ids.isEmpty(), "step " + (s + 1) + " reveals something");
            int step = s;
            Rect region = WaitForAsyncUtils.asyncFx(() -> window.presentationCamera().region(step)).get();
            for (String id : ids) {
                assertTrue(inside(region, rects().get(id)), "step " + (s + 1) + " frames " + id);
            }
            double floor = window.presentation().readableZoom();
            double z = canvas().zoom();
            assertTrue(z >= floor - 1e-9, "step " + (s + 1) + ": zoom " + z + " readable (>= " + floor + ")");
            Rect free = freeWorld();
            boolean fits = region.w() * floor <= free.w() * z - 48 && region.h() * floor <= free.h() * z - 48;
            if (fits) {
                whole++;
                for (String id : ids) {
                    assertTrue(inside(free, rects().get(id)), "step " + (s + 1) + ": " + id + " " + rects().get(id) + " on screen " + free);
                }
            } else {
                assertEquals(floor, z, 1e-9, "step " + (s + 1) + " too large for the screen: at the readable zoom");
                // Too wide (or tall): shown from the region's top-left corner, 24 px in; else centred.
                double margin = 24 / z;
                if (region.w() * z > free.w() * z - 48) {
                    assertEquals(region.x(), free.x() + margin, 1.5 / z, "step " + (s + 1) + " from its left edge");
                } else {
                    assertEquals(region.centerX(), free.centerX(), 1.5 / z, "step " + (s + 1) + " centred across");
                }
                if (region.h() * z > free.h() * z - 48) {
                    assertEquals(region.y(), free.y() + margin, 1.5 / z, "step " + (s + 1) + " from its top edge");
                } else {
                    assertEquals(region.centerY(), free.centerY(), 1.5 / z, "step " + (s + 1) + " centred down");
                }
            }
        }
        return whole;
    }

    @Test
    void eachRevealStepFramesWhatItRevealsAtAReadableZoom(FxRobot robot) throws Exception {
        robot.type(KeyCode.F5);
        settle();
        assertTrue(window.presentation().isActive());
        assertEquals(12.0, PresentationViewModel.READABLE_ZOOM * dev.netlens.layout.TypeScale.LABEL, 1e-9);
        assertEquals(PresentationViewModel.READABLE_ZOOM, window.presentation().readableZoom(), 1e-9,
                "the default projector zoom keeps the 12 px floor");
        int whole = assertEachStepFramed(robot);
        assertTrue(whole >= 1, "some step of the lab fits the screen whole: " + whole);

        // One host: smaller steps, and more of them fit whole.
        robot.type(KeyCode.ESCAPE);
        String host = graph().nodes().stream().filter(n -> n.kind() == NodeKind.HOST).findFirst().orElseThrow().ref();
        robot.interact(() -> window.canvasModel().onlyHostProperty().set(host));
        robot.type(KeyCode.F5);
        settle();
        assertTrue(assertEachStepFramed(robot) >= whole, "one host's steps fit at least as well");
    }

    @Test
    void endFitsTheWholePictureAndShiftArrowsPan(FxRobot robot) throws Exception {
        robot.interact(window::enterPresentation);
        robot.type(KeyCode.END);
        settle();
        var reveal = window.presentation().reveal();
        assertEquals(reveal.steps() - 1, reveal.stepProperty().get());
        Rect free = freeWorld();
        Set<String> visible = window.canvasModel().visibleProperty().get();
        int n = 0;
        for (var e : rects().entrySet()) {
            if (visible.contains(e.getKey())) {
                assertTrue(inside(free, e.getValue()), "all: " + e.getKey() + " " + e.getValue() + " on screen " + free);
                n++;
            }
        }
        assertEquals(graph().nodes().stream().filter(graph()::isDrawn).count(), n, "everything is shown at the last step");
        assertTrue(canvas().zoom() <= window.presentation().closestZoom());

        // Home goes back to the first step; it is larger than the screen, and Shift+arrows pan over it.
        robot.type(KeyCode.HOME);
        settle();
        assertEquals(0, reveal.stepProperty().get());
        Rect before = canvas().visibleWorld();
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT).type(KeyCode.DOWN).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, reveal.stepProperty().get(), "Shift+arrows pan, they do not step");
        Rect after = canvas().visibleWorld();
        assertTrue(after.x() > before.x() + 10 && after.y() > before.y() + 10, before + " -> " + after);
        assertEquals(before.w(), after.w(), 1e-6, "a pan, not a zoom");
    }

    private boolean anyDimmed() {
        return graph().nodes().stream().map(n -> canvas().viewOf(n.id()).orElse(null))
                .anyMatch(v -> v != null && v.getPseudoClassStates().contains(DIMMED));
    }

    private TopoNode container() {
        return graph().nodes().stream().filter(n -> n.kind() == NodeKind.CONTAINER).findFirst().orElseThrow();
    }

    @Test
    void escClearsTheSelectionAndPresentationStartsWithoutIt(FxRobot robot) {
        TopoNode c = container();
        robot.clickOn(canvas().viewOf(c.id()).orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(c.id(), window.selection().selected());
        assertTrue(anyDimmed(), "a selection dims what is off its path");
        assertTrue(canvas().isFocused());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(window.selection().selected(), "Esc on the canvas clears the selection");
        assertFalse(anyDimmed());

        // Typing in the search box: Esc is the text field's; once it is empty, Esc clears the selection again.
        robot.interact(() -> window.selection().select(c.id()));
        robot.clickOn("#search").write("web");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(c.id(), window.selection().selected(), "not while a search is being typed");
        robot.eraseText(3).type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(window.selection().selected(), "Esc in the empty search box");

        // The dimming never carries into presentation, and Esc there still leaves.
        robot.interact(() -> window.selection().select(c.id()));
        assertTrue(anyDimmed());
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.presentation().isActive());
        assertNull(window.selection().selected(), "entering presentation clears the selection");
        assertFalse(anyDimmed(), "nothing dimmed in presentation");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.presentation().isActive(), "Esc leaves presentation");
    }

    @Test
    void aSelectedNamespaceLightsUpWithItsMembersAndIsNeverDimmed(FxRobot robot) {
        TopoNode ns = graph().nodes().stream().filter(n -> n.kind() == NodeKind.NAMESPACE && n.subKind() == SubKind.Namespace.HOST)
                .findFirst().orElseThrow();
        Set<String> members = graph().descendants(ns.id());
        assertTrue(members.size() > 5);
        // A click on the namespace's background: a point of its box that no member or inner box covers.
        Rect box = rects().get(ns.id());
        Point2D at = null;
        for (double fy = 0.95; at == null && fy > 0.05; fy -= 0.05) {
            for (double fx = 0.05; at == null && fx < 0.95; fx += 0.05) {
                double wx = box.x() + box.w() * fx;
                double wy = box.y() + box.h() * fy;
                boolean free = rects().entrySet().stream().noneMatch(e -> !e.getKey().equals(ns.id())
                        && !graph().ancestors(ns.id()).contains(e.getKey())
                        && inside(e.getValue(), new Rect(wx, wy, 0, 0)));
                if (free) {
                    at = canvas().localToScreen(canvas().toView(wx, wy));
                }
            }
        }
        assertTrue(at != null, "some background of the namespace is bare");
        var boxView = canvas().viewOf(ns.id()).orElseThrow();
        var borderBefore = boxView.getBorder().getStrokes().get(0).getTopStroke();
        robot.clickOn(at);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ns.id(), window.selection().selected());
        var states = boxView.getPseudoClassStates();
        assertTrue(states.contains(SELECTED) && !states.contains(DIMMED), "the box itself: " + states);
        assertFalse(borderBefore.equals(boxView.getBorder().getStrokes().get(0).getTopStroke()),
                "the selected box is outlined, not left in its kind's colour");
        for (String id : members) {
            canvas().viewOf(id).ifPresent(v -> {
                assertFalse(v.getPseudoClassStates().contains(DIMMED), "member " + id + " not dimmed");
                assertTrue(v.getPseudoClassStates().contains(ON_PATH), "member " + id + " highlighted");
            });
        }
        graph().links().stream().filter(l -> members.contains(l.source()) && members.contains(l.target())).forEach(l ->
                canvas().linkOf(l.id()).ifPresent(s -> assertFalse(s.getPseudoClassStates().contains(DIMMED), "link " + l.id())));
        String otherHost = graph().nodes().stream().filter(n -> n.kind() == NodeKind.HOST && !n.ref().equals(ns.host()))
                .findFirst().orElseThrow().id();
        assertTrue(graph().descendants(otherHost).stream().map(id -> canvas().viewOf(id).orElse(null))
                .anyMatch(v -> v != null && v.getPseudoClassStates().contains(DIMMED)), "what is outside the box is dimmed");
    }
}
