package dev.netlens.ui.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.reach.ChosenEngines;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.concurrent.SameThreadExecutor;
import dev.netlens.ui.concurrent.UiExecutors;
import dev.netlens.ui.language.I18n;
import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File > Engines… is the File menu's first item and Ctrl+Shift+D opens the dialog. */
@ExtendWith(ApplicationExtension.class)
class EngineChooserMenuTest {
    private final Preferences prefs = Preferences.userRoot().node("dev/netlens-test/" + System.nanoTime());
    private final ScriptedEngines world = new ScriptedEngines();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(null, UiExecutors.of(new SameThreadExecutor()), new dev.netlens.layout.StableLayout(
                new dev.netlens.layout.StackLayout(new dev.netlens.ui.topology.FxLabelMetrics())),
                new dev.netlens.ui.file.RecentFiles(prefs), new I18n(Locale.ENGLISH), dev.netlens.ui.trace.TraceViewModel.TRACER);
        Scene scene = new Scene(window.root(), 1200, 700);
        window.installShortcuts(scene);
        stage.setScene(scene);
        stage.show();
        window.installEngineChooser(world, world, new ChosenEngines(prefs));
    }

    @AfterEach
    void forget() throws Exception {
        prefs.removeNode();
    }

    private boolean dialogShowing() {
        return Window.getWindows().stream().anyMatch(w -> w.isShowing() && w.getScene() != null
                && w.getScene().lookup("#engines-dialog") != null);
    }

    @Test
    void ctrlShiftDOpensTheEnginesDialogFromTheFileMenu(FxRobot robot) throws Exception {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        assertEquals("menu-engines", bar.getMenus().get(0).getItems().get(0).getId());
        assertEquals("Engines…", bar.getMenus().get(0).getItems().get(0).getText());
        assertTrue(!dialogShowing());
        robot.clickOn(window.canvas());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(dialogShowing(), "the Engines dialog is open");
        EngineChooserViewModel vm = window.engineChooser().orElseThrow().viewModel();
        assertEquals(4, vm.rows().size(), "the contexts were read as it opened");
    }
}
