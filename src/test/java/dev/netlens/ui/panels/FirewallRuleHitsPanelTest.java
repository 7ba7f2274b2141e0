package dev.netlens.ui.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.snapshot.FirewallCapture;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.testing.PanelSnapshots;
import dev.netlens.ui.firewall.FirewallPanelView;
import dev.netlens.ui.firewall.FirewallPanelViewModel.Row;
import dev.netlens.ui.firewall.FirewallPanelViewModel.RuleRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
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

/**
 * Rule hits in the firewall panel: counters with packets and bytes, rules that never matched muted,
 * and the before/after of "Count from now" and "Refresh counters" over a controlled sequence of
 * captures (the re-reads a live engine would give; the engine's own are checked in
 * RuleHitsAgainstEngineTest).
 */
@ExtendWith(ApplicationExtension.class)
class FirewallRuleHitsPanelTest {
    private static final String WITHIN = "-i br-678ee52577bb -o br-678ee52577bb  →  ACCEPT";
    private static final String DOCKER_USER_RETURN = "ip/filter/DOCKER-USER#1";
    private static final String UNUSED = "-i docker0 -o docker0  →  ACCEPT";

    private PanelWindow w;
    private String before;
    private final Deque<FirewallCapture> reads = new ArrayDeque<>();
    private final List<String> readHosts = new ArrayList<>();

    @Start
    void start(Stage stage) throws IOException {
        before = Files.readString(Path.of("src/test/resources/firewall/docker20-lab-counters.iptables-save"));
        w = PanelWindow.open(stage, withCapture(PanelSnapshots.scanLab(), before, "live"));
    }

    @BeforeEach
    void openTab(FxRobot robot) {
        w.tab(robot, "tab-firewall");
    }

    /** The lab with engine 1's firewall replaced by this iptables-save -c text. */
    private TopologySnapshot withCapture(TopologySnapshot s, String iptables, String source) {
        String host1 = PanelSnapshots.hostAt(s, PanelSnapshots.ENGINE1);
        TopologySnapshot t = PanelWindow.withHosts(s, h -> h.id().equals(host1)
                ? PanelWindow.withFirewall(h, new FirewallCapture(iptables, null, null, List.of())) : h);
        return new TopologySnapshot(t.schema(), t.capturedAt(), source, t.hosts(), t.namespaces(), t.interfaces(),
                t.networks(), t.containers(), t.tunnels());
    }

    /** The same rules after traffic: the bridge's own traffic rose by 1,234 packets, DOCKER-USER's return by 6. */
    private String after() {
        return before.replace("[5:420] -A FORWARD -i br-678ee52577bb -o br-678ee52577bb -j ACCEPT",
                        "[1239:104076] -A FORWARD -i br-678ee52577bb -o br-678ee52577bb -j ACCEPT")
                .replace("[54:3824] -A DOCKER-USER -j RETURN", "[60:4328] -A DOCKER-USER -j RETURN");
    }

    private FirewallCapture capture(String iptables) {
        return new FirewallCapture(iptables, null, null, List.of());
    }

