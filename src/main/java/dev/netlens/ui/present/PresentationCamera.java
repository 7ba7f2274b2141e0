package dev.netlens.ui.present;

import dev.netlens.layout.Rect;
import dev.netlens.ui.topology.TopologyCanvasView;
import dev.netlens.ui.topology.TopologyCanvasViewModel;
import java.util.Map;
import java.util.Set;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.shape.Shape;
import javafx.util.Duration;

/**
 * Where the camera looks in presentation mode: each reveal step frames what it adds (the layout
 * rectangles of the vertices it reveals, and its links' lines: a tunnel's arc rises above the
 * hosts) beside the legend and above the caption, at a readable zoom at least
 * ({@link PresentationViewModel#readableZoom}); a region too large for the screen at that zoom is
 * shown from its top-left corner and the presenter pans to the rest (Shift+arrows, right-drag). The last step ("all",
 * End) fits the whole picture whatever the zoom. A step adding nothing the filters let through
 * frames everything it shows.
 */
public final class PresentationCamera {
    /** How long the camera takes to move to the next step's region. */
    public static final Duration MOVE = Duration.millis(350);
    private final PresentationViewModel vm;
    private final TopologyCanvasView canvas;
    private final TopologyCanvasViewModel canvasModel;
    private final PresentationView overlay;

    public PresentationCamera(PresentationViewModel vm, TopologyCanvasView canvas, TopologyCanvasViewModel canvasModel,
                              PresentationView overlay) {
        this.vm = vm;
        this.canvas = canvas;
        this.canvasModel = canvasModel;
        this.overlay = overlay;
        // Once the step has changed everything it changes: the caption below may take another
        // line, which moves the middle of the room left for the drawing.
        vm.reveal().stepProperty().addListener((o, a, b) -> Platform.runLater(() -> {
            if (vm.isActive()) {
                frameStep(true);
            }
        }));
        vm.hopStepProperty().addListener((o, a, b) -> Platform.runLater(() -> {
            if (vm.touring()) {
                frameStep(true);
            }
        }));
    }

    /** Frames the current step, moving there briefly ({@link #MOVE}) or at once. */
    public void frameStep(boolean animate) {
        if (vm.touring()) {
            frameHop(animate);
            return;
        }
        int step = vm.reveal().stepProperty().get();
        Rect region = region(step);
        if (region == null) {
            return;
        }
        double[] insets = insets();
        boolean all = vm.reveal().isLast(step);
        canvas.frame(region, all ? 0 : vm.readableZoom(), vm.closestZoom(), insets[0], insets[1],
                animate ? MOVE : Duration.ZERO);
    }

    /**
     * Frames the hop presentation is at, with the hop before it (where the packet comes from), at a
     * readable zoom at least.
     */
    private void frameHop(boolean animate) {
        Rect region = hopRegion(vm.hopStepProperty().get());
        if (region == null) {
            return;
        }
        double[] insets = insets();
        canvas.frame(region, vm.readableZoom(), vm.closestZoom(), insets[0], insets[1], animate ? MOVE : Duration.ZERO);
    }

    /** The world rectangle a hop step frames: its vertices and the previous step's, or null when none is drawn. */
    public Rect hopRegion(int step) {
        HopSteps hops = vm.hopsProperty().get();
        if (hops == null || step < 0 || step >= hops.count()) {
            return null;
        }
        Map<String, Rect> rects = canvasModel.frameProperty().get().layout().rects();
        Rect out = null;
        for (int s = Math.max(0, step - 1); s <= step; s++) {
            for (String id : hops.focus(s)) {
                Rect r = rects.get(id);
                if (r != null) {
                    out = out == null ? r : out.union(r);
                }
            }
        }
        return out;
    }

    /** Room the overlays take at the right and at the bottom of the canvas. */
    public double[] insets() {
        return overlay == null ? new double[2] : overlay.insets();
    }

    /**
     * The world rectangle a step frames: what it reveals (all it shows, for the last step or when it
     * reveals nothing the filters let through), or null when nothing at all is shown.
     */
    public Rect region(int step) {
        RevealViewModel reveal = vm.reveal();
        Set<String> passing = canvasModel.filter().visible(canvasModel.graph());
        Rect r = reveal.isLast(step) ? null : bounds(reveal.revealedAt(step), passing);
        return r != null ? r : bounds(reveal.shownAt(step), passing);
    }

    /** The ids a step's frame is made of: the vertices (and links) it reveals that the filters let through. */
    private Rect bounds(Set<String> ids, Set<String> passing) {
        Map<String, Rect> rects = canvasModel.frameProperty().get().layout().rects();
        Rect out = null;
        for (String id : ids) {
            Rect r = rects.get(id);
            if (r != null && passing.contains(id)) {
                out = out == null ? r : out.union(r);
            }
        }
        if (out == null) {
            return null;
        }
        // Links add only where they leave the vertices' bounds (a tunnel's arc): their lines, as drawn.
        var graph = canvasModel.graph();
        double z = canvas.zoom();
        Rect view = canvas.visibleWorld();
        for (String id : ids) {
            var link = graph.link(id).orElse(null);
            if (link == null || !passing.contains(link.source()) || !passing.contains(link.target())) {
                continue;
            }
            Shape s = canvas.linkOf(id).orElse(null);
            if (s == null || s.getScene() == null || z <= 0) {
                continue;
            }
            Bounds b = canvas.sceneToLocal(s.localToScene(s.getBoundsInLocal()));
            out = out.union(new Rect(view.x() + b.getMinX() / z, view.y() + b.getMinY() / z, b.getWidth() / z, b.getHeight() / z));
        }
        return out;
    }
}
