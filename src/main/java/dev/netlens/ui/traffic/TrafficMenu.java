package dev.netlens.ui.traffic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;

/** View › Traffic sampling: every 1, 2, 5 or 10 s, or off; the choice is the view-model's (remembered). */
public final class TrafficMenu {
    private TrafficMenu() {
    }

    public static Menu of(TrafficViewModel vm) {
        Menu menu = new Menu();
        menu.setId("menu-traffic");
        menu.textProperty().bind(TrafficPanelView.text(vm, "menu.traffic"));
        ToggleGroup group = new ToggleGroup();
        List<Integer> choices = new ArrayList<>(TrafficViewModel.INTERVALS);
        choices.add(null);
        for (Integer seconds : choices) {
            Duration d = seconds == null ? null : Duration.ofSeconds(seconds);
            RadioMenuItem r = new RadioMenuItem();
            r.setId(seconds == null ? "traffic-off" : "traffic-every-" + seconds);
            r.setToggleGroup(group);
            r.setSelected(Objects.equals(vm.intervalProperty().get(), d));
            r.setOnAction(e -> vm.intervalProperty().set(d));
            vm.intervalProperty().addListener((o, a, b) -> r.setSelected(Objects.equals(b, d)));
            if (seconds == null) {
                r.textProperty().bind(TrafficPanelView.text(vm, "menu.traffic.off"));
                menu.getItems().add(new SeparatorMenuItem());
            } else {
                r.textProperty().bind(TrafficPanelView.text(vm, "menu.traffic.every", seconds));
            }
            menu.getItems().add(r);
        }
        return menu;
    }
}
