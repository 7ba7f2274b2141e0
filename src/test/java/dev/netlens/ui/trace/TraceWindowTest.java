package dev.netlens.ui.trace;

import static dev.netlens.ui.trace.TraceResults.DOCKER0;
import static dev.netlens.ui.trace.TraceResults.ISOLATION_DROP_ID;
import static dev.netlens.ui.trace.TraceResults.LAB_USER_BRIDGE;
import static dev.netlens.ui.trace.TraceResults.USER_A_VETH;
import static dev.netlens.ui.trace.TraceResults.USER_B_ETH0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.Fixtures;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.Rect;
import dev.netlens.layout.StableLayout;
import dev.netlens.layout.StackLayout;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.concurrent.SameThreadExecutor;
import dev.netlens.ui.file.RecentFiles;
import dev.netlens.ui.firewall.FirewallPanelViewModel.RuleRow;
import dev.netlens.ui.language.I18n;
import dev.netlens.ui.topology.FxLabelMetrics;
import dev.netlens.ui.topology.TraceMarks;
import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The packet trace in the window, headless, on the lab snapshot with hand-made traces
 * ({@link TraceResults#fake}): starting from the context menu and picking the destination with a
 * click, the Trace tab's hops, the canvas's marks and badges, Esc, the deciding rule's link into the
 * Firewall tab, presentation stepping through the hops, and the trace recomputed after a change.
 */
@ExtendWith(ApplicationExtension.class)
class TraceWindowTest {
    private static final TopologySnapshot LAB = Fixtures.load("lab.json");
    private static final PseudoClass ON_TRACE = PseudoClass.getPseudoClass("on-trace");
    private static final PseudoClass TRACE_DIMMED = PseudoClass.getPseudoClass("trace-dimmed");
    private final Preferences prefs = Preferences.userRoot().node("dev/netlens-test/" + System.nanoTime());
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(LAB, new SameThreadExecutor(), new StableLayout(new StackLayout(new FxLabelMetrics())),
                new RecentFiles(prefs), new I18n(Locale.ENGLISH), TraceResults.fake());
        Scene scene = new Scene(window.root(), 1600, 900);
        window.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        // Headless Monocle raises no context-menu request for a right-click: the platform's part, played here.
        window.canvas().addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.SECONDARY) {
                Platform.runLater(() -> window.canvas().fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                        e.getX(), e.getY(), e.getScreenX(), e.getScreenY(), false, e.getPickResult())));
            }
        });
    }

    @AfterEach
    void forgetPrefs() throws Exception {
        prefs.removeNode();
    }

    private static String ctr(String name) {
        Container c = LAB.containers().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        return TopologyGraph.ctrId(c.host(), c.id());
    }

    /** Frames a vertex (at zoom 1 at most, at once) and returns the screen point at its middle. */
    private Point2D pointOn(FxRobot robot, String id) {
        Rect r = window.state().frame().layout().rects().get(id);
        assertNotNull(r, "laid out: " + id);
        robot.interact(() -> window.canvas().frame(r, 0.05, 1, 0, 0, Duration.ZERO));
        WaitForAsyncUtils.waitForFxEvents();
        return window.canvas().localToScreen(window.canvas().toView(r.centerX(), r.centerY()));
    }

    private void contextMenu(FxRobot robot, String id, String itemId) {
        robot.moveTo(pointOn(robot, id)).clickOn(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.collapseMenu().isShowing(), "the context menu is up");
        MenuItem item = window.collapseMenu().getItems().stream().filter(i -> itemId.equals(i.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + itemId + " in " + window.collapseMenu().getItems()));
        robot.clickOn(item.getText());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Traces from one container to another as the context menu and a click would. */
    private void trace(FxRobot robot, String from, String to) {
        robot.interact(() -> {
            assertTrue(window.traceFrom(ctr(from)));
            assertTrue(window.trace().pickDestination(ctr(to)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TraceMarks marks() {
        return window.canvasModel().traceProperty().get();
    }

    private boolean has(String vertex, PseudoClass p) {
        Node v = window.canvas().viewOf(vertex).orElseThrow(() -> new AssertionError("not drawn: " + vertex));
        return v.getPseudoClassStates().contains(p);
    }

    private static String ifv(String id) {
        return TopologyGraph.ifId(id);
    }

    @Test
    void theContextMenuStartsATraceAndAClickPicksTheDestination(FxRobot robot) {
        contextMenu(robot, ctr("lab-user-a"), "ctx-trace-from");
        assertTrue(window.trace().isPicking(), "waiting for the destination");
        assertTrue(robot.lookup("#trace-pick-hint").queryLabeled().isVisible(), "the band over the canvas says so");
        assertTrue(robot.lookup("#trace-pick-hint").queryLabeled().getText().contains("lab-user-a"));
        robot.moveTo(pointOn(robot, ctr("lab-user-b"))).clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.trace().isPicking());
        assertEquals("lab-user-a", window.trace().request().from());
        assertEquals("lab-user-b", window.trace().request().to());
        assertEquals("tab-trace", window.sideTabs().getSelectionModel().getSelectedItem().getId(), "the Trace tab comes forward");
        assertEquals(null, window.selection().selected(), "the click picked, it did not select");
    }

    @Test
    void ctrlTStartsFromTheSelection(FxRobot robot) {
        robot.interact(() -> {
            window.selection().select(ctr("lab-user-a"));
            window.canvas().requestFocus();
        });
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.trace().isPicking());
        assertEquals("lab-user-a", window.trace().pickingFrom());
    }

    @Test
    void theTraceTabListsTheHopsAndTheVerdict(FxRobot robot) {
        trace(robot, "lab-user-a", "lab-user-b");
        var hops = window.traceView().hopList().getItems();
        assertEquals(6, hops.size());
        assertEquals(1, hops.get(0).index());
        assertEquals("route", hops.get(0).kind());
        assertTrue(hops.get(1).where().contains("vethf58daf3"), hops.get(1).where());
        assertEquals("filter FORWARD: -A FORWARD -i br-678ee52577bb -o br-678ee52577bb -j ACCEPT", hops.get(3).rule());
        assertEquals("ACCEPT", hops.get(3).action());
        assertEquals("arrives at lab-user-b", hops.get(5).note());
        assertEquals("Delivered", robot.lookup("#trace-verdict").queryLabeled().getText());
        assertEquals("lab-user-b receives it", robot.lookup("#trace-reason").queryLabeled().getText());
        robot.interact(() -> window.language().switchTo(Locale.KOREAN));
        assertEquals("전달됨", robot.lookup("#trace-verdict").queryLabeled().getText());
        assertEquals("한국어: arrives at lab-user-b", window.traceView().hopList().getItems().get(5).note());
    }

    @Test
    void theCanvasMarksTheHopsWithNumberedBadgesAndDimsTheRest(FxRobot robot) {
        trace(robot, "lab-user-a", "lab-user-b");
        assertEquals("2", window.canvas().badgeOf(ifv(USER_A_VETH)).orElse(null));
        assertEquals("3–4", window.canvas().badgeOf(ifv(LAB_USER_BRIDGE)).orElse(null));
        assertTrue(has(ifv(USER_A_VETH), ON_TRACE));
        assertTrue(has(ctr("lab-user-b"), ON_TRACE), "the destination it reached");
        assertTrue(has(ifv(DOCKER0), TRACE_DIMMED), "off the path: dimmed");
        assertFalse(has(ifv(USER_A_VETH), TRACE_DIMMED));
        String brport = "brport:" + ifv(USER_A_VETH);
        assertTrue(window.canvas().linkOf(brport).orElseThrow().getPseudoClassStates().contains(ON_TRACE));
    }

    @Test
    void escCancelsPickingThenClearsTheTraceThenTheSelection(FxRobot robot) {
        robot.interact(() -> window.traceFrom(ctr("lab-user-a")));
        robot.clickOn(window.traceView()).type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.trace().isPicking(), "Esc cancels picking");
        trace(robot, "lab-user-a", "lab-user-b");
        robot.interact(() -> window.selection().select(ctr("lab-user-a")));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TraceMarks.NONE, marks(), "Esc clears the trace");
        assertTrue(window.canvas().badgeOf(ifv(USER_A_VETH)).isEmpty());
        assertFalse(has(ifv(DOCKER0), TRACE_DIMMED));
        assertEquals(ctr("lab-user-a"), window.selection().selected(), "but not the selection yet");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, window.selection().selected());
    }

    @Test
    void theClearButtonClearsTheTrace(FxRobot robot) {
        trace(robot, "lab-user-a", "lab-user-b");
        robot.clickOn("#trace-clear");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TraceMarks.NONE, marks());
        assertTrue(window.traceView().hopList().getItems().isEmpty());
    }

    @Test
    void theDecidingRulesLinkSelectsItInTheFirewallTab(FxRobot robot) {
        trace(robot, "lab-user-a", "lab-bridge-a");
        assertEquals("Dropped", robot.lookup("#trace-verdict").queryLabeled().getText());
        assertTrue(robot.lookup("#trace-deciding-rule").queryLabeled().getText().contains("DOCKER-ISOLATION-STAGE-2 #4"));
        assertTrue(window.traceView().hopList().getItems().get(5).deciding(), "the deciding hop is marked");
        assertEquals(ifv(DOCKER0), marks().stop());
        robot.clickOn("#trace-rule-link");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("tab-firewall", window.sideTabs().getSelectionModel().getSelectedItem().getId());
        var picked = window.firewall().tree().getSelectionModel().getSelectedItem();
        assertNotNull(picked, "a rule is picked in the firewall tree");
        assertTrue(picked.getValue() instanceof RuleRow r && r.ruleId().equals(ISOLATION_DROP_ID), String.valueOf(picked.getValue()));
    }

    @Test
    void presentationStepsThroughTheHopsWithACaptionEach(FxRobot robot) {
        trace(robot, "lab-user-a", "lab-user-b");
        robot.interact(() -> window.enterPresentation());
        WaitForAsyncUtils.waitForFxEvents();
        var p = window.presentation();
        assertTrue(p.touring(), "a shown trace: presentation walks its hops");
        assertEquals(0, p.hopStepProperty().get());
        assertTrue(p.captionProperty().get().startsWith("Hop 1 · route"), p.captionProperty().get());
        assertEquals(window.presentationView().caption().getText(), p.captionProperty().get(), "the caption band shows it");
        assertEquals(java.util.Set.of(ifv(TraceResults.USER_A_ETH0)), marks().badges().keySet(), "only the first hop so far");
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, p.hopStepProperty().get());
        assertTrue(p.captionProperty().get().contains("through the veth pair to the host"), p.captionProperty().get());
        assertTrue(marks().current().contains(ifv(USER_A_VETH)));
        assertTrue(window.canvas().badgeOf(ifv(USER_B_ETH0)).isEmpty(), "not there yet");
        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, p.hopStepProperty().get());
        assertTrue(p.captionProperty().get().contains("Delivered"), "the last hop says how it ended");
        assertEquals("6", window.canvas().badgeOf(ifv(USER_B_ETH0)).orElse(null));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(p.isActive());
        assertEquals(6, marks().badges().values().stream().mapToInt(s -> s.contains("–") ? 2 : 1).sum(),
                "the whole trace again");
    }

    @Test
    void presentationWithoutATraceStillRevealsLayers(FxRobot robot) {
        robot.interact(() -> window.enterPresentation());
        assertFalse(window.presentation().touring());
        assertTrue(window.presentation().captionProperty().get().startsWith("1 · "), window.presentation().captionProperty().get());
        robot.interact(() -> window.leavePresentation());
    }

    @Test
    void aNewSnapshotRecomputesTheTraceAndSaysSo(FxRobot robot) {
        trace(robot, "lab-user-a", "lab-user-b");
        assertEquals("", window.trace().changeNoteProperty().get());
        TopologySnapshot later = new TopologySnapshot(LAB.schema(), "2026-12-03T10:00:00Z", LAB.source(), LAB.hosts(),
                LAB.namespaces(), LAB.interfaces(), LAB.networks(), LAB.containers(), LAB.tunnels());
        robot.interact(() -> window.show(later));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#trace-change").queryLabeled().getText().startsWith("Recomputed after a change"));
        assertEquals(6, window.traceView().hopList().getItems().size());
        assertEquals("2", window.canvas().badgeOf(ifv(USER_A_VETH)).orElse(null));
    }

    @Test
    void anEndpointThatVanishesIsSaidAndItsMarksGo(FxRobot robot) {
        trace(robot, "lab-user-a", "lab-user-b");
        TopologySnapshot without = new TopologySnapshot(LAB.schema(), LAB.capturedAt(), LAB.source(), LAB.hosts(),
                LAB.namespaces(), LAB.interfaces(), LAB.networks(),
                LAB.containers().stream().filter(c -> !c.name().equals("lab-user-a")).toList(), LAB.tunnels());
        robot.interact(() -> window.show(without));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TraceViewModel.Change.VANISHED, window.trace().changeProperty().get());
        assertTrue(robot.lookup("#trace-change").queryLabeled().getText().startsWith("An endpoint vanished"));
        assertEquals(TraceMarks.NONE, marks());
        robot.interact(() -> window.show(LAB));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TraceViewModel.Change.RECOMPUTED, window.trace().changeProperty().get(), "back with it");
        assertFalse(marks().isEmpty());
    }
}
