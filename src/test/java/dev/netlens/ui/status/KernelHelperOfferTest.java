package dev.netlens.ui.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.layout.StableLayout;
import dev.netlens.layout.StackLayout;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.testing.PanelSnapshots;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.concurrent.SameThreadExecutor;
import dev.netlens.ui.file.RecentFiles;
import dev.netlens.ui.language.I18n;
import dev.netlens.ui.state.EngineStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The status bar's helper offer with a test double of the live connection's port (no engine): where
 * it is offered, in which language, that only a yes reaches the port, and how a refusal is told.
 * The real engine's side: dev.netlens.app.KernelHelperOfferWindowTest.
 */
@ExtendWith(ApplicationExtension.class)
class KernelHelperOfferTest {
    private static final String NODE2 = "unix:///run/node2/docker.sock";
    private final Preferences prefs = Preferences.userRoot().node("dev/netlens-test/" + System.nanoTime());
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile String refusal;
    private MainWindow window;

    /** The port's double: offers for every host it is shown, records the engines it was asked to run a helper on. */
    private final KernelHelperOffer port = new KernelHelperOffer() {
        @Override
        public boolean offers(Host host) {
            return true;
        }

        @Override
        public void runHelper(String endpoint) {
            asked.add(endpoint);
            if (refusal != null) {
                throw new IllegalStateException(refusal);
            }
        }
    };

    @Start
    void start(Stage stage) {
        window = new MainWindow(withoutKernel(PanelSnapshots.swarm(), NODE2), new SameThreadExecutor(),
                new StableLayout(new StackLayout()), new RecentFiles(prefs), new I18n(Locale.ENGLISH));
        window.offerKernelHelper(port);
        stage.setScene(new Scene(window.root(), 1400, 800));
        stage.show();
    }

    @AfterEach
    void forgetPrefs() throws Exception {
        prefs.removeNode();
    }

    /** The snapshot as a live pass gives it when node2's kernel could not be read. */
    static TopologySnapshot withoutKernel(TopologySnapshot s, String endpoint) {
        return withReason(s, endpoint, "kernel view unavailable: remote engine (" + endpoint + "); showing what its API reports");
    }

    private static TopologySnapshot withReason(TopologySnapshot s, String endpoint, String reason) {
        List<Host> hosts = s.hosts().stream().map(h -> !h.endpoint().equals(endpoint) ? h
                : new Host(h.id(), h.endpoint(), h.name(), h.engineVersion(), h.apiVersion(), h.os(), h.kernelVersion(),
                        h.swarmNodeId(), h.underlayAddress(), h.swarmManager(), false, null, List.of(reason),
                        h.firewall())).toList();
        return new TopologySnapshot(s.schema(), s.capturedAt(), "live", hosts, s.namespaces(), s.interfaces(),
                s.networks(), s.containers(), s.tunnels());
    }

    private List<Button> offers(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#kernel-helper-offer").queryAllAs(Button.class).stream().toList();
    }

    @Test
    void onlyTheHostWithoutKernelViewIsOfferedAHelperInEnglishAndKorean(FxRobot robot) {
        List<Button> offers = offers(robot);
        assertEquals(1, offers.size());
        assertEquals(NODE2, offers.get(0).getUserData());
        assertEquals("Run a helper container on " + NODE2, offers.get(0).getText());
        robot.interact(() -> window.i18n().setLocale(Locale.KOREAN));
        assertEquals(NODE2 + "에서 도우미 컨테이너 실행", offers(robot).get(0).getText());
        List<String> question = window.statusBar().helperQuestion(NODE2);
        assertEquals(List.of("도우미 컨테이너를 실행할까요?", "도우미 실행", "취소"),
                List.of(question.get(0), question.get(2), question.get(3)));
        assertTrue(question.get(1).contains(NODE2 + "의 커널"), question.get(1));
    }

    @Test
    void noLeavesTheApiViewAndNeverReachesThePort(FxRobot robot) {
        robot.clickOn(offers(robot).get(0));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane question = robot.lookup("#kernel-helper-question").queryAs(DialogPane.class);
        assertTrue(question.getContentText().contains(NODE2) && question.getContentText().contains("SYS_PTRACE"),
                question.getContentText());
        robot.clickOn(robot.lookup("#kernel-helper-no").queryAs(Button.class));
        assertEquals(List.of(), asked);
        assertEquals(1, offers(robot).size(), "still offered");
        assertTrue(hostLines(robot).contains("kernel view unavailable: remote engine"), hostLines(robot));
    }

    @Test
    void yesAsksThePortForThatEngineAndTheLineSaysItIsReadingUntilTheNextPass(FxRobot robot) {
        robot.clickOn(offers(robot).get(0));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#kernel-helper-yes").queryAs(Button.class));
        assertEquals(List.of(NODE2), asked);
        assertTrue(offers(robot).isEmpty(), "offered once");
        assertTrue(hostLines(robot).contains("reading the kernel through a helper container…"), hostLines(robot));
        // node2's next pass: the helper was refused (discovery's one line), and that is what its line says.
        TopologySnapshot refused = withReason(PanelSnapshots.swarm(), NODE2, "kernel view unavailable: the engine refused"
                + " to start the helper container (capabilities SYS_ADMIN, SYS_CHROOT, SYS_PTRACE, NET_ADMIN, host pid and"
                + " network): unable to apply caps");
        robot.interact(() -> {
            window.showLive(refused);
            window.state().setEngineStatus(new EngineStatus(List.of(), Map.of(NODE2, Instant.now().plusSeconds(1))));
        });
        String lines = hostLines(robot);
        assertFalse(lines.contains("reading the kernel"), lines);
        assertTrue(lines.contains("kernel view unavailable: the engine refused to start the helper container"), lines);
        assertTrue(offers(robot).isEmpty(), "not offered again after yes");
    }

    @Test
    void aPortThatFailsIsToldInOneLineAndTheOfferComesBack(FxRobot robot) {
        refusal = "engine " + NODE2 + " does not answer";
        robot.clickOn(offers(robot).get(0));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#kernel-helper-yes").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        String problem = robot.lookup("#status-problem").queryAs(Label.class).getText();
        assertEquals("Could not ask for a helper container on " + NODE2 + ": engine " + NODE2 + " does not answer", problem);
        assertEquals(1, offers(robot).size(), "offered again");
    }

    private String hostLines(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return String.join("\n", robot.lookup(".host-status").queryAllAs(Label.class).stream().map(Label::getText).toList());
    }
}
