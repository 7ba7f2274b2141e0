package dev.netlens.ui.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoNode;
import dev.netlens.snapshot.FirewallCapture;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.testing.PanelSnapshots;
import dev.netlens.ui.firewall.FirewallPanelView;
import dev.netlens.ui.firewall.FirewallPanelViewModel.ChainRow;
import dev.netlens.ui.firewall.FirewallPanelViewModel.Row;
import dev.netlens.ui.firewall.FirewallPanelViewModel.RuleRow;
import dev.netlens.ui.firewall.FirewallPanelViewModel.TableRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The firewall panel on the real two-engine lab capture (iptables-save of Docker 20.10). */
@ExtendWith(ApplicationExtension.class)
class FirewallPanelTest {
    private static final String DNAT_8080 = "--dport 8080  →  DNAT --to-destination 172.17.0.2:80";
    private PanelWindow w;

    @Start
    void start(Stage stage) {
        w = PanelWindow.open(stage, PanelSnapshots.scanLab());
    }

    /** The user opens the panel's tab (a panel enters the scene when its tab is first chosen). */
    @BeforeEach
    void openTab(FxRobot robot) {
        w.tab(robot, "tab-firewall");
    }

    private FirewallPanelView panel() {
        return w.window.firewall();
    }

    private List<RuleRow> rules() {
        List<RuleRow> out = new ArrayList<>();
        collect(panel().tree().getRoot(), out);
        return out;
    }

    private static void collect(TreeItem<Row> item, List<RuleRow> out) {
        if (item.getValue() instanceof RuleRow r) {
            out.add(r);
        }
        item.getChildren().forEach(c -> collect(c, out));
    }

