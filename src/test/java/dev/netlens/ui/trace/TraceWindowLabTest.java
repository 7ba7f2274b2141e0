package dev.netlens.ui.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.Fixtures;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.StableLayout;
import dev.netlens.layout.StackLayout;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.trace.Protocol;
import dev.netlens.trace.Verdict;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.concurrent.SameThreadExecutor;
import dev.netlens.ui.file.RecentFiles;
import dev.netlens.ui.firewall.FirewallPanelViewModel.RuleRow;
import dev.netlens.ui.language.I18n;
import dev.netlens.ui.topology.FxLabelMetrics;
import java.util.Locale;
import java.util.prefs.Preferences;
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

/** The window with the real tracer on the lab snapshot: a typed destination, the firewall link, presentation. */
@ExtendWith(ApplicationExtension.class)
class TraceWindowLabTest {
    private static final TopologySnapshot LAB = Fixtures.load("lab.json");
    private final Preferences prefs = Preferences.userRoot().node("dev/netlens-test/" + System.nanoTime());
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(LAB, new SameThreadExecutor(), new StableLayout(new StackLayout(new FxLabelMetrics())),
                new RecentFiles(prefs), new I18n(Locale.ENGLISH), TraceViewModel.TRACER);
        Scene scene = new Scene(window.root(), 1600, 900);
        window.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void forgetPrefs() throws Exception {
        prefs.removeNode();
    }

    private static String ctr(String name) {
        Container c = LAB.containers().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        return TopologyGraph.ctrId(c.host(), c.id());
    }

    @Test
    void aTypedDestinationAcrossBridgesIsDroppedAndItsRuleOpensInTheFirewallTab(FxRobot robot) {
        robot.interact(() -> {
            window.traceFrom(ctr("lab-user-a"));
            window.trace().traceTo("lab-bridge-a", 8080, Protocol.TCP);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("lab-user-a", window.trace().request().from());
        assertEquals("lab-bridge-a:8080/tcp", window.trace().request().to());
        assertEquals(Verdict.DROPPED, window.trace().resultProperty().get().verdict());
        assertEquals(ctr("lab-bridge-a"), window.trace().request().toVertex(), "the typed name found on the canvas");
        String ruleId = window.trace().resultProperty().get().decidingRule().ruleId();
        assertTrue(window.traceView().hopList().getItems().stream().anyMatch(TraceViewModel.HopRow::deciding));
        robot.clickOn("#trace-rule-link");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("tab-firewall", window.sideTabs().getSelectionModel().getSelectedItem().getId());
        var picked = window.firewall().tree().getSelectionModel().getSelectedItem();
        assertNotNull(picked);
        assertTrue(picked.getValue() instanceof RuleRow r && r.ruleId().equals(ruleId) && r.text().contains("docker0"),
                String.valueOf(picked.getValue()));
    }

    @Test
    void presentationWalksTheRealHopsOfTheOverlayTrace(FxRobot robot) {
        robot.interact(() -> {
            window.traceFrom(ctr("lab-o1"));
            window.trace().pickDestination(ctr("lab-o2"));
        });
        int hops = window.trace().resultProperty().get().hops().size();
        robot.interact(() -> window.enterPresentation());
        for (int i = 1; i < hops; i++) {
            robot.type(KeyCode.RIGHT);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(hops - 1, window.presentation().hopStepProperty().get());
        String caption = window.presentation().captionProperty().get();
        assertTrue(caption.startsWith("Hop " + hops + " · socket"), caption);
        assertTrue(caption.contains("Delivered"), caption);
        robot.type(KeyCode.ESCAPE);
    }
}
