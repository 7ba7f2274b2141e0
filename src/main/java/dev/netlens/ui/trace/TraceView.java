package dev.netlens.ui.trace;

import dev.netlens.ui.trace.TraceViewModel.HopRow;
import dev.netlens.ui.trace.TraceViewModel.Status;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Trace tab: the two endpoints, the verdict and its reason, whether the trace was recomputed
 * after a change, the deciding rule with a link into the Firewall tab, and the numbered hops (kind,
 * where, rule, action, and the hop in a sentence). A hop picked in the list is centred on the canvas.
 */
public final class TraceView extends VBox {
    private static final PseudoClass DECIDING = PseudoClass.getPseudoClass("deciding");
    private final TraceViewModel vm;
    private final ListView<HopRow> list = new ListView<>();
    private final Hyperlink ruleLink = new Hyperlink();
    private final Button clear = new Button();

    public TraceView(TraceViewModel vm, javafx.beans.value.ObservableValue<String> clearText) {
        this.vm = vm;
        getStyleClass().addAll("side-tab-panel", "trace-panel");
        setId("trace-panel");

        Label title = new Label();
        title.getStyleClass().add("panel-title");
        title.textProperty().bind(vm.titleProperty());
        clear.setId("trace-clear");
        clear.textProperty().bind(clearText);
        clear.setOnAction(e -> vm.clear());
        clear.visibleProperty().bind(vm.statusProperty().isNotEqualTo(Status.IDLE));
        javafx.scene.layout.Region grow = new javafx.scene.layout.Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(8, title, grow, clear);
        head.setAlignment(Pos.CENTER_LEFT);

        Label endpoints = wrapped("trace-endpoints", "trace-endpoints");
        endpoints.textProperty().bind(vm.endpointsProperty());
        Label message = wrapped("panel-state", "trace-message");
        message.textProperty().bind(vm.messageProperty());
        Label change = wrapped("trace-change", "trace-change");
        change.textProperty().bind(vm.changeNoteProperty());
        Label verdict = new Label();
        verdict.setId("trace-verdict");
        verdict.getStyleClass().add("trace-verdict");
        verdict.textProperty().bind(vm.verdictProperty());
        vm.resultProperty().addListener((o, a, b) -> {
            verdict.getStyleClass().removeIf(c -> c.startsWith("verdict-"));
            if (b != null) {
                verdict.getStyleClass().add("verdict-" + b.verdict().word());
            }
        });
        Label reason = wrapped("trace-reason", "trace-reason");
        reason.textProperty().bind(vm.reasonProperty());
        Label rule = wrapped("trace-rule", "trace-deciding-rule");
        rule.textProperty().bind(vm.decidingRuleProperty());
        ruleLink.setId("trace-rule-link");
        ruleLink.textProperty().bind(vm.decidingLinkProperty());
        ruleLink.setOnAction(e -> {
            vm.openDecidingRule();
            ruleLink.setVisited(false);
        });
        for (javafx.scene.Node n : new javafx.scene.Node[] {endpoints, message, change, verdict, reason, rule, ruleLink}) {
            Label text = n instanceof Label l ? l : null;
            javafx.beans.value.ObservableStringValue t = text != null ? text.textProperty() : ruleLink.textProperty();
            n.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !t.get().isEmpty(), t));
            n.managedProperty().bind(n.visibleProperty());
        }

        list.setId("trace-hops");
        list.setItems(vm.hops());
        list.setCellFactory(l -> new HopCell());
        list.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> vm.focusHop(b.intValue()));
        list.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.hops()));
        list.managedProperty().bind(list.visibleProperty());
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(head, endpoints, message, change, verdict, reason, rule, ruleLink, list);
    }

    /** One hop: its number in a badge like the canvas's, then kind and place, the rule and action, the sentence. */
    private final class HopCell extends ListCell<HopRow> {
        @Override
        protected void updateItem(HopRow h, boolean empty) {
            super.updateItem(h, empty);
            setText(null);
            if (empty || h == null) {
                setGraphic(null);
                return;
            }
            Label number = new Label(String.valueOf(h.index()));
            number.getStyleClass().add("trace-hop-number");
            number.pseudoClassStateChanged(DECIDING, h.deciding());
            Label head = new Label(h.kind() + (h.where().isEmpty() ? "" : "  ·  " + h.where()));
            head.getStyleClass().add("trace-hop-title");
            VBox lines = new VBox(2, head);
            if (!h.rule().isEmpty() || !h.action().isEmpty()) {
                Label rule = new Label(h.rule().isEmpty() ? "→ " + h.action() : h.rule() + (h.action().isEmpty() ? "" : "  →  " + h.action()));
                rule.getStyleClass().add("trace-hop-rule");
                rule.setWrapText(true);
                lines.getChildren().add(rule);
            }
            if (!h.note().isEmpty()) {
                Label note = new Label(h.note());
                note.setWrapText(true);
                lines.getChildren().add(note);
            }
            lines.setMaxWidth(Double.MAX_VALUE);
            lines.prefWidthProperty().bind(list.widthProperty().subtract(70));
            HBox row = new HBox(10, number, lines);
            row.setAlignment(Pos.TOP_LEFT);
            setGraphic(row);
        }
    }

    private static Label wrapped(String styleClass, String id) {
        Label l = new Label();
        l.setWrapText(true);
        l.getStyleClass().add(styleClass);
        l.setId(id);
        l.setMinHeight(Label.USE_PREF_SIZE);
        return l;
    }

    /** The hop list, for tests. */
    public ListView<HopRow> hopList() {
        return list;
    }

    public Hyperlink ruleLink() {
        return ruleLink;
    }

    public Button clearButton() {
        return clear;
    }
}
