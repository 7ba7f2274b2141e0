package dev.netlens.ui;

import dev.netlens.ui.state.CollapseState;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.Fixtures;
import dev.netlens.graph.Collapse;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.Rect;
import dev.netlens.layout.StableLayout;
import dev.netlens.layout.StackLayout;
import dev.netlens.render.Collapsing;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.testing.SyntheticHosts;
import dev.netlens.ui.concurrent.SameThreadExecutor;
import dev.netlens.ui.file.ExportRequest;
import dev.netlens.ui.file.RecentFiles;
import dev.netlens.ui.language.I18n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Collapsing in the window, headless: double-click and context menu on a group's frame, a bridge and
 * a summary; the View menu's keys, "Expand all" and "Collapse groups larger than N"; the state through
 * a live refresh, a saved snapshot file and an export; presentation's double-click left alone.
 */
@ExtendWith(ApplicationExtension.class)
class CollapseWindowTest {
    private static final TopologySnapshot DEVHOST = Fixtures.load("devhost-50.json");
    private final Preferences prefs = Preferences.userRoot().node("dev/netlens-test/" + System.nanoTime());
    private MainWindow window;
    private Stage stage;

    @TempDir
    Path temp;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = newWindow(DEVHOST);
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

    private MainWindow newWindow(TopologySnapshot s) {
        return new MainWindow(s, new SameThreadExecutor(), new StableLayout(new StackLayout()), new RecentFiles(prefs),
                new I18n(Locale.ENGLISH));
    }

    @AfterEach
    void forgetPrefs() throws Exception {
        prefs.removeNode();
    }

    private TopologyGraph graph() {
        return window.state().frame().graph();
    }

    private String group(String name) {
        return window.state().frame().whole().nodes().stream()
                .filter(n -> n.kind() == NodeKind.GROUP && n.label().equals(name)).findFirst().orElseThrow().id();
    }

    private String bridgeOf(String network) {
        TopologyGraph whole = window.state().frame().whole();
        return whole.nodes().stream().filter(n -> n.kind() == NodeKind.NETWORK && n.label().equals(network))
                .map(n -> whole.representative(n.id())).findFirst().orElseThrow();
    }

    private boolean isSummary(String id) {
        return graph().node(Collapse.summaryId(id)).map(n -> n.kind() == NodeKind.SUMMARY).orElse(false)
                && graph().node(id).isEmpty();
    }

    private boolean isOpen(String id) {
        return graph().node(id).isPresent() && graph().node(Collapse.summaryId(id)).isEmpty();
    }

    private Set<String> summaries() {
        return graph().nodes().stream().filter(n -> n.kind() == NodeKind.SUMMARY).map(TopoNode::ref)
                .collect(Collectors.toSet());
    }

    /**
     * Frames {@code id} whole (at zoom 1 at most, at once) and returns where on the screen a point of
     * it lies: for a box, in the band at its top that holds its name (its own frame), else its middle.
     */
    private Point2D pointOn(FxRobot robot, String id) {
        Rect r = window.state().frame().layout().rects().get(id);
        assertNotNull(r, "laid out: " + id);
        robot.interact(() -> window.canvas().frame(r, 0.05, 1, 0, 0, Duration.ZERO));
        WaitForAsyncUtils.waitForFxEvents();
        boolean box = graph().node(id).orElseThrow().kind().isBox();
        Point2D view = window.canvas().toView(box ? r.x() + 40 : r.centerX(), box ? r.y() + 12 : r.centerY());
        return window.canvas().localToScreen(view);
    }