    /** The live side, as a controlled sequence: each re-read gives the next capture. */
    private void liveRefresh(FxRobot robot) {
        robot.interact(() -> w.window.setFirewallRefresh((Host h) -> {
            readHosts.add(h.id());
            return reads.removeFirst();
        }));
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

    private String label(FxRobot robot, String id) {
        return robot.from(w.side()).lookup(id).queryAs(Label.class).getText();
    }

    private void click(FxRobot robot, String id) {
        robot.clickOn(robot.from(w.side()).lookup(id).queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The row drawn for a rule, scrolled into view. */
    private TreeTableRow<?> shownRow(FxRobot robot, String ruleId) {
        robot.interact(() -> {
            TreeItem<Row> item = find(panel().tree().getRoot(), ruleId);
            panel().tree().scrollTo(panel().tree().getRow(item));
        });
        WaitForAsyncUtils.waitForFxEvents();
        return robot.from(w.side()).lookup(".firewall-panel .tree-table-row-cell").queryAll().stream()
                .filter(Node::isVisible).<TreeTableRow<?>>map(n -> (TreeTableRow<?>) n)
                .filter(r -> r.getItem() instanceof RuleRow rr && rr.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("row not drawn: " + ruleId));
    }

    private static TreeItem<Row> find(TreeItem<Row> item, String ruleId) {
        if (item.getValue() instanceof RuleRow r && r.ruleId().equals(ruleId)) {
            return item;
        }
        for (TreeItem<Row> c : item.getChildren()) {
            TreeItem<Row> hit = find(c, ruleId);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    @Test
    void countersReadAsPacketsAndBytesAndRulesThatNeverMatchedAreMuted(FxRobot robot) {
        assertEquals("5 pkts · 420 B", rule(WITHIN).counters());
        assertTrue(panel().tree().getColumns().stream().anyMatch(c -> "firewall-counters-column".equals(c.getId()) && c.isVisible()));
        assertTrue(rule(UNUSED).neverMatched());
        assertFalse(rule(WITHIN).neverMatched());
        assertTrue(panel().neverMatchedRules().contains(rule(UNUSED).ruleId()));
        assertFalse(panel().neverMatchedRules().contains(rule(WITHIN).ruleId()));

        TreeTableRow<?> muted = shownRow(robot, rule(UNUSED).ruleId());
        assertTrue(muted.getStyleClass().contains("rule-never-matched"), muted.getStyleClass().toString());
        assertEquals("No packet matched this rule since its counters started.", muted.getTooltip().getText());
        TreeTableRow<?> used = shownRow(robot, rule(WITHIN).ruleId());
        assertFalse(used.getStyleClass().contains("rule-never-matched"));
        assertTrue(robot.from(w.side()).lookup("#firewall-counters-legend").queryAs(Label.class).isVisible());
        assertTrue(label(robot, "#firewall-counters-legend").startsWith("Grey rules have matched no packet"));
        assertFalse(panel().tree().getColumns().stream().anyMatch(c -> "firewall-since-column".equals(c.getId()) && c.isVisible()),
                "no count column before Count from now");
    }

    @Test
    void countFromNowThenRefreshShowsThePacketsEachRuleMatchedSince(FxRobot robot) {
        reads.add(capture(before));
        reads.add(capture(after()));
        liveRefresh(robot);

        click(robot, "#firewall-count-from-now");
        assertEquals(List.of(w.host1()), readHosts, "Count from now reads the firewall again");
        assertTrue(label(robot, "#firewall-count-line").contains("no rule has matched a packet since"),
                label(robot, "#firewall-count-line"));
        assertEquals("+0", rule(WITHIN).since());
        assertFalse(rule(WITHIN).rose());
        assertTrue(panel().tree().getColumns().stream().anyMatch(c -> "firewall-since-column".equals(c.getId()) && c.isVisible()));

        click(robot, "#firewall-refresh-counters");
        assertEquals(2, readHosts.size());
        assertEquals("+1,234", rule(WITHIN).since());
        assertEquals("1,239 pkts · 101.6 KB", rule(WITHIN).counters(), "the panel shows the re-read counters");
        assertTrue(rule(WITHIN).rose());
        assertTrue(rules().stream().filter(r -> r.ruleId().equals(DOCKER_USER_RETURN)).findFirst().orElseThrow().rose());
        assertEquals("+0", rule(UNUSED).since());
        assertFalse(rule(UNUSED).rose());
        assertTrue(label(robot, "#firewall-count-line").startsWith("2 rules matched packets since"),
                label(robot, "#firewall-count-line"));
        TreeTableRow<?> rose = shownRow(robot, rule(WITHIN).ruleId());
        assertTrue(rose.getStyleClass().contains("rule-rose"), rose.getStyleClass().toString());
        assertEquals("1,234 packets matched this rule since Count from now.", rose.getTooltip().getText());
        assertFalse(shownRow(robot, rule(UNUSED).ruleId()).getStyleClass().contains("rule-rose"));

        robot.clickOn(robot.from(w.side()).lookup("#firewall-only-rose").queryAs(CheckBox.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, rules().size(), rules().toString());
        assertTrue(rules().stream().allMatch(RuleRow::rose));

        robot.interact(() -> w.window.language().switchTo(Locale.KOREAN));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("지금부터 세기", robot.from(w.side()).lookup("#firewall-count-from-now").queryAs(Button.class).getText());
        assertTrue(label(robot, "#firewall-count-line").contains("패킷이 일치한 규칙이 2개"), label(robot, "#firewall-count-line"));
        assertEquals("패킷 1,239개 · 101.6 KB", rule(WITHIN).counters());
        robot.interact(() -> w.window.language().switchTo(Locale.ENGLISH));
    }

    @Test
    void aFailedReReadSaysWhyInOneLine(FxRobot robot) {
        robot.interact(() -> w.window.setFirewallRefresh(h -> {
            throw new java.io.IOException("nsenter: cannot open /proc/1/ns/net: Permission denied");
        }));
        click(robot, "#firewall-refresh-counters");
        assertTrue(label(robot, "#firewall-count-line").endsWith("could not be read again: nsenter: cannot open /proc/1/ns/net: Permission denied"),
                label(robot, "#firewall-count-line"));
        assertEquals("5 pkts · 420 B", rule(WITHIN).counters(), "the rules shown stay");
    }

    @Test
    void aSnapshotFileSaysItsCountersCannotBeRefreshed(FxRobot robot) {
        reads.add(capture(after()));
        liveRefresh(robot);
        w.show(robot, withCapture(PanelSnapshots.scanLab(), before, "file"));
        click(robot, "#firewall-count-from-now");
        assertEquals(List.of(), readHosts, "nothing is read for a file");
        assertEquals("Counters cannot be refreshed: this picture comes from a snapshot file, not from a live engine.",
                label(robot, "#firewall-count-line"));
        click(robot, "#firewall-refresh-counters");
        assertEquals(List.of(), readHosts);
        assertEquals("5 pkts · 420 B", rule(WITHIN).counters());
    }

    @Test
    void aLivePassWithOnlyNewerCountersShowsThemWithoutANewPicture(FxRobot robot) {
        TopologySnapshot later = withCapture(PanelSnapshots.scanLab(), after(), "live");
        robot.interact(() -> w.window.showFirewallCounters(later));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("1,239 pkts · 101.6 KB", rule(WITHIN).counters());
    }
}
