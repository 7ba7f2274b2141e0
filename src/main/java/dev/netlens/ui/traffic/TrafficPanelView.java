package dev.netlens.ui.traffic;

import dev.netlens.traffic.RateSampler;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Traffic tab: the sampling status (or why there are no rates), the busiest links (a click
 * selects the link's interface), and the selection's interfaces with their sparklines.
 */
public final class TrafficPanelView extends VBox {
    static final PseudoClass TROUBLED = PseudoClass.getPseudoClass("troubled");
    private final ListView<BusyLink> busiest = new ListView<>();

    public TrafficPanelView(TrafficViewModel vm) {
        getStyleClass().addAll("traffic-panel");
        setId("traffic-panel");
        Label title = new Label();
        title.getStyleClass().add("panel-title");
        title.textProperty().bind(text(vm, "traffic.title"));
        Label status = new Label();
        status.getStyleClass().add("traffic-status");
        status.setId("traffic-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Label busyTitle = new Label();
        busyTitle.textProperty().bind(text(vm, "traffic.busiest"));
        busiest.setId("busiest-links");
        busiest.setItems(vm.busiest());
        Label none = new Label();
        none.textProperty().bind(text(vm, "traffic.busiest.none"));
        busiest.setPlaceholder(none);
        busiest.setCellFactory(l -> new ListCell<>() {
            private final Label name = new Label();
            private final Label rate = new Label();
            private final HBox row = new HBox(8, rate, name);

            {
                row.getStyleClass().add("busy-link");
                rate.getStyleClass().add("traffic-rate");
                rate.setMinWidth(90);
            }

            @Override
            protected void updateItem(BusyLink item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                name.setText(item.name());
                rate.setText(item.rate());
                row.pseudoClassStateChanged(TROUBLED, item.troubled());
                row.setUserData(item.linkId());
                setGraphic(row);
            }
        });
        busiest.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.select(b);
            }
        });
        busiest.setPrefHeight(220);
        VBox.setVgrow(busiest, Priority.ALWAYS);
        getChildren().addAll(title, status, busyTitle, busiest, new SelectionTrafficView(vm));
    }

    static StringBinding text(TrafficViewModel vm, String key, Object... args) {
        return Bindings.createStringBinding(() -> TrafficTexts.TEXTS.text(vm.language().locale(), key, args),
                vm.language().localeProperty());
    }

    public ListView<BusyLink> busiestList() {
        return busiest;
    }

    /** The selection's interfaces: name, rate now, drops or errors that rose (red), and a sparkline each. */
    public static final class SelectionTrafficView extends VBox {
        private final TrafficViewModel vm;

        public SelectionTrafficView(TrafficViewModel vm) {
            this.vm = vm;
            getStyleClass().add("selection-traffic");
            setSpacing(4);
            vm.selected().addListener((ListChangeListener<InterfaceLine>) c -> rebuild());
            vm.intervalProperty().addListener(o -> rebuild());
            vm.language().localeProperty().addListener(o -> rebuild());
            rebuild();
        }

        private void rebuild() {
            getChildren().clear();
            if (vm.selected().isEmpty()) {
                return;
            }
            java.time.Duration every = vm.intervalProperty().get();
            int capacity = every == null ? 2 : (int) (RateSampler.WINDOW.toMillis() / Math.max(1, every.toMillis()));
            Label title = new Label(TrafficTexts.TEXTS.text(vm.language().locale(), "traffic.selected",
                    RateSampler.WINDOW.toMinutes()));
            title.getStyleClass().add("traffic-selected-title");
            getChildren().add(title);
            for (InterfaceLine line : vm.selected()) {
                Label name = new Label(line.name());
                name.getStyleClass().add("traffic-name");
                Label rate = new Label(line.rate() == null ? "–" : line.rate());
                rate.getStyleClass().add("traffic-rate");
                Label detail = new Label(line.detail());
                detail.getStyleClass().add("traffic-detail");
                Sparkline spark = new Sparkline();
                spark.show(line.series(), capacity);
                VBox text = new VBox(name, rate, detail);
                HBox row = new HBox(8, spark, text);
                row.getStyleClass().add("traffic-line");
                row.setUserData(line.interfaceId());
                row.pseudoClassStateChanged(TROUBLED, line.troubled());
                getChildren().add(row);
            }
        }
    }
}
