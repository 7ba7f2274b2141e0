package dev.netlens.ui.status;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The bottom line: the snapshot's origin (DEMO stands out), then one label per host, and for a live
 * engine whose kernel cannot be read the offer to run a helper container there (asked first).
 */
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
        problem.setId("status-problem");
        problem.textProperty().bind(vm.problemProperty());
        HBox.setHgrow(hostBox, Priority.ALWAYS);
        getChildren().addAll(source, hostBox, problem);
        vm.hosts().addListener((ListChangeListener<StatusBarViewModel.HostStatus>) c -> refresh());
        vm.sourceProperty().addListener(o -> refresh());
        refresh();
    }

    private void refresh() {
        source.pseudoClassStateChanged(DEMO, vm.isDemo());
        hostBox.getChildren().setAll(vm.hosts().stream().<Node>flatMap(h -> {
            Label l = new Label(h.text());
            l.getStyleClass().add("host-status");
            l.setUserData(h.hostId());
            l.pseudoClassStateChanged(WARNING, h.warning());
            l.pseudoClassStateChanged(STALE, h.stale());
            // A host's line can be long (every reason it cannot see something): the whole of it on hover.
            l.setTooltip(new Tooltip(h.text()));
            l.getTooltip().setWrapText(true);
            l.getTooltip().setMaxWidth(900);
            return h.helperOffer() == null ? java.util.stream.Stream.of(l)
                    : java.util.stream.Stream.of(l, helperButton(h));
        }).toList());
    }

    /** "Run a helper container on ENGINE": asks first; only a yes reaches the view-model. */
    private Button helperButton(StatusBarViewModel.HostStatus h) {
        Button run = new Button(h.helperOffer());
        run.setId("kernel-helper-offer");
        run.getStyleClass().add("kernel-helper-offer");
        run.setUserData(h.endpoint());
        run.setMnemonicParsing(false);
        run.setMinWidth(Region.USE_PREF_SIZE);
        run.setOnAction(e -> {
            if (confirm(vm.helperQuestion(h.endpoint()))) {
                vm.runHelper(h.endpoint());
            }
        });
        return run;
    }

    private boolean confirm(List<String> question) {
        ButtonType yes = new ButtonType(question.get(2), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(question.get(3), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, question.get(1), yes, no);
        ask.setTitle(question.get(0));
        ask.setHeaderText(question.get(0));
        ask.getDialogPane().setId("kernel-helper-question");
        ask.getDialogPane().lookupButton(yes).setId("kernel-helper-yes");
        ask.getDialogPane().lookupButton(no).setId("kernel-helper-no");
        // The text names every capability and the image rule: let it wrap instead of cutting it.
        ask.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        ask.getDialogPane().setPrefWidth(620);
        if (getScene() != null) {
            ask.initOwner(getScene().getWindow());
        }
        return ask.showAndWait().filter(yes::equals).isPresent();
    }
}
