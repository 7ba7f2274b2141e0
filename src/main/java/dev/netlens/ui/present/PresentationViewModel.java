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
 * Presentation mode: whether it is on, the projector zoom (1x-3x: the overlays' text and lines
 * grow with it, and above 1.5x so does the zoom each reveal step is framed at), the theme, the
 * large legend, and the pinned node.
 */
public final class PresentationViewModel {
    public static final double MIN_ZOOM = 1;
    public static final double MAX_ZOOM = 3;
    /** The projector zoom a presentation starts with. */
    public static final double DEFAULT_ZOOM = 1.5;
    /**
     * The smallest canvas zoom a reveal step is framed at: names 12 px on screen
     * ({@link dev.netlens.layout.TypeScale#LABEL} at zoom 1), about the smallest a class reads on a
     * projected 1080p picture (below that a step is centred at this zoom and the presenter pans to
     * the rest). A larger projector zoom raises it in proportion above the default 1.5x.
     */
    public static final double READABLE_ZOOM = 12 / dev.netlens.layout.TypeScale.LABEL;
    /** The largest canvas zoom a step is framed at (32 px names), so a step adding a few small shapes does not fill the screen with them. */
    public static final double CLOSEST_ZOOM = 2.0;
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(false);
    private final DoubleProperty zoom = new SimpleDoubleProperty(DEFAULT_ZOOM);
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

    /** The smallest canvas zoom a step is framed at, for the projector zoom now (see {@link #READABLE_ZOOM}). */
    public double readableZoom() {
        return READABLE_ZOOM * Math.max(1, zoom.get() / DEFAULT_ZOOM);
    }

    /** The largest canvas zoom a step is framed at, for the projector zoom now (see {@link #CLOSEST_ZOOM}). */
    public double closestZoom() {
        return CLOSEST_ZOOM * Math.max(1, zoom.get() / DEFAULT_ZOOM);
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
