package dev.netlens.ui.topology;

import dev.netlens.layout.Rect;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.PickResult;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/**
 * The pointer on the canvas: the wheel zooms, a drag pans, a click selects the vertex under it (from
 * the shapes, or from the layout while pictures stand in for them), and hovering a leaf shows its
 * tooltip.
 */
final class CanvasPointer {
    private final Region view;
    private final TopologyCanvasViewModel vm;
    private final CanvasCamera camera;
    private final StandInCover cover;
    private final ShapeReconciler shapes;
    private Point2D dragFrom;
    private boolean dragged;
    /**
     * The one hover tooltip, installed on the leaf under the pointer (a tooltip per leaf cost tens of
     * megabytes with thousands of vertices); its text is the vertex's at the moment it shows.
     */
    private final Tooltip tooltip = new Tooltip();
    private Node tooltipOwner;

    CanvasPointer(Region view, TopologyCanvasViewModel vm, CanvasCamera camera, StandInCover cover,
            ShapeReconciler shapes) {
        this.view = view;
        this.vm = vm;
        this.camera = camera;
        this.cover = cover;
        this.shapes = shapes;
        tooltip.getStyleClass().add("topo-tooltip");
        tooltip.setShowDelay(Duration.millis(250));
        tooltip.setOnShowing(e -> tooltip.setText(tooltipOwner == null ? ""
                : vm.tooltip((String) tooltipOwner.getUserData())));
    }

    void onScroll(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            camera.zoomAt(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
        }
        e.consume();
    }

    void onPressed(MouseEvent e) {
        view.requestFocus();
        camera.stopMove();
        // Any button pans (in presentation mode the primary button draws the pointer instead).
        if (e.getButton() != MouseButton.NONE) {
            dragFrom = new Point2D(e.getX() - camera.panX(), e.getY() - camera.panY());
            dragged = false;
        }
    }

    void onDragged(MouseEvent e) {
        if (dragFrom != null) {
            dragged = true;
            camera.setPan(e.getX() - dragFrom.getX(), e.getY() - dragFrom.getY());
        }
    }

    void onReleased(MouseEvent e) {
        if (dragFrom != null && !dragged && e.getButton() == MouseButton.PRIMARY) {
            String id = cover.isShown() ? vertexAt(e.getX(), e.getY()) : idAt(e.getPickResult().getIntersectedNode());
            if (id == null) {
                vm.selection().clear();
            } else {
                vm.selection().select(id);
            }
        }
        dragFrom = null;
    }

    /** Moves the tooltip to the leaf under the pointer, if it is not there already. */
    void onHover(MouseEvent e) {
        Node leaf = null;
        for (Node at = e.getPickResult().getIntersectedNode(); at != null && at != view; at = at.getParent()) {
            if (at.getUserData() instanceof String && at.getStyleClass().contains("leaf")
                    && at.getStyleClass().contains("topo-node")) {
                leaf = at;
                break;
            }
        }
        if (leaf == tooltipOwner) {
            return;
        }
        if (tooltipOwner != null) {
            Tooltip.uninstall(tooltipOwner, tooltip);
        }
        tooltipOwner = leaf;
        if (leaf != null) {
            Tooltip.install(leaf, tooltip);
        }
    }

    /**
     * The vertex drawn at a point of this view, from the layout: while pictures stand in for the
     * shapes there is nothing to pick. A leaf over any box, and the innermost of nested boxes.
     */
    private String vertexAt(double x, double y) {
        double wx = (x - camera.panX()) / camera.zoom();
        double wy = (y - camera.panY()) / camera.zoom();
        Set<String> visible = vm.visibleProperty().get();
        String best = null;
        double bestArea = Double.MAX_VALUE;
        boolean bestLeaf = false;
        for (var e : shapes.layout().rects().entrySet()) {
            Rect r = e.getValue();
            if (wx < r.x() || wx > r.maxX() || wy < r.y() || wy > r.maxY() || !visible.contains(e.getKey())) {
                continue;
            }
            boolean leaf = shapes.graph().node(e.getKey()).map(n -> !n.kind().isBox()).orElse(false);
            double area = r.w() * r.h();
            if (leaf && !bestLeaf || leaf == bestLeaf && area < bestArea) {
                best = e.getKey();
                bestArea = area;
                bestLeaf = leaf;
            }
        }
        return best;
    }

    /** The vertex under a point of the view, as a click picks it. */
    String vertexUnder(double x, double y, PickResult pick) {
        return cover.isShown() ? vertexAt(x, y) : idAt(pick == null ? null : pick.getIntersectedNode());
    }

    private static String idAt(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (at.getUserData() instanceof String id && at.getStyleClass().contains("topo-node")) {
                return id;
            }
        }
        return null;
    }
}
