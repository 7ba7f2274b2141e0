package dev.netlens.ui.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.testing.PanelSnapshots;
import dev.netlens.ui.dns.DnsPanelViewModel.NameRow;
import dev.netlens.ui.firewall.FirewallPanelViewModel.Row;
import dev.netlens.ui.firewall.FirewallPanelViewModel.RuleRow;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The toolbar toggle switches every panel between English and Korean while the window runs. */
@ExtendWith(ApplicationExtension.class)
class LanguageSwitchTest {
    private PanelWindow w;

    @Start
    void start(Stage stage) {
        w = PanelWindow.open(stage, PanelSnapshots.scanLab());
    }

    private static boolean hangul(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
    }

    private String label(FxRobot robot, String query) {
        return (query.equals("#language-toggle") ? robot.from(w.window.root().getTop()) : robot.from(w.side())).lookup(query).queryAs(javafx.scene.control.Labeled.class).getText();
    }

    private RuleRow firstRule() {
        return first(w.window.firewall().tree().getRoot());
    }

    private static RuleRow first(TreeItem<Row> item) {
        if (item.getValue() instanceof RuleRow r) {
            return r;
        }
        for (TreeItem<Row> c : item.getChildren()) {
            RuleRow hit = first(c);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    @Test
    void theToggleRendersThePanelsInHangulAndBack(FxRobot robot) {
        w.tab(robot, "tab-firewall");
        w.select(robot, w.containerNode("lab-user-b"));
        assertEquals("Firewall rules", label(robot, "#firewall-panel .panel-title"));
        assertFalse(hangul(firstRule().explanation()));
        assertEquals("한국어", label(robot, "#language-toggle"));

        robot.clickOn(robot.from(w.window.root().getTop()).lookup("#language-toggle").queryAs(javafx.scene.control.Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Locale.KOREAN, w.window.language().locale());
        assertEquals("방화벽 규칙", label(robot, "#firewall-panel .panel-title"));
        assertTrue(hangul(firstRule().explanation()), firstRule().explanation());
        assertTrue(hangul(label(robot, "#firewall-message")));
        assertEquals("방화벽", w.window.sideTabs().getTabs().get(1).getText());
        w.tab(robot, "tab-drivers");
        assertTrue(hangul(label(robot, "#driver-panel .panel-title")));
        assertTrue(hangul(w.window.drivers().cards().getPanes().get(0).getContent().lookup(".card-summary") instanceof Label l
                ? l.getText() : ""));
        NameRow row = w.window.dns().table().getItems().get(0);
        assertTrue(hangul(row.kind()) && hangul(row.why()), row.toString());
        assertTrue(w.window.root().getStyleClass().contains("lang-ko"), "the CJK font applies");
        assertEquals("EN", label(robot, "#language-toggle"));

        robot.clickOn(robot.from(w.window.root().getTop()).lookup("#language-toggle").queryAs(javafx.scene.control.Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        w.tab(robot, "tab-firewall");
        assertEquals("Firewall rules", label(robot, "#firewall-panel .panel-title"));
        assertFalse(hangul(firstRule().explanation()));
        assertFalse(w.window.root().getStyleClass().contains("lang-ko"));
    }

    @Test
    void theToolbarAndThePropertyPanelFollowTheLanguage(FxRobot robot) {
        w.select(robot, w.containerNode("lab-user-b"));
        java.util.function.Supplier<org.testfx.service.query.NodeQuery> top = () -> robot.from(w.window.root().getTop());
        assertEquals("Hide stopped", top.get().lookup("#hide-stopped").queryAs(javafx.scene.control.CheckBox.class).getText());
        var table = w.window.root().lookup("#property-table") instanceof javafx.scene.control.TableView<?> t ? t : null;
        assertTrue(table != null && !table.getItems().isEmpty(), "the property panel shows the selection");
        assertTrue(table.getItems().stream().anyMatch(d -> ((dev.netlens.ui.properties.PropertyRow) d).name().equals("Image")));

        robot.clickOn(top.get().lookup("#language-toggle").queryAs(javafx.scene.control.Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(hangul(top.get().lookup("#hide-stopped").queryAs(javafx.scene.control.CheckBox.class).getText()));
        assertTrue(hangul(top.get().lookup("#search").queryAs(javafx.scene.control.TextField.class).getPromptText()));
        var networks = top.get().lookup("#only-network").queryComboBox();
        assertTrue(hangul(networks.getConverter().toString((String) networks.getValue())), "the all-networks choice");
        assertTrue(table.getItems().stream().anyMatch(d -> ((dev.netlens.ui.properties.PropertyRow) d).name().equals("이미지")),
                "detail names in Korean: " + table.getItems());
        assertTrue(hangul(table.getColumns().get(0).getText()));

        robot.clickOn(top.get().lookup("#language-toggle").queryAs(javafx.scene.control.Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Hide stopped", top.get().lookup("#hide-stopped").queryAs(javafx.scene.control.CheckBox.class).getText());
        assertEquals("All networks", networks.getConverter().toString((String) networks.getValue()));
    }
}
