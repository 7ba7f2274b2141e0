package dev.netlens.ui;

import dev.netlens.graph.SubKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.Fixtures;
import dev.netlens.graph.LinkKind;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyDiff;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.concurrent.SameThreadExecutor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The topology window, headless under Monocle, on recorded snapshots. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static final PseudoClass ON_PATH = PseudoClass.getPseudoClass("on-path");
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(Fixtures.load(Fixtures.SWARM), new SameThreadExecutor());
        Scene scene = new Scene(window.root(), 1600, 900);
        window.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aSidePanelEntersTheSceneWhenItsTabIsFirstChosen(FxRobot robot) {
        assertNull(window.firewall().getScene(), "the firewall panel waits for its tab");
        assertNull(window.drivers().getScene());
        robot.interact(() -> window.sideTabs().getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(window.drivers().getScene(), "chosen: in the window");
        assertNull(window.firewall().getScene(), "never chosen: still out of it");
    }

    private TopologyGraph graph() {
        return window.state().frame().graph();
    }

    private TopoNode container(String name) {
        return graph().nodes().stream().filter(n -> n.kind() == NodeKind.CONTAINER && n.label().equals(name))
                .findFirst().orElseThrow();
    }

    private Region view(String id) {
        return window.canvas().viewOf(id).orElseThrow(() -> new AssertionError("not on the canvas: " + id));
    }

    private boolean shown(String id) {
        Region v = view(id);
        return v.isVisible() && v.getParent() != null;
    }

    private void show(FxRobot robot, TopologySnapshot s) {
        robot.interact(() -> window.show(s));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theCanvasHasTheKeyboardWhenTheWindowOpensSoNoCaretBlinksWhileIdle(FxRobot robot) {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.canvas().isFocused(), "focus owner: " + window.root().getScene().getFocusOwner());
    }

    @Test
    void everyContainerBridgeAndVethLinkIsOnTheCanvas(FxRobot robot) {
        for (String fixture : Fixtures.recorded()) {
            show(robot, Fixtures.load(fixture));
            TopologyGraph g = graph();
            long containers = 0;
            for (TopoNode n : g.nodes()) {
                if (n.kind() == NodeKind.CONTAINER || n.kind() == NodeKind.BRIDGE) {
                    assertTrue(shown(n.id()), fixture + ": " + n.id());
                    containers++;
                }
            }
            assertTrue(containers > 0);
            g.links().stream().filter(l -> l.kind() == LinkKind.VETH).forEach(l ->
                    assertTrue(window.canvas().linkOf(l.id()).isPresent(), fixture + ": veth " + l.id()));
        }
    }

    @Test
    void clickingAContainerHighlightsItsPathAndFillsThePropertyPanel(FxRobot robot) {
        TopoNode web = container("web");
        robot.clickOn(view(web.id()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(web.id(), window.selection().selected());
        TopoNode docker0 = graph().nodes().stream().filter(n -> n.label().equals("docker0") && "node1".equals(n.host()))
                .findFirst().orElseThrow();
        assertTrue(view(docker0.id()).getPseudoClassStates().contains(ON_PATH), "docker0 is on web's path");
        assertTrue(view("host:node1").getPseudoClassStates().contains(ON_PATH), "the host ends the path");
        assertFalse(view(container("cache").id()).getPseudoClassStates().contains(ON_PATH));
        String veth = graph().links().stream().filter(l -> l.kind() == LinkKind.VETH
                && window.canvasModel().pathProperty().get().contains(l.id())).findFirst().orElseThrow().id();
        assertTrue(window.canvas().linkOf(veth).orElseThrow().getPseudoClassStates().contains(ON_PATH));
        assertTrue(window.properties().table().getItems().stream()
                .anyMatch(d -> d.name().equals("Image") && d.value().equals("nginx:1.25")));
    }

    @Test
    void searchCentresTheFoundNode(FxRobot robot) {
        robot.clickOn("#search").write("cache").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        TopoNode cache = container("cache");
        assertEquals(cache.id(), window.selection().selected());
        assertCentred(view(cache.id()));
        // An address finds the interface holding it.
        robot.doubleClickOn("#search").eraseText(5).write("172.20.0.3").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        TopoNode found = graph().node(window.selection().selected()).orElseThrow();
        assertEquals("eth0", found.label());
        assertCentred(view(found.id()));
    }

    private void assertCentred(Node n) {
        Bounds b = window.canvas().sceneToLocal(n.localToScene(n.getBoundsInLocal()));
        Point2D centre = new Point2D(b.getCenterX(), b.getCenterY());
        assertEquals(window.canvas().getWidth() / 2, centre.getX(), 2.0);
        assertEquals(window.canvas().getHeight() / 2, centre.getY(), 2.0);
    }

    @Test
    void filtersHideWhatTheyShould(FxRobot robot) {
        String oldJob = container("old-job").id();
        assertTrue(shown(oldJob));
        robot.clickOn("#hide-stopped");
        assertFalse(shown(oldJob), "stopped container hidden");
        assertTrue(shown(container("web").id()));
        robot.clickOn("#hide-stopped");
        assertTrue(shown(oldJob));

        TopoNode ingress = graph().nodes().stream().filter(n -> n.subKind() == SubKind.Namespace.INGRESS).findFirst().orElseThrow();
        robot.interact(() -> window.canvasModel().hideSystemProperty().set(true));
        assertFalse(shown(ingress.id()));
        graph().children(ingress.id()).forEach(id -> assertFalse(shown(id), "inside ingress_sbox: " + id));
        assertTrue(graph().nodes().stream().filter(n -> n.kind() == NodeKind.NAMESPACE && n.subKind() == SubKind.Namespace.OVERLAY).allMatch(n -> shown(n.id())),
                "overlay namespaces carry container traffic and stay");
        robot.interact(() -> window.canvasModel().hideSystemProperty().set(false));

        robot.interact(() -> window.canvasModel().onlyNetworkProperty().set("appnet"));
        assertTrue(shown(container("api").id()));
        assertTrue(shown(container("db").id()));
        assertTrue(shown(container("db-exporter").id()), "a container: member shares its network");
        assertFalse(shown(container("web").id()));
        assertFalse(shown(container("o2").id()));
        robot.interact(() -> window.canvasModel().onlyNetworkProperty().set(null));

        robot.interact(() -> window.canvasModel().onlyHostProperty().set("node2"));
        assertFalse(shown("host:node1"));
        assertFalse(shown(container("web").id()));
        assertTrue(shown(container("o2").id()));
        assertTrue(graph().links().stream().filter(l -> l.kind() == LinkKind.TUNNEL)
                .noneMatch(l -> window.canvas().linkOf(l.id()).orElseThrow().isVisible()), "a tunnel needs both hosts");
    }

    @Test
    void applyingADiffAddsAndRemovesOnlyTheChangedNodesAndMovesNoOther(FxRobot robot) {
        TopologyGraph before = graph();
        Map<String, Region> views = new HashMap<>();
        Map<String, Point2D> at = new HashMap<>();
        for (TopoNode n : before.nodes()) {
            window.canvas().viewOf(n.id()).ifPresent(v -> {
                views.put(n.id(), v);
                at.put(n.id(), new Point2D(v.getLayoutX(), v.getLayoutY()));
            });
        }
        show(robot, Fixtures.load(Fixtures.SWARM_AFTER));
        TopologyGraph after = graph();
        TopologyDiff diff = TopologyDiff.between(before, after);
        assertFalse(diff.addedNodes().isEmpty());
        assertFalse(diff.removedNodes().isEmpty());
        for (String id : diff.removedNodes()) {
            assertTrue(window.canvas().viewOf(id).isEmpty(), "removed: " + id);
        }
        for (String id : diff.addedNodes()) {
            if (after.isDrawn(after.node(id).orElseThrow())) {
                assertNotSame(null, window.canvas().viewOf(id).orElse(null), "added: " + id);
            }
        }
        int kept = 0;
        for (var e : views.entrySet()) {
            if (after.node(e.getKey()).isEmpty()) {
                continue;
            }
            Region now = view(e.getKey());
            assertSame(e.getValue(), now, "the same shape is kept for " + e.getKey());
            if (!after.children(e.getKey()).stream().anyMatch(diff.addedNodes()::contains)) {
                assertEquals(at.get(e.getKey()), new Point2D(now.getLayoutX(), now.getLayoutY()), e.getKey() + " moved");
                kept++;
            }
        }
        assertTrue(kept > 50, "most of the picture stays: " + kept);
        assertTrue(shown(container("queue").id()));
    }

    @Test
    void staleHostIsGreyedAndTheStatusBarSaysWhatCannotBeSeen(FxRobot robot) {
        TopologySnapshot s = Fixtures.load(Fixtures.SWARM);
        Host h = s.hosts().get(1);
        Host blind = new Host(h.id(), h.endpoint(), h.name(), h.engineVersion(), h.apiVersion(), h.os(), h.kernelVersion(),
                h.swarmNodeId(), h.underlayAddress(), h.swarmManager(), false, h.kernelId(),
                List.of("kernel view unavailable: not root (reading container namespaces needs root or CAP_SYS_ADMIN)"), null);
        TopologySnapshot shown = new TopologySnapshot(s.schema(), s.capturedAt(), "demo", List.of(s.hosts().get(0), blind),
                s.namespaces(), s.interfaces(), s.networks(), s.containers(), s.tunnels());
        show(robot, shown);
        robot.interact(() -> window.setStaleHosts(Set.of("node2")));
        assertTrue(view("host:node2").getPseudoClassStates().contains(PseudoClass.getPseudoClass("stale")));
        assertFalse(view("host:node1").getPseudoClassStates().contains(PseudoClass.getPseudoClass("stale")));
        List<String> texts = robot.lookup(".host-status").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertTrue(texts.stream().anyMatch(t -> t.contains("kernel view unavailable: not root")), texts.toString());
        assertTrue(robot.lookup("#status-source").queryAs(Label.class).getText().startsWith("DEMO"));
    }
}
