package dev.netlens.ui.topology;

import dev.netlens.layout.Rect;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;

/** A trace's numbered hop badges, at screen size over everything (see {@link TraceMarks}). */
final class TraceBadges {
    private final TopologyCanvasViewModel vm;
    private final Pane pane;
    private final ShapeReconciler shapes;
    private final CanvasCamera camera;
    private final Map<String, Label> badgeViews = new LinkedHashMap<>();
    private double badgeScale = 1;

    TraceBadges(TopologyCanvasViewModel vm, Pane pane, ShapeReconciler shapes, CanvasCamera camera) {
        this.vm = vm;
        this.pane = pane;
        this.shapes = shapes;
        this.camera = camera;
    }

    /** One label per badged vertex, made again when the trace changes (a few dozen at most). */
    void rebuild() {
        TraceMarks marks = vm.traceProperty().get();
        pane.getChildren().clear();
        badgeViews.clear();
        marks.badges().forEach((id, text) -> {
            Label b = new Label(text);
            b.getStyleClass().add("trace-badge");
            b.setUserData(id);
            b.pseudoClassStateChanged(ShapeReconciler.TRACE_CURRENT, marks.current().contains(id));
            b.pseudoClassStateChanged(ShapeReconciler.TRACE_STOP, id.equals(marks.stop()));
            b.setScaleX(badgeScale);
            b.setScaleY(badgeScale);
            pane.getChildren().add(b);
            badgeViews.put(id, b);
        });
        place();
    }

    /**
     * Each badge straddles its vertex's top-left corner (a box's: just inside it, beside its name),
     * at a fixed screen size however far out the view is: read from the back of a classroom.
     */
    void place() {
        Set<String> visible = vm.visibleProperty().get();
        for (var e : badgeViews.entrySet()) {
            Label b = e.getValue();
            Rect r = shapes.layout().rects().get(e.getKey());
            boolean shown = r != null && visible.contains(e.getKey());
            b.setVisible(shown);
            if (!shown) {
                continue;
            }
            b.applyCss();
            double w = b.prefWidth(-1);
            double h = b.prefHeight(-1);
            boolean box = shapes.graph().node(e.getKey()).map(n -> n.kind().isBox()).orElse(false);
            Point2D at = camera.toView(r.x(), r.y());
            double x = box ? at.getX() + 4 : at.getX() - w * 0.6;
            double y = box ? at.getY() + 4 : at.getY() - h * 0.6;
            b.resizeRelocate(Math.rint(x), Math.rint(y), w, h);
        }
    }

    /** Badges grow with presentation's projector zoom. */
    void setScale(double scale) {
        badgeScale = scale;
        badgeViews.values().forEach(b -> {
            b.setScaleX(scale);
            b.setScaleY(scale);
        });
        place();
    }

    /** The badge text drawn on a vertex now, if any. */
    Optional<String> badgeOf(String id) {
        Label b = badgeViews.get(id);
        return b == null || !b.isVisible() ? Optional.empty() : Optional.of(b.getText());
    }
}
