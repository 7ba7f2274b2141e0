package dev.netlens.ui.properties;

import dev.netlens.graph.Detail;
import dev.netlens.graph.TopoNode;
import dev.netlens.ui.state.TopologyState;
import dev.netlens.ui.language.I18n;
import dev.netlens.ui.selection.SelectionModel;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected vertex's details, as name/value rows in the UI language (the names translated, the
 * values as the engine and the kernel give them). Follows the shared selection.
 */
public final class PropertyPanelViewModel {
    private final TopologyState state;
    private final SelectionModel selection;
    private final I18n i18n;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ObservableList<PropertyRow> rows = FXCollections.observableArrayList();

    public PropertyPanelViewModel(TopologyState state, SelectionModel selection, I18n i18n) {
        this.state = state;
        this.selection = selection;
        this.i18n = i18n;
        selection.selectedProperty().addListener(o -> update());
        state.frameProperty().addListener(o -> update());
        i18n.localeProperty().addListener(o -> update());
        update();
    }

    private void update() {
        String id = selection.selected();
        TopoNode n = id == null ? null : state.frame().graph().node(id).orElse(null);
        if (n == null) {
            title.set(i18n.get("properties.nothing"));
            rows.clear();
            return;
        }
        String kind = n.kind().name().toLowerCase(Locale.ROOT);
        title.set(n.label() + "  (" + i18n.getOr("kind." + kind, kind) + ")");
        rows.setAll(n.details().stream().filter(d -> d.value() != null && !d.value().isEmpty())
                .map(d -> new PropertyRow(name(d), value(d))).toList());
    }

    /** The fact's name in the UI language (English where the bundle has none), then what it is about. */
    private String name(Detail d) {
        String name = i18n.getOr(d.fact().key(), d.fact().english());
        return d.qualifier() == null ? name : name + " " + d.qualifier();
    }

    /** The value as given, or the graph's own word for it in the UI language. */
    private String value(Detail d) {
        return d.phrase() == null ? d.value() : i18n.getOr(d.phrase().key(), d.value());
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ObservableList<PropertyRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    List<PropertyRow> snapshotRows() {
        return List.copyOf(rows);
    }
}
