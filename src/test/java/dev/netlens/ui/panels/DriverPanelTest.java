package dev.netlens.ui.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.graph.TopologyGraph;
import dev.netlens.snapshot.Container;
import dev.netlens.testing.PanelSnapshots;
import dev.netlens.ui.drivers.DriverPanelView;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The driver tradeoffs panel follows the canvas selection, on the lab capture and the swarm snapshot. */
@ExtendWith(ApplicationExtension.class)
class DriverPanelTest {
    private static final List<String> DRIVERS = List.of("bridge", "host", "overlay", "macvlan", "ipvlan", "none");
    private PanelWindow w;

    @Start
    void start(Stage stage) {
        w = PanelWindow.open(stage, PanelSnapshots.scanLab());
    }

    /** The user opens the panel's tab (a panel enters the scene when its tab is first chosen). */
    @BeforeEach
    void openTab(FxRobot robot) {
        w.tab(robot, "tab-drivers");
    }

    private DriverPanelView panel() {
        return w.window.drivers();
    }

    /** The driver whose matrix head is highlighted, or null; fails if more than one is. */
    private String highlighted(FxRobot robot) {
        List<String> lit = DRIVERS.stream().filter(d -> {
            Node head = robot.from(w.side()).lookup("#matrix-head-" + d).query();
            return head.getPseudoClassStates().contains(PanelWindow.HIGHLIGHTED);
        }).toList();
        assertTrue(lit.size() <= 1, lit.toString());
        return lit.isEmpty() ? null : lit.get(0);
    }

    private void assertColumnLit(FxRobot robot, String driver) {
        assertEquals(driver, highlighted(robot));
        for (String topic : List.of("performance", "isolation", "complexity", "ports", "dns", "scope")) {
            Node cell = robot.from(w.side()).lookup("#matrix-" + topic + "-" + driver).query();
            assertTrue(cell.getPseudoClassStates().contains(PanelWindow.HIGHLIGHTED), topic);
        }
        TitledPane open = panel().cards().getExpandedPane();
        assertEquals("driver-card-" + driver, open.getId(), "its card is open");
    }

    @Test
    void theHighlightedDriverFollowsTheSelection(FxRobot robot) {
        w.tab(robot, "tab-drivers");
        assertNull(highlighted(robot), "nothing selected");
        w.select(robot, w.containerNode("lab-o1"));
        assertColumnLit(robot, "overlay");
        w.select(robot, w.bridgeNode(w.host1(), "lab-user"));
        assertColumnLit(robot, "bridge");
        w.select(robot, w.containerNode("lab-macvlan-1"));
        assertColumnLit(robot, "macvlan");
        assertTrue(robot.from(w.side()).lookup("#driver-selection").queryAs(Label.class).getText().contains("lab-macvlan"));
        w.select(robot, w.containerNode("lab-none"));
        assertColumnLit(robot, "none");
        // lab-shared uses lab-bridge-b's namespace (container:): its driver is that container's.
        w.select(robot, w.containerNode("lab-shared"));
        assertColumnLit(robot, "bridge");
        robot.interact(() -> w.window.selection().clear());
        assertNull(highlighted(robot));
    }

    @Test
    void aHostModeContainerWithoutEndpointsSelectsTheHostDriver(FxRobot robot) {
        w.show(robot, PanelSnapshots.swarm());
        Container monitor = PanelSnapshots.container(PanelSnapshots.swarm(), "monitor");
        assertTrue(monitor.endpoints().isEmpty());
        w.select(robot, TopologyGraph.ctrId(monitor.host(), monitor.id()));
        assertColumnLit(robot, "host");
    }

    @Test
    void cardsCarryTheLiveFactsOfTheseHosts(FxRobot robot) {
        String facts = cardText("bridge");
        assertTrue(facts.contains("Here: 7 networks, 9 containers"), facts);
        assertTrue(facts.contains("docker_gwbridge (vm (198.18.0.1)): containers on it cannot talk to each other (ICC off)."), facts);
        assertTrue(cardText("overlay").contains("VNI"), "overlay card names its VNI");
    }

    private String cardText(String driver) {
        TitledPane pane = panel().cards().getPanes().stream().filter(p -> p.getId().equals("driver-card-" + driver))
                .findFirst().orElseThrow();
        StringBuilder b = new StringBuilder();
        pane.getContent().lookupAll(".label").forEach(n -> b.append(((Label) n).getText()).append('\n'));
        return b.toString();
    }

    @Test
    void anEmptyPictureStillComparesTheDriversAndClaimsNoUsage(FxRobot robot) {
        w.show(robot, PanelWindow.empty());
        assertNull(highlighted(robot));
        assertEquals(6, panel().cards().getPanes().size());
        assertTrue(cardText("bridge").contains("No bridge network or container on these hosts."), cardText("bridge"));
        assertTrue(robot.from(w.side()).lookup("#driver-selection").queryAs(Label.class).getText().startsWith("Click a network"));
    }

    @Test
    void withoutAKernelViewTheCardsSayTheMtuWasNotSeen(FxRobot robot) {
        w.show(robot, PanelWindow.withoutKernelView(w.snapshot, "kernel view unavailable: not root"));
        assertTrue(cardText("bridge").contains("MTU not seen (no kernel view of this host)"), cardText("bridge"));
        w.select(robot, w.containerNode("lab-o1"));
        assertColumnLit(robot, "overlay");
        assertFalse(cardText("overlay").isBlank());
    }
}
