package dev.netlens.ui.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.reach.ChosenEngines;
import dev.netlens.reach.EngineChoice;
import dev.netlens.ui.concurrent.FxBackgroundExecutor;
import dev.netlens.ui.concurrent.TaskRunner;
import dev.netlens.ui.language.I18n;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Engines dialog under Monocle, on a made-up world: the work runs on a real background executor. */
@ExtendWith(ApplicationExtension.class)
class EngineChooserViewTest {
    private final ScriptedEngines world = new ScriptedEngines();
    private final Preferences prefs = Preferences.userRoot().node("dev/netlens-test/" + System.nanoTime());
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor("test-engines");
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private EngineChooserViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new EngineChooserViewModel(world, world, new ChosenEngines(prefs), new TaskRunner(executor, Platform::runLater), i18n);
        EngineChooserView view = new EngineChooserView(vm, i18n);
        stage.setScene(new Scene(view.root(), 900, 640));
        stage.show();
        vm.load();
    }

    @AfterEach
    void stop() throws Exception {
        executor.close();
        prefs.removeNode();
    }

    private static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits (no time assertion: the work is made-up and instant) until the dialog is idle again. */
    private void idle(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm.busyProperty().get());
        settle();
    }

    @Test
    void theContextsAreListedWithTheCurrentOneMarked(FxRobot robot) throws Exception {
        idle(robot);
        TableView<?> table = robot.lookup("#engines-table").queryAs(TableView.class);
        assertEquals(4, table.getItems().size());
        assertTrue(robot.lookup(".table-cell").queryAll().stream().map(Node::toString).anyMatch(s -> s.contains("lab  ★ current")),
                "the current context carries its mark");
        assertTrue(robot.lookup("#engines-intro").queryAs(Label.class).getText().contains("/tmp/docker-config"));
    }

    @Test
    void aBadAddressIsOneVisibleLine(FxRobot robot) throws Exception {
        idle(robot);
        robot.interact(() -> vm.addressProperty().set("http://example"));
        robot.clickOn("#engines-add");
        idle(robot);
        Label error = robot.lookup("#engines-error").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertEquals("Not a usable address: http://example: use unix://, tcp:// or ssh://", error.getText());
        assertFalse(error.getText().contains("\n"));
    }

    @Test
    void connectingShowsProgressWhileTheEnginesAreReadThenWhatIsShown(FxRobot robot) throws Exception {
        idle(robot);
        world.hold = new CountDownLatch(1);
        // Check node2's context (third line) by its box, as a user does, and uncheck the engine shown now.
        robot.interact(() -> vm.rows().get(3).chosen().set(false));
        robot.clickOn("#engines-use-2");
        robot.clickOn("#engines-connect");
        settle();
        assertTrue(robot.lookup("#engines-progress").query().isVisible(), "progress while the engines are read");
        assertTrue(robot.lookup("#engines-connect").queryAs(Button.class).isDisabled());
        assertFalse(robot.lookup("#engines-cancel").queryAs(Button.class).isDisabled());
        world.hold.countDown();
        idle(robot);
        assertFalse(robot.lookup("#engines-progress").query().isVisible());
        assertEquals(List.of(List.of(EngineChoice.context("node2"))), world.applied);
        assertEquals("Showing " + ScriptedEngines.NODE2, robot.lookup("#engines-message").queryAs(Label.class).getText());
        assertEquals(List.of(EngineChoice.context("node2")), new ChosenEngines(prefs).load());
    }

    @Test
    void cancelWhileReadingLeavesThePictureAsItWas(FxRobot robot) throws Exception {
        idle(robot);
        world.hold = new CountDownLatch(1);
        robot.clickOn("#engines-connect");
        settle();
        robot.clickOn("#engines-cancel");
        world.hold.countDown();
        idle(robot);
        assertTrue(world.applied.isEmpty());
        assertEquals("Cancelled; the picture is as it was.", robot.lookup("#engines-error").queryAs(Label.class).getText());
    }

    @Test
    void theSwarmSectionListsNodesAndAnUnreachableOneCannotBeChecked(FxRobot robot) throws Exception {
        idle(robot);
        robot.clickOn("#engines-swarm");
        robot.interact(() -> vm.managerProperty().set("unix:///run/manager.sock"));
        robot.clickOn("#engines-swarm-list");
        idle(robot);
        TableView<?> nodes = robot.lookup("#engines-swarm-nodes").queryAs(TableView.class);
        assertEquals(2, nodes.getItems().size());
        List<CheckBox> boxes = robot.lookup("#engines-swarm-nodes .check-box").queryAllAs(CheckBox.class).stream().toList();
        assertEquals(2, boxes.size());
        assertTrue(boxes.stream().anyMatch(b -> b.isDisabled() && !b.isSelected()), "the down node cannot be checked");
        assertTrue(robot.lookup(".table-cell").queryAll().stream().map(Node::toString)
                .anyMatch(s -> s.contains("no: the swarm reports this node down")));
    }

    @Test
    void theDialogFollowsTheLanguage(FxRobot robot) throws Exception {
        idle(robot);
        robot.interact(() -> i18n.setLocale(Locale.KOREAN));
        assertEquals("연결", robot.lookup("#engines-connect").queryAs(Button.class).getText());
        assertTrue(robot.lookup(".table-cell").queryAll().stream().map(Node::toString).anyMatch(s -> s.contains("컨텍스트")));
    }
}
