package dev.netlens.ui.present;

import dev.netlens.ui.language.I18n;

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
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Presentation mode: whether it is on, the projector zoom (1x-3x: the overlays' text and lines
 * grow with it, and above 1.5x so does the zoom each reveal step is framed at), the theme, the
 * large legend, and the pinned node. While a packet trace is shown ({@link #hopsProperty}) the
 * steps are its hops, one by one with a caption each, instead of the layer-by-layer reveal.
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
    /** A shown packet trace's hops, or null: presentation then steps through them instead of the reveal. */
    private final ObjectProperty<HopSteps> hops = new SimpleObjectProperty<>();
    /** The hop presentation is at (0-based), or -1 while it walks the reveal (or is off). */
    private final ReadOnlyIntegerWrapper hopStep = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    private final I18n i18n;

    public PresentationViewModel(RevealViewModel reveal) {
        this(reveal, null);
    }

    /** With the texts of the hop steps' hint (the reveal has its own). */
    public PresentationViewModel(RevealViewModel reveal, I18n i18n) {
        this.reveal = reveal;
        this.i18n = i18n;
        reveal.captionProperty().addListener(o -> recaption());
        reveal.hintProperty().addListener(o -> recaption());
        reveal.localeProperty().addListener(o -> recaption());
        hops.addListener((o, a, b) -> hopsChanged(b));
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
            if (hops.get() != null && hops.get().count() > 0) {
                goHop(0);
            } else {
                reveal.start();
            }
            recaption();
        }
    }

    public void leave() {
        if (active.get()) {
            active.set(false);
            if (touring()) {
                hopStep.set(-1);
                hops.get().show(-1);
            }
            reveal.stop();
            pinned.set(null);
            recaption();
        }
    }

    /** Whether presentation steps through a trace's hops now (else through the reveal). */
    public boolean touring() {
        return active.get() && hopStep.get() >= 0 && hops.get() != null;
    }

    /** The next step: the next hop while touring, else the reveal's next layer. */
    public void next() {
        if (touring()) {
            goHop(hopStep.get() + 1);
        } else {
            reveal.next();
        }
    }

    public void previous() {
        if (touring()) {
            goHop(hopStep.get() - 1);
        } else {
            reveal.previous();
        }
    }

    public void first() {
        if (touring()) {
            goHop(0);
        } else {
            reveal.first();
        }
    }

    public void last() {
        if (touring()) {
            goHop(hops.get().count() - 1);
        } else {
            reveal.last();
        }
    }

    private void goHop(int i) {
        HopSteps h = hops.get();
        int n = Math.max(0, Math.min(h.count() - 1, i));
        h.show(n);
        hopStep.set(n);
        recaption();
    }

    /** A trace shown, cleared or recomputed while presenting: its hops from the first, or the reveal again. */
    private void hopsChanged(HopSteps now) {
        if (!active.get()) {
            return;
        }
        if (now != null && now.count() > 0) {
            reveal.stop();
            hopStep.set(-1);
            goHop(0);
        } else {
            hopStep.set(-1);
            reveal.start();
            recaption();
        }
    }

    private void recaption() {
        if (touring()) {
            HopSteps h = hops.get();
            int s = hopStep.get();
            caption.set(h.caption(s));
            hint.set(i18n == null ? (s + 1) + " / " + h.count() : i18n.get("hop.hint", s + 1, h.count()));
        } else {
            caption.set(reveal.captionProperty().get());
            hint.set(reveal.hintProperty().get());
        }
    }

    /** The caption shown now: the hop's while touring, else the reveal step's. */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    public ObjectProperty<HopSteps> hopsProperty() {
        return hops;
    }

    /** The hop presentation is at (0-based), -1 while not touring a trace. */
    public ReadOnlyIntegerProperty hopStepProperty() {
        return hopStep.getReadOnlyProperty();
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
