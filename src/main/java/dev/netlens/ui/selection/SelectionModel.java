package dev.netlens.ui.selection;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The one selection every panel shares: the id of a graph vertex, or null. */
public final class SelectionModel {
    private final ReadOnlyObjectWrapper<String> selected = new ReadOnlyObjectWrapper<>();

    public void select(String id) {
        selected.set(id);
    }

    public void clear() {
        selected.set(null);
    }

    public String selected() {
        return selected.get();
    }

    public ReadOnlyObjectProperty<String> selectedProperty() {
        return selected.getReadOnlyProperty();
    }
}
