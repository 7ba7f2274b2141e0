package dev.netlens.ui.about;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.about.AboutInfo;
import dev.netlens.about.Library;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class AboutViewTest {
    private final AboutInfo info = AboutInfo.load();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new AboutView(info).content()));
        stage.show();
    }

    @Test
    void aboutListsTheVersionAndEveryBundledLibraryWithItsLicence(FxRobot robot) {
        assertTrue(robot.lookup("#about-title").queryAs(Label.class).getText().contains(info.version()));
        @SuppressWarnings("unchecked")
        TableView<Library> table = robot.lookup("#about-libraries").queryAs(TableView.class);
        assertTrue(table.getItems().size() >= 10, "libraries: " + table.getItems().size());
        assertTrue(table.getItems().stream().anyMatch(l -> l.artifact().equals("javafx-controls")));
        assertTrue(table.getItems().stream().allMatch(l -> l.licence() != null && !l.licence().isBlank()));
    }
}
