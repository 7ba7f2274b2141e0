package dev.netlens.ui.properties;

import dev.netlens.graph.Detail;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A two-column table of the selection's details, under its name. */
public final class PropertyPanelView extends VBox {
    private final TableView<Detail> table = new TableView<>();

    public PropertyPanelView(PropertyPanelViewModel vm) {
        getStyleClass().add("property-panel");
        Label title = new Label();
        title.getStyleClass().add("panel-title");
        title.textProperty().bind(vm.titleProperty());
        title.setWrapText(true);
        TableColumn<Detail, String> name = new TableColumn<>("Property");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(130);
        TableColumn<Detail, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        value.setPrefWidth(250);
        table.getColumns().add(name);
        table.getColumns().add(value);
        table.setItems(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Click a shape to see its details"));
        table.setId("property-table");
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(title, table);
    }

    public TableView<Detail> table() {
        return table;
    }
}