    private RuleRow rule(String text) {
        return rules().stream().filter(r -> r.text().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no rule with " + text));
    }

    private Set<String> marked() {
        return panel().markedRules();
    }

    private String message(FxRobot robot) {
        return robot.from(w.side()).lookup("#firewall-message").queryAs(Label.class).getText();
    }

    @Test
    void dockerChainsComeFirstAndEveryRuleHasAPlainLanguageLine() {
        TableRow filter = (TableRow) panel().tree().getRoot().getChildren().get(0).getValue();
        assertEquals("ip filter", filter.label());
        List<String> chains = filter.chains().stream().map(ChainRow::name).toList();
        assertTrue(chains.indexOf("DOCKER") < chains.indexOf("INPUT"), chains.toString());
        assertTrue(chains.indexOf("DOCKER-USER") < chains.indexOf("FORWARD"), chains.toString());
        assertTrue(filter.chains().stream().filter(c -> c.name().equals("FORWARD")).findFirst().orElseThrow()
                .policy().contains("dropped"), "FORWARD DROP policy in words");
        assertTrue(rules().size() > 40);
        rules().forEach(r -> assertFalse(r.explanation().isBlank(), r.text()));
        assertEquals("host port 8080 goes to 172.17.0.2:80 (tcp), for traffic from anywhere but docker0",
                rule(DNAT_8080).explanation());
    }

    @Test
    void selectingAContainerMarksTheRulesForItsAddressAndPortsAndScrollsToTheFirst(FxRobot robot) {
        w.tab(robot, "tab-firewall");
        w.select(robot, w.containerNode("lab-bridge-a"));
        assertTrue(marked().contains(rule(DNAT_8080).ruleId()), "DNAT to its address");
        assertTrue(marked().contains(rule("-d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp --dport 80  →  ACCEPT").ruleId()));
        assertTrue(marked().contains(rule("-s 172.17.0.0/16 ! -o docker0  →  MASQUERADE").ruleId()), "its subnet leaves masqueraded");
        assertFalse(marked().contains(rule("-o br-678ee52577bb  →  DROP").ruleId()), "another bridge's isolation");
        assertTrue(robot.from(w.side()).lookup("#firewall-matches").queryAs(Label.class).getText().contains("lab-bridge-a"));
        WaitForAsyncUtils.waitForFxEvents();
        List<TreeTableRow<?>> shownMarked = robot.from(w.side()).lookup(".firewall-panel .tree-table-row-cell").queryAll().stream()
                .filter(n -> n.isVisible() && n.getPseudoClassStates().contains(PanelWindow.RULE_MATCH))
                .<TreeTableRow<?>>map(n -> (TreeTableRow<?>) n).toList();
        assertFalse(shownMarked.isEmpty(), "a marked rule is scrolled into view");
        int first = panel().tree().getRow(find(panel().tree().getRoot(), marked()));
        assertTrue(panel().tree().getRow(find(panel().tree().getRoot(), marked())) >= 0);
        assertTrue(shownMarked.stream().anyMatch(r -> r.getIndex() == first), "the first marked rule is on screen");
    }

    private static TreeItem<Row> find(TreeItem<Row> item, Set<String> ids) {
        if (item.getValue() instanceof RuleRow r && ids.contains(r.ruleId())) {
            return item;
        }
        for (TreeItem<Row> c : item.getChildren()) {
            TreeItem<Row> hit = find(c, ids);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    @Test
    void selectingABridgeMarksItsForwardingIsolationAndMasqueradeRules(FxRobot robot) {
        w.select(robot, w.bridgeNode(w.host1(), "bridge"));
        assertTrue(marked().contains(rule("-i docker0 ! -o docker0  →  DOCKER-ISOLATION-STAGE-2").ruleId()));
        assertTrue(marked().contains(rule("-o docker0  →  DROP").ruleId()));
        assertTrue(marked().contains(rule("-s 172.17.0.0/16 ! -o docker0  →  MASQUERADE").ruleId()));
        assertFalse(marked().contains(rule("-i labbr0 ! -o labbr0  →  DOCKER-ISOLATION-STAGE-2").ruleId()));
    }

    @Test
    void selectingADnatRuleLightsItsContainerAndPublishedPortsOnTheCanvas(FxRobot robot) {
        w.tab(robot, "tab-firewall");
        RuleRow dnat = rule(DNAT_8080);
        TreeItem<Row> item = find(panel().tree().getRoot(), Set.of(dnat.ruleId()));
        robot.interact(() -> panel().tree().scrollTo(panel().tree().getRow(item)));
        WaitForAsyncUtils.waitForFxEvents();
        TreeTableRow<?> row = robot.from(w.side()).lookup(".firewall-panel .tree-table-row-cell").queryAll().stream()
                .<TreeTableRow<?>>map(n -> (TreeTableRow<?>) n).filter(r -> r.getItem() == dnat).findFirst().orElseThrow();
        robot.clickOn(row);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(w.lit(w.containerNode("lab-bridge-a")), "the container DNAT sends to");
        List<TopoNode> ports = w.window.state().frame().graph().nodes().stream()
                .filter(n -> n.kind() == NodeKind.PORT && n.host().equals(w.host1())).toList();
        ports.stream().filter(p -> p.label().startsWith("8080→80"))
                .forEach(p -> assertTrue(w.lit(p.id()), "published " + p.id()));
        assertEquals(2, ports.stream().filter(p -> p.label().startsWith("8080→80")).count(), "IPv4 and IPv6 publications");
        ports.stream().filter(p -> p.label().startsWith("5353")).forEach(p -> assertFalse(w.lit(p.id()), p.id()));
        assertFalse(w.lit(w.containerNode("lab-bridge-b")), "the other container on docker0");
        assertTrue(w.lit(w.bridgeNode(w.host1(), "bridge")), "! -i docker0 names docker0");
        String applies = robot.from(w.side()).lookup("#firewall-applies").queryAs(Label.class).getText();
        assertTrue(applies.contains("lab-bridge-a") && applies.contains("8080→80/tcp"), applies);

        // Clicking something on the canvas replaces the rule's marks by the new selection's rules.
        w.select(robot, w.containerNode("lab-user-a"));
        assertFalse(w.lit(w.containerNode("lab-bridge-a")));
        assertTrue(w.window.canvasModel().ruleMatchProperty().get().isEmpty());
    }

    @Test
    void aContainerOnTheSecondEngineSwitchesThePanelToThatHost(FxRobot robot) {
        assertTrue(panel().hostChooser().isVisible() || panel().hostChooser().getParent().isVisible());
        w.select(robot, w.containerNode("lab-n2-bridge"));
        assertEquals(PanelSnapshots.hostAt(w.snapshot, PanelSnapshots.NODE2), panel().hostChooser().getValue().id());
        assertFalse(marked().isEmpty(), "node2's own rules for 172.17.0.2");
        assertTrue(rules().stream().noneMatch(r -> r.text().contains("labbr0")), "node2 has no labbr0");
    }

    @Test
    void emptyRulesetSaysNothingFiltersHere(FxRobot robot) {
        TopologySnapshot s = PanelWindow.withHosts(w.snapshot,
                h -> PanelWindow.withFirewall(h, new FirewallCapture("", null, null, List.of())));
        w.show(robot, s);
        assertTrue(message(robot).startsWith("No firewall rule on "), message(robot));
        assertTrue(rules().isEmpty());
    }

    @Test
    void unreadableRulesSayWhy(FxRobot robot) {
        TopologySnapshot notRoot = PanelWindow.withHosts(w.snapshot, h -> PanelWindow.withFirewall(h,
                FirewallCapture.unavailable("iptables-save failed: Permission denied (you must be root)")));
        w.show(robot, notRoot);
        assertTrue(message(robot).contains("cannot be read: iptables-save failed: Permission denied (you must be root)"),
                message(robot));
        assertTrue(robot.from(w.side()).lookup("#firewall-message").queryAs(Label.class).getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("cannot-read")));
        assertTrue(rules().isEmpty());

        w.show(robot, PanelWindow.withoutKernelView(w.snapshot,
                "kernel view unavailable: remote engine (tcp://10.0.0.5:2376): namespaces cannot be entered"));
        assertTrue(message(robot).contains("cannot be read: kernel view unavailable: remote engine"), message(robot));

        TopologySnapshot notInstalled = PanelWindow.withHosts(w.snapshot, h -> PanelWindow.withFirewall(h,
                new FirewallCapture(null, null, null, List.of("iptables-save is not installed: its rules are not shown"))));
        w.show(robot, notInstalled);
        assertTrue(message(robot).contains("iptables-save is not installed"), message(robot));
    }

    @Test
    void aSnapshotWithoutFirewallCaptureSaysSoAndTheSourceIsNamed(FxRobot robot) {
        w.show(robot, PanelSnapshots.swarm());
        assertTrue(message(robot).contains("cannot be read: no firewall capture for this host"), message(robot));
        w.select(robot, dev.netlens.graph.TopologyGraph.ctrId("node1",
                PanelSnapshots.container(PanelSnapshots.swarm(), "web").id()));
        assertEquals("", robot.from(w.side()).lookup("#firewall-matches").queryAs(Label.class).getText(),
                "no claim about rules that were not read");
        assertFalse(panel().tree().isVisible(), "no empty table under the reason");
        assertTrue(robot.from(w.side()).lookup("#firewall-source").queryAs(Label.class).getText().startsWith("From a snapshot file"));
        w.show(robot, PanelSnapshots.scanLab().withSource("demo"));
        assertTrue(robot.from(w.side()).lookup("#firewall-source").queryAs(Label.class).getText().startsWith("Demo:"));
        assertNotNull(find(panel().tree().getRoot(), Set.of(rule(DNAT_8080).ruleId())));
    }
}
