package dev.netlens.ui.present;

import dev.netlens.render.Theme;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.BooleanProperty;

/**
 * Presentation mode: whether it is on, the projector zoom (1x-3x: the drawing and the overlays'
 * text and lines grow together), the theme, the large legend, and the pinned node.
 */
public final class PresentationViewModel {
    public static final double MIN_ZOOM = 1;
    public static final double MAX_ZOOM = 3;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    private final DoubleProperty zoom = new SimpleDoubleProperty(1.5);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final BooleanProperty legendShown = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<String> pinned = new ReadOnlyObjectWrapper<>();
    private final RevealViewModel reveal;

    public PresentationViewModel(RevealViewModel reveal) {
        this.reveal = reveal;
        zoom.addListener((o, a, b) -> {
            double z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, b.doubleValue()));
            if (z != b.doubleValue()) {
                zoom.set(z);
            }
        });
    }

    public void enter() {
        if (!active.get()) {
            active.set(true);
            reveal.start();
        }
    }

    public void leave() {
        if (active.get()) {
            active.set(false);
            reveal.stop();
            pinned.set(null);
        }
    }

    /** Pins a node's callout, or unpins it when it is already pinned. */
    public void togglePin(String id) {
        pinned.set(id == null || id.equals(pinned.get()) ? null : id);
    }

    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    public boolean isActive() {
        return active.get();
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public BooleanProperty legendShownProperty() {
        return legendShown;
    }

    public ReadOnlyObjectProperty<String> pinnedProperty() {
        return pinned.getReadOnlyProperty();
    }

    public RevealViewModel reveal() {
        return reveal;
    }
}
