package dev.netlens.ui.engines;

import dev.netlens.ui.language.I18n;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import java.util.function.Function;

/**
 * The Engines dialog (File > Engines…): docker contexts, the engines shown now and addresses typed
 * in, each with a check box; a Swarm… section that lists a manager's nodes; Connect. Not modal: the
 * picture stays usable while an engine is asked. Everything it does goes through its view-model.
 */
public final class EngineChooserView {
    private final EngineChooserViewModel vm;
    private final I18n i18n;
    private final VBox root = new VBox(10);
    private final TableView<EngineRow> engines;
    private final TableView<EngineRow> nodes;
    private Stage stage;

    public EngineChooserView(EngineChooserViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        root.setId("engines-dialog");
        root.setPadding(new Insets(14));
        root.setPrefWidth(960);

        Label intro = new Label();
        intro.setId("engines-intro");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE); // wrapped, never cut to "..."
        intro.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("engines.intro", vm.storeProperty().get()),
                vm.storeProperty(), i18n.localeProperty()));

        engines = table("engines-table", vm.rows());
        engines.getColumns().add(column("engines.col.kind", 100, r -> i18n.get("engines.kind." + r.kind().name())));
        engines.getColumns().add(column("engines.col.name", 190, r -> r.current() ? r.name() + "  ★ " + i18n.get("engines.current") : r.name()));
        engines.getColumns().add(column("engines.col.endpoint", 280, EngineRow::endpoint));
        engines.getColumns().add(column("engines.col.detail", 260, EngineRow::detail));
        engines.setPrefHeight(200);
        engines.setMinHeight(130);
        VBox.setVgrow(engines, Priority.ALWAYS);

        TextField address = new TextField();
        address.setId("engines-address");
        address.promptTextProperty().bind(i18n.text("engines.address.prompt"));
        address.textProperty().bindBidirectional(vm.addressProperty());
        address.setOnAction(e -> vm.addAddress());
        Button add = button("engines.add", "engines-add", vm::addAddress);
        HBox addressRow = row(label("engines.address"), address, add);
        HBox.setHgrow(address, Priority.ALWAYS);

        TextField manager = new TextField();
        manager.setId("engines-swarm-manager");
        manager.promptTextProperty().bind(i18n.text("engines.swarm.prompt"));
        manager.textProperty().bindBidirectional(vm.managerProperty());
        manager.setOnAction(e -> vm.listSwarm());
        Button list = button("engines.swarm.list", "engines-swarm-list", vm::listSwarm);
        HBox managerRow = row(label("engines.swarm.manager"), manager, list);
        HBox.setHgrow(manager, Priority.ALWAYS);
        nodes = table("engines-swarm-nodes", vm.nodes());
        nodes.getColumns().add(column("engines.col.node", 320, EngineRow::name));
        nodes.getColumns().add(column("engines.col.candidate", 260, r -> r.endpoint().isEmpty() ? "—" : r.endpoint()));
        nodes.getColumns().add(column("engines.col.reachable", 250, r -> r.selectable() ? i18n.get("engines.reachable")
                : i18n.get("engines.unreachable", r.detail())));
        nodes.setPrefHeight(130);
        nodes.setMinHeight(110);
        TitledPane swarm = new TitledPane();
        swarm.setId("engines-swarm");
        swarm.textProperty().bind(i18n.text("engines.swarm"));
        swarm.setContent(new VBox(8, managerRow, nodes));
        swarm.setExpanded(false);
        // The window grows to show the nodes, rather than squeezing them into the space it had.
        swarm.setAnimated(false);
        swarm.expandedProperty().addListener((o, was, open) -> {
            if (open && stage != null) {
                javafx.application.Platform.runLater(() -> {
                    root.applyCss();
                    root.layout();
                    if (stage.getScene().getHeight() < root.prefHeight(stage.getScene().getWidth())) {
                        stage.sizeToScene();
                    }
                });
            }
        });

        ProgressBar progress = new ProgressBar(-1);
        progress.setId("engines-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(vm.busyProperty());
        Label message = new Label();
        message.setId("engines-message");
        message.textProperty().bind(vm.messageProperty());
        Label error = new Label();
        error.setId("engines-error");
        error.getStyleClass().add("engines-error");
        error.setStyle("-fx-text-fill: #b00020;");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button connect = button("engines.connect", "engines-connect", vm::connect);
        connect.setDefaultButton(true);
        Button cancel = new Button();
        cancel.setId("engines-cancel");
        cancel.textProperty().bind(i18n.text("engines.cancel"));
        cancel.disableProperty().bind(vm.busyProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Button close = new Button();
        close.setId("engines-close");
        close.textProperty().bind(i18n.text("engines.close"));
        close.setOnAction(e -> {
            if (stage != null) {
                stage.hide();
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = row(gap, cancel, connect, close);

        root.getChildren().addAll(intro, engines, addressRow, swarm, progress, message, error, buttons);
        i18n.localeProperty().addListener(o -> {
            engines.refresh();
            nodes.refresh();
        });
    }

    private TableView<EngineRow> table(String id, javafx.collections.ObservableList<EngineRow> items) {
        TableView<EngineRow> t = new TableView<>(items);
        t.setId(id);
        t.setEditable(true);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        TableColumn<EngineRow, EngineRow> use = new TableColumn<>();
        use.textProperty().bind(i18n.text("engines.col.use"));
        use.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        use.setCellFactory(c -> new ChosenCell());
        use.setMinWidth(60);
        use.setMaxWidth(70);
        use.setSortable(false);
        t.getColumns().add(use);
        Label empty = new Label();
        empty.textProperty().bind(i18n.text("engines.none"));
        t.setPlaceholder(empty);
        return t;
    }

    private TableColumn<EngineRow, String> column(String key, double width, Function<EngineRow, String> text) {
        TableColumn<EngineRow, String> c = new TableColumn<>();
        c.setPrefWidth(width);
        c.textProperty().bind(i18n.text(key));
        // Rendered when drawn: the kind and the "current" mark follow a language switch (refresh).
        c.setCellValueFactory(v -> Bindings.createStringBinding(() -> text.apply(v.getValue()), i18n.localeProperty()));
        c.setSortable(false);
        return c;
    }

    /** The check box of a line; a line that cannot be chosen (an unreachable node) has a disabled one. */
    private static final class ChosenCell extends TableCell<EngineRow, EngineRow> {
        private final CheckBox box = new CheckBox();
        private EngineRow bound;

        @Override
        protected void updateItem(EngineRow row, boolean empty) {
            super.updateItem(row, empty);
            if (bound != null) {
                box.selectedProperty().unbindBidirectional(bound.chosen());
                bound = null;
            }
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            bound = row;
            box.setDisable(!row.selectable());
            box.setId("engines-use-" + getIndex());
            box.selectedProperty().bindBidirectional(row.chosen());
            setGraphic(box);
            setAlignment(Pos.CENTER);
        }
    }

    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private Button button(String key, String id, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(i18n.text(key));
        b.disableProperty().bind(vm.busyProperty());
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static HBox row(javafx.scene.Node... children) {
        HBox h = new HBox(8, children);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    /** Shows the dialog (one window, brought to the front again) and reads the contexts afresh. */
    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            if (owner != null) {
                stage.initOwner(owner);
            }
            stage.titleProperty().bind(i18n.text("engines.title"));
            stage.setScene(new Scene(root));
        }
        vm.load();
        stage.show();
        stage.toFront();
    }

    public VBox root() {
        return root;
    }

    public EngineChooserViewModel viewModel() {
        return vm;
    }
}
