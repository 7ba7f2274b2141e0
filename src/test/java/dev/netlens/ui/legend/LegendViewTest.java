package dev.netlens.ui.legend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.ui.language.UiLanguage;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class LegendViewTest {
    private final UiLanguage language = UiLanguage.of(Locale.ENGLISH);

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new LegendView(language.localeProperty())));
        stage.show();
    }

    private List<String> texts(FxRobot robot) {
        return robot.lookup(".legend-text").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @Test
    void legendFollowsTheUiLanguage(FxRobot robot) {
        assertTrue(texts(robot).contains("Linux bridge"), texts(robot).toString());
        robot.interact(() -> language.switchTo(Locale.KOREAN));
        assertTrue(texts(robot).contains("리눅스 브리지"), texts(robot).toString());
        assertTrue(texts(robot).stream().allMatch(t -> t.matches(".*(\\p{IsHangul}|veth|VXLAN|MTU|macvlan).*")), texts(robot).toString());
    }
}
