package dev.netlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.engine.EngineEndpoints;
import dev.netlens.discovery.engine.TlsFiles;
import dev.netlens.discovery.helper.KernelMode;
import dev.netlens.discovery.helper.KernelOptions;
import dev.netlens.discovery.kernel.NamespaceLister;
import dev.netlens.discovery.kernel.ProcessCommandRunner;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.testing.EngineTest;
import dev.netlens.testing.Lab;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.concurrent.FxBackgroundExecutor;
import dev.netlens.ui.concurrent.UiExecutors;
import dev.netlens.ui.language.I18n;
import dev.netlens.ui.language.UiLanguage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on the lab's node2 reached only over TCP, as from another machine: its host says why
 * there is no kernel view and offers a helper container; the helper runs only after the user said
 * yes, and the next discovery of that engine reads its kernel through it. Discovery is the real one
 * but for its /proc, an empty folder: this machine's dockerd processes are not found, so node2 is
 * as remote as an engine on another machine (otherwise it is recognised as local and read directly).
 */
@EngineTest
@ExtendWith(ApplicationExtension.class)
class KernelHelperOfferWindowTest {
    private static final String NODE2_TCP = "tcp://198.18.0.2:2375";
    private static final String HELPER_FILTER = "label=netlens.helper=1";
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private MainWindow window;
    private LiveConnection live;
    private Discovery discovery;
    private UiExecutors executors;
    private Path emptyProc;
    private final java.util.prefs.Preferences prefs =
            java.util.prefs.Preferences.userRoot().node("dev/netlens-test/" + System.nanoTime());

    @BeforeAll
    static void node2ListensOnTcp() {
        Lab.run(List.of("bash", ".ci/lab/node2-tcp-up.sh"));
    }

    @Start
    void start(Stage stage) throws Exception {
        emptyProc = Files.createTempDirectory("nl-no-proc");
        discovery = new Discovery(host -> EngineEndpoints.connect(host, Duration.ofSeconds(10), TlsFiles.NONE),
                new ProcessCommandRunner(Duration.ofSeconds(10)), NamespaceLister.FILE_SYSTEM, emptyProc,
                Clock.systemUTC(), new KernelOptions(KernelMode.AUTO, false, null, notices::add));
        TopologySnapshot first = discovery.discover(List.of(NODE2_TCP)).snapshot();
        executors = new UiExecutors(new FxBackgroundExecutor("test-layout"), new FxBackgroundExecutor("test-tasks"));
        window = new MainWindow(first, executors, new dev.netlens.layout.StableLayout(new dev.netlens.layout.StackLayout(
                new dev.netlens.ui.topology.FxLabelMetrics())), new dev.netlens.ui.file.RecentFiles(prefs),
                new I18n(UiLanguage.of(Locale.ENGLISH)), dev.netlens.ui.trace.TraceViewModel.TRACER);
        stage.setScene(new Scene(window.root(), 1600, 900));
        stage.show();
        // A long resync: the helper's pass comes from the button alone.
        live = new LiveConnection(List.of(NODE2_TCP), discovery, Duration.ofMinutes(10), first);
        live.attach(window, List.of(), Instant.now());
    }

    @AfterEach
    void stop() throws Exception {
        live.close();
        executors.close();
        Files.deleteIfExists(emptyProc);
        prefs.removeNode();
        assertEquals("", Lab.docker(Lab.NODE2, "ps", "-aq", "--filter", HELPER_FILTER).strip(),
                "a helper container was left on node2");
    }

    @Test
    void anEngineWithoutKernelViewOffersAHelperThatRunsOnlyAfterYes(FxRobot robot) throws Exception {
        Host before = node2(robot);
        assertFalse(before.kernelView());
        String line = hostLine(robot);
        assertTrue(line.contains("kernel view unavailable: remote engine (" + NODE2_TCP + ")"), line);
        Button offer = waitForOffer(robot);
        assertEquals("Run a helper container on " + NODE2_TCP, offer.getText());

        // No: nothing allowed, nothing run, the offer stays.
        robot.clickOn(offer);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane question = robot.lookup("#kernel-helper-question").queryAs(DialogPane.class);
        assertTrue(question.getContentText().contains("netlens.helper=1"), question.getContentText());
        robot.clickOn(robot.lookup("#kernel-helper-no").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(discovery.helperOfferable(NODE2_TCP), "no helper allowed after No");
        assertTrue(notices.isEmpty(), notices.toString());
        Button again = waitForOffer(robot);

        // Yes: the next discovery of that engine reads its kernel through the helper.
        robot.clickOn(again);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#kernel-helper-yes").queryAs(Button.class));
        waitFor(() -> node2(robot).kernelView(), "node2's kernel view through the helper; host line: " + hostLine(robot));
        assertTrue(notices.stream().anyMatch(n -> n.startsWith("engine " + NODE2_TCP + ": kernel read by helper container")
                && n.endsWith("removed afterwards")), notices.toString());
        TopologySnapshot after = window.state().frame().snapshot();
        assertTrue(after.namespaces().size() > 3, "namespaces read through the helper: " + after.namespaces().size());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(offerButton(robot).isEmpty(), "no offer once the kernel is read");
        assertTrue(hostLine(robot).contains("kernel view"), hostLine(robot));
        assertFalse(discovery.helperOfferable(NODE2_TCP));
    }

    private Host node2(FxRobot robot) {
        Host[] host = new Host[1];
        robot.interact(() -> host[0] = window.state().frame().snapshot().hosts().stream()
                .filter(h -> h.endpoint().equals(NODE2_TCP)).findFirst().orElseThrow());
        return host[0];
    }

    private String hostLine(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = robot.lookup(".host-status").queryAll().stream()
                .map(n -> ((Label) n).getText()).filter(t -> t != null).reduce("", (a, b) -> a + "\n" + b));
        return text[0];
    }

    private Optional<Button> offerButton(FxRobot robot) {
        @SuppressWarnings("unchecked")
        Optional<Button>[] found = new Optional[1];
        robot.interact(() -> found[0] = robot.lookup("#kernel-helper-offer").queryAll().stream()
                .filter(Node::isVisible).map(Button.class::cast)
                .filter(b -> NODE2_TCP.equals(b.getUserData())).findFirst());
        return found[0];
    }

    private Button waitForOffer(FxRobot robot) throws InterruptedException {
        waitFor(() -> offerButton(robot).isPresent(), "the helper offer for " + NODE2_TCP);
        return offerButton(robot).orElseThrow();
    }

    private static void waitFor(Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("within 60 s: " + what);
    }
}
