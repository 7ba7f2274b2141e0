package dev.netlens.ui.properties;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A two-column table of the selection's details, under its name. */
public final class PropertyPanelView extends VBox {
    private final TableView<PropertyRow> table = new TableView<>();

    public PropertyPanelView(PropertyPanelViewModel vm, dev.netlens.ui.language.I18n i18n) {
        getStyleClass().add("property-panel");
        Label title = new Label();
        title.getStyleClass().add("panel-title");
        title.textProperty().bind(vm.titleProperty());
        title.setWrapText(true);
        TableColumn<PropertyRow, String> name = new TableColumn<>();
        name.textProperty().bind(text(i18n, "properties.name"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(130);
        TableColumn<PropertyRow, String> value = new TableColumn<>();
        value.textProperty().bind(text(i18n, "properties.value"));
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        value.setPrefWidth(250);
        table.getColumns().add(name);
        table.getColumns().add(value);
        table.setItems(vm.rows());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.textProperty().bind(text(i18n, "properties.placeholder"));
        table.setPlaceholder(placeholder);
        table.setId("property-table");
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(title, table);
    }

    private static javafx.beans.binding.StringBinding text(dev.netlens.ui.language.I18n i18n, String key) {
        return javafx.beans.binding.Bindings.createStringBinding(() -> i18n.get(key), i18n.localeProperty());
    }

    public TableView<PropertyRow> table() {
        return table;
    }
}
