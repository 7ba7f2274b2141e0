package dev.netlens.ui.status;

import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bottom line: the snapshot's origin (DEMO stands out), then one label per host. */
public final class StatusBarView extends HBox {
    private static final PseudoClass DEMO = PseudoClass.getPseudoClass("demo");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    private final StatusBarViewModel vm;
    private final HBox hostBox = new HBox();
    private final Label source = new Label();

    public StatusBarView(StatusBarViewModel vm) {
        this.vm = vm;
        getStyleClass().add("status-bar");
        source.getStyleClass().add("source");
        source.setId("status-source");
        source.textProperty().bind(vm.sourceProperty());
        source.setMinWidth(Region.USE_PREF_SIZE);
        hostBox.getStyleClass().add("hosts");
        Label problem = new Label();
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(vm.problemProperty());
        HBox.setHgrow(hostBox, Priority.ALWAYS);
        getChildren().addAll(source, hostBox, problem);
        vm.hosts().addListener((ListChangeListener<StatusBarViewModel.HostStatus>) c -> refresh());
        vm.sourceProperty().addListener(o -> refresh());
        refresh();
    }

    private void refresh() {
        source.pseudoClassStateChanged(DEMO, vm.isDemo());
        hostBox.getChildren().setAll(vm.hosts().stream().map(h -> {
            Label l = new Label(h.text());
            l.getStyleClass().add("host-status");
            l.setUserData(h.hostId());
            l.pseudoClassStateChanged(WARNING, h.warning());
            l.pseudoClassStateChanged(STALE, h.stale());
            // A host's line can be long (every reason it cannot see something): the whole of it on hover.
            l.setTooltip(new Tooltip(h.text()));
            l.getTooltip().setWrapText(true);
            l.getTooltip().setMaxWidth(900);
            return l;
        }).toList());
    }
}
