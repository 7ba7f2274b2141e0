package dev.netlens.ui.properties;

import dev.netlens.graph.Detail;
import dev.netlens.graph.TopoNode;
import dev.netlens.ui.TopologyState;
import dev.netlens.ui.selection.SelectionModel;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The selected vertex's details, as name/value rows. Follows the shared selection. */
public final class PropertyPanelViewModel {
    private final TopologyState state;
    private final SelectionModel selection;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Nothing selected");
    private final ObservableList<Detail> rows = FXCollections.observableArrayList();

    public PropertyPanelViewModel(TopologyState state, SelectionModel selection) {
        this.state = state;
        this.selection = selection;
        selection.selectedProperty().addListener(o -> update());
        state.frameProperty().addListener(o -> update());
        update();
    }

    private void update() {
        String id = selection.selected();
        TopoNode n = id == null ? null : state.frame().graph().node(id).orElse(null);
        if (n == null) {
            title.set("Nothing selected");
            rows.clear();
            return;
        }
        title.set(n.label() + "  (" + n.kind().name().toLowerCase(Locale.ROOT) + ")");
        rows.setAll(n.details().stream().filter(d -> d.value() != null && !d.value().isEmpty()).toList());
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ObservableList<Detail> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    List<Detail> snapshotRows() {
        return List.copyOf(rows);
    }
}