    /**
     * Double-clicks {@code id}. The two clicks make a double-click only within the toolkit's
     * multi-click time; on a loaded machine the robot's waits between them can exceed it, and then
     * nothing changes: tried again (a single click folds nothing, so a retry cannot fold twice).
     * Each try waits out the multi-click time first (Monocle: 500 ms): the summary of what was just
     * folded is framed where the folded shape was, so clicks there within it would count on from the
     * last double-click (3, 4: no double-click), and so would a retry's right after a failed try.
     */
    private void doubleClick(FxRobot robot, String id) {
        Set<String> before = window.state().frame().collapsed();
        for (int i = 0; i < 3 && window.state().frame().collapsed().equals(before); i++) {
            WaitForAsyncUtils.sleep(600, java.util.concurrent.TimeUnit.MILLISECONDS);
            robot.moveTo(pointOn(robot, id)).doubleClickOn(MouseButton.PRIMARY);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private void contextMenu(FxRobot robot, String id, String itemId) {
        robot.moveTo(pointOn(robot, id)).clickOn(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.collapseMenu().isShowing(), "the context menu is up");
        MenuItem item = window.collapseMenu().getItems().stream().filter(i -> itemId.equals(i.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + itemId + " in " + window.collapseMenu().getItems()));
        robot.clickOn(item.getText());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.collapseMenu().isShowing());
    }

    private MenuItem menuItem(String id) {
        List<MenuItem> todo = new ArrayList<>();
        ((javafx.scene.layout.VBox) window.root().getTop()).getChildren().stream()
                .filter(n -> n instanceof javafx.scene.control.MenuBar)
                .forEach(n -> ((javafx.scene.control.MenuBar) n).getMenus().forEach(todo::add));
        while (!todo.isEmpty()) {
            MenuItem i = todo.remove(0);
            if (id.equals(i.getId())) {
                return i;
            }
            if (i instanceof Menu m) {
                todo.addAll(m.getItems());
            }
        }
        throw new AssertionError("no menu item " + id);
    }

    @Test
    void doubleClickOnAGroupCollapsesItAndOnItsSummaryExpandsIt(FxRobot robot) {
        String shop = group("shop");
        assertTrue(isOpen(shop));
        TopoNode web = graph().nodes().stream().filter(n -> n.label().equals("shop-web-1")).findFirst().orElseThrow();

        doubleClick(robot, shop);
        assertTrue(isSummary(shop), "shop folded into one summary: " + summaries());
        assertTrue(graph().node(web.id()).isEmpty(), "its containers are in the summary");
        assertEquals(Set.of(shop), summaries(), "only shop");
        assertTrue(window.canvas().viewOf(Collapse.summaryId(shop)).isPresent(), "the summary is on the canvas");
        assertEquals(Collapse.summaryId(shop), window.selection().selected(), "the summary is selected");
        assertTrue(Collapse.memberNames(graph().node(Collapse.summaryId(shop)).orElseThrow()).contains("shop-web-1"));

        doubleClick(robot, Collapse.summaryId(shop));
        assertTrue(isOpen(shop), "expanded again");
        assertTrue(graph().node(web.id()).isPresent());
        assertEquals(Set.of(), summaries());
    }

    @Test
    void doubleClickOnABridgeCollapsesItsNetwork(FxRobot robot) {
        String proxy = bridgeOf("proxy");
        doubleClick(robot, proxy);
        assertTrue(isSummary(proxy), "the proxy network folded: " + summaries());
        assertEquals("proxy", graph().node(Collapse.summaryId(proxy)).orElseThrow().label());
        doubleClick(robot, Collapse.summaryId(proxy));
        assertTrue(isOpen(proxy));
    }

    @Test
    void theContextMenuCollapsesAndExpandsAndExpandsAll(FxRobot robot) {
        String shop = group("shop");
        String blog = group("blog");
        contextMenu(robot, shop, "ctx-collapse");
        assertTrue(isSummary(shop));
        contextMenu(robot, blog, "ctx-collapse");
        assertEquals(Set.of(shop, blog), summaries());
        contextMenu(robot, Collapse.summaryId(shop), "ctx-expand");
        assertTrue(isOpen(shop));
        assertTrue(isSummary(blog));
        contextMenu(robot, Collapse.summaryId(blog), "ctx-expand-all");
        assertEquals(Set.of(), summaries());
    }

    @Test
    void theKeysActOnTheSelectionAndAShapeInAGroupFoldsItsGroup(FxRobot robot) {
        String chat = group("chat");
        String api = graph().nodes().stream().filter(n -> n.label().equals("chat-api-1")).findFirst().orElseThrow().id();
        robot.interact(() -> window.selection().select(api));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(isSummary(chat), "Ctrl+Shift+C on a container folds its project: " + summaries());
        assertEquals(Collapse.summaryId(chat), window.selection().selected());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(isOpen(chat), "Ctrl+Shift+E on the summary opens it");
        assertEquals(chat, window.selection().selected());
    }

    @Test
    void aCollapsedGroupStaysCollapsedThroughALiveRefreshAndAfterItWasGone(FxRobot robot) {
        String shop = group("shop");
        doubleClick(robot, shop);
        assertTrue(isSummary(shop));
        Rect before = window.state().frame().layout().rects().get(group("blog"));

        robot.interact(() -> window.showLive(withStoppedContainer(DEVHOST, "shop", "shop-migrate-1")));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.state().frame().whole().nodes().stream().anyMatch(n -> n.label().equals("shop-migrate-1")),
                "the refresh has the new container");
        assertTrue(isSummary(shop), "still one summary after the refresh");
        assertTrue(graph().node(Collapse.summaryId(shop)).orElseThrow().caption().contains("1 stopped"),
                "the summary counts the new one: " + graph().node(Collapse.summaryId(shop)).orElseThrow().caption());
        assertEquals(before, window.state().frame().layout().rects().get(group("blog")), "the rest stays in place");

        robot.interact(() -> window.showLive(without(DEVHOST, "shop")));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(graph().nodes().stream().noneMatch(n -> n.kind() == NodeKind.SUMMARY), "no shop, nothing folded");
        robot.interact(() -> window.showLive(DEVHOST));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(isSummary(shop), "back, and still collapsed");
    }

