package dev.netlens.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.discovery.Discovery;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.testing.EngineTest;
import dev.netlens.testing.Lab;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.concurrent.FxBackgroundExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The open window follows the real engine: a container started shows up on the canvas, and goes. */
@EngineTest
@ExtendWith(ApplicationExtension.class)
class LiveWindowAgainstEngineTest {
    private MainWindow window;
    private LiveConnection live;
    private FxBackgroundExecutor executor;

    @Start
    void start(Stage stage) {
        Discovery discovery = Discovery.local();
        TopologySnapshot first = discovery.discover(List.of(Lab.ENGINE1)).snapshot();
        executor = new FxBackgroundExecutor();
        window = new MainWindow(first, executor);
        stage.setScene(new Scene(window.root(), 1600, 900));
        stage.show();
        // A long resync: only the event stream can bring the change in time.
        live = new LiveConnection(List.of(Lab.ENGINE1), discovery, Duration.ofMinutes(10), first);
        live.attach(window, List.of(), Instant.now());
    }

    @AfterEach
    void stop() {
        live.close();
        executor.close();
    }

    private boolean onCanvas(FxRobot robot, String name) {
        Supplier<Boolean> check = () -> {
            TopologySnapshot s = window.state().frame().snapshot();
            Optional<Container> c = s.containers().stream().filter(x -> x.name().equals(name)).findFirst();
            return c.flatMap(x -> window.canvas().viewOf(TopologyGraph.ctrId(x.host(), x.id())))
                    .map(v -> v.isVisible() && v.getParent() != null).orElse(false);
        };
        boolean[] result = new boolean[1];
        robot.interact(() -> result[0] = check.get());
        return result[0];
    }

    private void waitFor(FxRobot robot, Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("within 20 s: " + what);
    }

    @Test
    void containerStartedWhileTheWindowIsOpenAppearsOnTheCanvasAndGoesWhenRemoved(FxRobot robot) throws Exception {
        String name = "netlens-window-" + System.nanoTime();
        assertFalse(onCanvas(robot, name));
        try {
            Lab.docker(Lab.ENGINE1, "run", "-d", "--name", name, "--label", "netlens.test=live", "netlens/busybox:lab", "sleep", "600");
            waitFor(robot, () -> onCanvas(robot, name), name + " on the canvas");
        } finally {
            Lab.docker(Lab.ENGINE1, "rm", "-f", name);
        }
        waitFor(robot, () -> !onCanvas(robot, name), name + " gone from the canvas");
        assertTrue(onCanvas(robot, "lab-bridge-a"), "the rest of the picture stays");
    }

    /** "Count from now" in a live window: the firewall is read again through the live connection, off the FX thread. */
    @Test
    void countFromNowReadsTheEnginesFirewallAgainThroughTheLiveConnection(FxRobot robot) throws Exception {
        robot.interact(() -> window.sideTabs().getSelectionModel().select(window.sideTabs().getTabs().stream()
                .filter(t -> "tab-firewall".equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.from(window.root().getRight()).lookup("#firewall-count-from-now").queryAs(javafx.scene.control.Button.class));
        Supplier<String> line = () -> {
            String[] text = new String[1];
            robot.interact(() -> text[0] = robot.from(window.root().getRight()).lookup("#firewall-count-line")
                    .queryAs(javafx.scene.control.Label.class).getText());
            return text[0];
        };
        waitFor(robot, () -> line.get().contains(" since "), "counting: " + line.get());
        assertFalse(line.get().contains("could not"), line.get());
        assertTrue(window.firewall().tree().getColumns().stream()
                .anyMatch(c -> "firewall-since-column".equals(c.getId()) && c.isVisible()), "the since column is shown");
    }
}
