package dev.netlens.ui.dns;

import dev.netlens.ui.dns.DnsPanelViewModel.NameRow;
import dev.netlens.ui.dns.DnsPanelViewModel.NetworkChoice;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/**
 * The service discovery panel: a network chooser, why names do or do not resolve there, and the
 * names with their kind, answers and reason; for a selected container, its names on each network.
 */
public final class DnsPanelView extends VBox {
    private final DnsPanelViewModel vm;
    private final TableView<NameRow> table = new TableView<>();
    private final ComboBox<NetworkChoice> chooser = new ComboBox<>();

    public DnsPanelView(DnsPanelViewModel vm) {
        this.vm = vm;
        getStyleClass().addAll("side-tab-panel", "dns-panel");
        setId("dns-panel");
        Label title = new Label();
        title.getStyleClass().add("panel-title");
        title.textProperty().bind(vm.titleProperty());

        Label netLabel = new Label();
        netLabel.textProperty().bind(vm.networkLabelProperty());
        chooser.setId("dns-network");
        chooser.setItems(vm.networks());
        chooser.setValue(vm.networkProperty().get());
        chooser.setVisibleRowCount(16);
        chooser.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(vm.networkProperty().get())) {
                vm.chooseNetwork(b);
            }
        });
        vm.networkProperty().addListener((o, a, b) -> chooser.setValue(b));
        HBox chooserRow = new HBox(8, netLabel, chooser);
        chooserRow.setAlignment(Pos.CENTER_LEFT);

        Label heading = new Label();
        heading.setId("dns-heading");
        heading.getStyleClass().add("panel-subtitle");
        heading.setWrapText(true);
        heading.textProperty().bind(vm.headingProperty());
        Label why = new Label();
        why.setId("dns-why");
        why.getStyleClass().add("panel-state");
        why.setWrapText(true);
        why.setMinHeight(Label.USE_PREF_SIZE);
        why.textProperty().bind(vm.whyProperty());
        javafx.css.PseudoClass none = javafx.css.PseudoClass.getPseudoClass("no-names");
        why.pseudoClassStateChanged(none, vm.noEmbeddedDnsProperty().get());
        vm.noEmbeddedDnsProperty().addListener((o, a, b) -> why.pseudoClassStateChanged(none, b));

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(title, chooserRow, heading, why, table);
    }

    private void buildTable() {
        table.setId("dns-table");
        table.setItems(vm.rows());
        TableColumn<NameRow, NameRow> name = new TableColumn<>();
        name.textProperty().bind(vm.nameHeaderProperty());
        name.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        name.setCellFactory(col -> new NameCell());
        name.setPrefWidth(190);
        name.setSortable(false);
        table.getColumns().add(name);
        table.getColumns().add(column(vm.addressesHeaderProperty(), NameRow::addresses, 120));
        table.getColumns().add(column(vm.whyHeaderProperty(), NameRow::why, 340));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.textProperty().bind(vm.placeholderProperty());
        placeholder.getStyleClass().add("panel-state");
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
        // Wrapped rows are measured again once the columns have their final widths.
        table.widthProperty().addListener(o -> table.refresh());
    }

    private static TableColumn<NameRow, String> column(ReadOnlyStringProperty header, Function<NameRow, String> value,
            double width) {
        TableColumn<NameRow, String> c = new TableColumn<>();
        c.textProperty().bind(header);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellFactory(col -> new WrappingCell());
        return c;
    }

    /** The name in bold; under it its kind and, for a container's view, the network it resolves on. */
    private final class NameCell extends TableCell<NameRow, NameRow> {
        private final Text name = new Text();
        private final Text kind = new Text();
        private final VBox box = new VBox(1, name, kind);

        NameCell() {
            name.getStyleClass().addAll("dns-cell-text", "dns-name");
            kind.getStyleClass().addAll("dns-cell-text", "dns-kind");
            name.wrappingWidthProperty().bind(widthProperty().subtract(12));
            kind.wrappingWidthProperty().bind(widthProperty().subtract(12));
        }

        @Override
        protected void updateItem(NameRow item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            name.setText(item.name());
            kind.setText(vm.containerModeProperty().get() ? item.kind() + "  ·  " + item.network() : item.kind());
            setGraphic(box);
        }
    }

    /** Text that wraps inside its column, so a long reason stays readable. */
    private static final class WrappingCell extends TableCell<NameRow, String> {
        private final Text text = new Text();

        WrappingCell() {
            text.getStyleClass().add("dns-cell-text");
            text.wrappingWidthProperty().bind(widthProperty().subtract(12));
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
            } else {
                text.setText(item);
                setGraphic(text);
            }
        }
    }

    public TableView<NameRow> table() {
        return table;
    }

    public ComboBox<NetworkChoice> networkChooser() {
        return chooser;
    }
}