    @Test
    void collapseGroupsLargerThanNCollapsesExactlyTheLargerGroupsAndIsRemembered(FxRobot robot) {
        // Five projects of 5, 5, 5, 4 and 4 containers.
        TopologySnapshot five = SyntheticHosts.scale(23, 5);
        robot.interact(() -> window.showLive(five));
        WaitForAsyncUtils.waitForFxEvents();
        TopologyGraph whole = window.state().frame().whole();
        Set<String> larger = Collapse.groupsLargerThan(whole, 4);
        assertEquals(3, larger.size());
        assertEquals(5, Collapse.allGroups(whole).size());
        robot.interact(() -> window.state().collapseGroupsLargerThan(50));
        assertEquals(Set.of(), summaries(), "none has more than 50");

        // "Collapse groups larger than" > 5 containers, and the rule with N = 4 (no menu item for it).
        robot.interact(() -> menuItem("collapse-larger-5").fire());
        assertEquals(5, prefs.getInt(CollapseState.KEY, -1), "remembered");
        assertEquals(Set.of(), summaries(), "no project has more than 5");
        robot.interact(() -> window.state().collapseGroupsLargerThan(4));
        assertEquals(larger, summaries(), "exactly the projects of more than 4");

        String first = larger.iterator().next();
        robot.interact(() -> window.state().expand(first));
        Set<String> rest = new java.util.HashSet<>(larger);
        rest.remove(first);
        assertEquals(rest, summaries());
        robot.interact(() -> window.showLive(withStoppedContainer(five, whole.node(first).orElseThrow().label(), "x-1")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(rest, summaries(), "expanded by hand: stays open in the next snapshot");
        String smaller = Collapse.allGroups(whole).stream().filter(g -> !larger.contains(g)).findFirst().orElseThrow();
        robot.interact(() -> window.showLive(withStoppedContainer(five, whole.node(smaller).orElseThrow().label(), "y-1")));
        WaitForAsyncUtils.waitForFxEvents();
        Set<String> grown = new java.util.HashSet<>(rest);
        grown.add(smaller);
        assertEquals(grown, summaries(), "a project that grew past N starts collapsed");

        robot.interact(() -> menuItem("expand-all").fire());
        assertEquals(Set.of(), summaries(), "Expand all");

        robot.interact(() -> menuItem("collapse-larger-never").fire());
        assertEquals(-1, prefs.getInt(CollapseState.KEY, -1));
        robot.interact(() -> window.state().collapseGroupsLargerThan(4));
        MainWindow[] again = new MainWindow[1];
        robot.interact(() -> again[0] = newWindow(five));
        assertEquals(larger, again[0].state().frame().graph().nodes().stream().filter(n -> n.kind() == NodeKind.SUMMARY)
                .map(TopoNode::ref).collect(Collectors.toSet()), "a new window starts with the remembered rule");
    }

    @Test
    void aSavedSnapshotKeepsWhatWasCollapsedAndBackToLiveRestoresTheLiveState(FxRobot robot) throws Exception {
        String shop = group("shop");
        String proxy = bridgeOf("proxy");
        robot.interact(() -> window.state().collapse(shop));
        robot.interact(() -> window.state().collapse(proxy));
        Path file = temp.resolve("folded.json");
        robot.interact(() -> window.files().save(file));
        assertEquals(List.of(shop, proxy), SnapshotJson.readFile(file).collapsed());
        assertTrue(Files.readString(file).contains("\"collapsed\""));
        Rect saved = window.state().frame().layout().rects().get(Collapse.summaryId(shop));

        robot.interact(() -> window.state().expandAll());
        robot.interact(() -> window.state().collapse(group("blog")));
        robot.interact(() -> window.files().open(file));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Set.of(shop, proxy), summaries(), "opened folded as saved");
        Rect opened = window.state().frame().layout().rects().get(Collapse.summaryId(shop));
        assertEquals(saved.x(), opened.x(), 0.051, "where it was");
        assertEquals(saved.y(), opened.y(), 0.051, "where it was");

        robot.interact(() -> window.files().backToLive());
        assertEquals(Set.of(group("blog")), summaries(), "the live picture folded as it was before the file");
    }

    @Test
    void aFileWithoutCollapsedIdsOpensWithNothingFolded(FxRobot robot) throws Exception {
        robot.interact(() -> window.state().collapseGroupsLargerThan(1));
        assertEquals(5, summaries().size(), "the five projects of five");
        Path plain = temp.resolve("plain.json");
        Files.writeString(plain, SnapshotJson.toJson(DEVHOST));
        robot.interact(() -> window.files().open(plain));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.files().showingFile());
        assertEquals(Set.of(), summaries(), "as before the field existed");
        robot.interact(() -> window.files().backToLive());
        assertEquals(5, summaries().size());
    }

    @Test
    void presentationKeepsItsDoubleClickForTheCallout(FxRobot robot) throws Exception {
        String shop = group("shop");
        String proxy = bridgeOf("proxy");
        robot.interact(() -> window.state().collapse(group("blog")));
        robot.interact(() -> window.state().collapse(proxy));
        var plan = new dev.netlens.reveal.RevealPlan(graph());
        assertEquals(dev.netlens.reveal.RevealLayer.CONTAINERS, plan.layerOf(Collapse.summaryId(group("blog"))),
                "a folded project is revealed with the containers");
        assertEquals(dev.netlens.reveal.RevealLayer.HOST_BRIDGES, plan.layerOf(Collapse.summaryId(proxy)),
                "a folded network with the bridges");
        Point2D at = pointOn(robot, shop);
        robot.interact(window::enterPresentation);
        robot.interact(() -> window.presentation().reveal().last());
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> !window.canvas().isCameraAnimating()).get());
        robot.interact(() -> window.canvas().frame(window.state().frame().layout().rects().get(shop), 1, 1, 0, 0,
                Duration.ZERO));
        robot.moveTo(pointOn(robot, shop)).doubleClickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(isOpen(shop), "no collapsing while presenting");
        robot.moveTo(at).clickOn(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.collapseMenu().isShowing(), "no collapse menu while presenting");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        assertTrue(isOpen(shop));
        robot.interact(window::leavePresentation);
    }

    @Test
    void theExportDialogsChoiceFoldsThePictureAndAsShownFollowsTheWindow(FxRobot robot) throws Exception {
        robot.interact(() -> window.state().collapse(group("shop")));
        Path none = temp.resolve("none.png");
        Path all = temp.resolve("all.png");
        Path shown = temp.resolve("shown.png");
        var source = source();
        robot.interact(() -> window.files().export(new ExportRequest(none, false, 1, false, null, false, Collapsing.NONE),
                source));
        robot.interact(() -> window.files().export(new ExportRequest(all, false, 1, false, null, false, Collapsing.ALL),
                source));
        robot.interact(() -> window.files().export(new ExportRequest(shown, false, 1, false, null, false), source));
        WaitForAsyncUtils.waitForFxEvents();
        long areaNone = area(none);
        long areaAll = area(all);
        assertTrue(areaAll < areaNone * 0.8, "every group folded: smaller (" + areaAll + " < " + areaNone + ")");
        assertTrue(Files.size(shown) > 1000);
        assertTrue(isSummary(group("shop")), "the window is left as it was");
        assertEquals(Set.of(group("shop")), summaries());
    }

    private dev.netlens.ui.file.PictureSource source() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            var f = window.state().frame();
            return new dev.netlens.ui.file.PictureSource(f.graph(), f.layout(), window.canvasModel().visibleProperty().get(),
                    null, window.canvas().visibleWorld(), dev.netlens.render.Theme.LIGHT, f.whole(),
                    window.canvasModel().filter());
        }).get();
    }

    private static long area(Path png) throws Exception {
        java.awt.image.BufferedImage i = javax.imageio.ImageIO.read(png.toFile());
        return (long) i.getWidth() * i.getHeight();
    }

    /** {@code s} with one stopped container more in compose project {@code project}. */
    static TopologySnapshot withStoppedContainer(TopologySnapshot s, String project, String name) {
        String host = s.containers().stream().filter(c -> project.equals(c.labels().get("com.docker.compose.project")))
                .findFirst().orElseThrow().host();
        List<Container> cs = new ArrayList<>(s.containers());
        cs.add(new Container(String.format("%-64s", "f00d" + Integer.toHexString(name.hashCode())).replace(' ', '0'), host, name, "busybox", "exited", "bridge", null, List.of(), List.of(),
                Map.of("com.docker.compose.project", project, "com.docker.compose.service", "migrate")));
        return new TopologySnapshot(s.schema(), s.capturedAt(), s.source(), s.hosts(), s.namespaces(), s.interfaces(),
                s.networks(), cs, s.tunnels());
    }

    /** {@code s} with the containers of compose project {@code project} unlabelled: no such group. */
    static TopologySnapshot without(TopologySnapshot s, String project) {
        List<Container> cs = new ArrayList<>();
        for (Container c : s.containers()) {
            cs.add(project.equals(c.labels().get("com.docker.compose.project"))
                    ? new Container(c.id(), c.host(), c.name(), c.image(), c.state(), c.networkMode(), c.namespace(),
                            c.endpoints(), c.ports(), Map.of())
                    : c);
        }
        return new TopologySnapshot(s.schema(), s.capturedAt(), s.source(), s.hosts(), s.namespaces(), s.interfaces(),
                s.networks(), cs, s.tunnels());
    }
}
