package dev.netlens.ui.topology;

import dev.netlens.layout.LinkPath;
import dev.netlens.layout.Rect;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.transform.Scale;

/**
 * Pictures of the drawing ({@link StandInTiles}) covering the view in place of its shapes: while the
 * camera moves, and at rest once the view is pictured at its zoom. Otherwise the shapes in view (and
 * a margin) are shown and the rest hidden. Any change to what the shapes look like drops the
 * pictures ({@link #drop}). Why: decision 0006.
 */
final class StandInCover {
    /** Screen pixels around the viewport still counted as in view when culling. */
    static final double CULL_MARGIN = 32;
    /**
     * How long the drawing must stay the same before pictures of it are taken: a live engine may
     * change it several times a second, and each part taken is a snapshot of shapes, wasted at the
     * next change (a soak of 5 changes a second kept the FX thread taking pictures).
     */
    private static final javafx.util.Duration CHANGE_SETTLE = javafx.util.Duration.millis(1000);
    private final javafx.animation.PauseTransition changeSettle = new javafx.animation.PauseTransition(CHANGE_SETTLE);
    /** {@link #drawingBounds} of {@link #drawingOf}. */
    private Rect drawing;
    private dev.netlens.layout.Layout drawingOf;

    private final Region view;
    /** The canvas's background (see {@link TopologyCanvasView}): hidden under an opaque picture. */
    private final Region paper;
    /** The drawing itself: the three layers. */
    private final CoverableGroup content;
    /** Pictures of the drawing standing in for its shapes while the camera moves (see {@link StandInTiles}). */
    private final StandInTiles standIn;
    private final CanvasCamera camera;
    private final ShapeReconciler shapes;
    /** Whether the stand-in should cover the view at the next pulse (the camera moved). */
    private boolean coverWanted;
    private final Runnable coverAtPulse = this::coverView;
    private final InvalidationListener styleChanged = o -> drop();
    private int cellsShown;

    StandInCover(Region view, Region paper, CoverableGroup content, StandInTiles standIn, CanvasCamera camera,
            ShapeReconciler shapes) {
        this.view = view;
        this.paper = paper;
        this.content = content;
        this.standIn = standIn;
        this.camera = camera;
        this.shapes = shapes;
        changeSettle.setOnFinished(e -> {
            if (!camera.isMoving()) {
                coverAtNextPulse();
            }
        });
        // The stand-in's tiles are painted after the layout pass of a pulse, once per pulse however
        // many camera events came before it. A theme or language (the root's classes and sheets)
        // changes what the shapes look like: the pictures go.
        view.sceneProperty().addListener((o, a, b) -> {
            if (a != null) {
                a.removePostLayoutPulseListener(coverAtPulse);
                a.getRoot().getStyleClass().removeListener(styleChanged);
                a.getRoot().getStylesheets().removeListener(styleChanged);
            }
            if (b != null) {
                b.addPostLayoutPulseListener(coverAtPulse);
                b.getRoot().getStyleClass().addListener(styleChanged);
                b.getRoot().getStylesheets().addListener(styleChanged);
            }
        });
    }

    /** Asks for the stand-in to cover the view at the next pulse (after its layout pass). */
    void coverAtNextPulse() {
        coverWanted = true;
        Platform.requestNextPulse();
    }

    /** The shapes on screen, those that meet the view (and a margin) shown, the others hidden. */
    void showShapesInView() {
        showShapes();
        double z = camera.zoom();
        double m = CULL_MARGIN / z;
        double x0 = -camera.panX() / z - m;
        double y0 = -camera.panY() / z - m;
        cellsShown = shapes.cullShapes(x0, y0, x0 + view.getWidth() / z + 2 * m, y0 + view.getHeight() / z + 2 * m);
    }

    /** Whether the pictures hold all of the view at the view's own zoom, sharp: they can stand in at rest. */
    boolean pictured() {
        return view.getScene() != null
                && standIn.viewPictured(camera.visibleWorld(), drawingBounds(), camera.zoom() * deviceScale());
    }

    /** Device pixels per scene pixel (a HiDPI screen has several): pictures are taken in device pixels. */
    private double deviceScale() {
        return view.getScene() == null || view.getScene().getWindow() == null ? 1
                : view.getScene().getWindow().getOutputScaleX();
    }

    /**
     * At a pulse after the camera moved: the stand-in covers the view and the shapes are hidden. At a
     * pulse after it stopped: a little more of the pictures the next gesture may need is taken (see
     * {@link StandInTiles#prepare}), one part per pulse, while the shapes stay on screen; once the view
     * is pictured at its own zoom, the pictures stand in at rest too. In a software renderer a picture
     * is drawn in a few milliseconds where the shapes of a large host take up to a second, and any
     * change to the drawing drops the pictures at once ({@link #drop}); without this, every
     * part taken at rest (which hides and shows shapes for its snapshot) made the next frame draw every
     * shape in view again, and a gesture starting then waited for it (issue 12: a first frame of a
     * second at fit on 200 containers).
     */
    private void coverView() {
        if (!coverWanted) {
            return;
        }
        coverWanted = false;
        if (shapes.fading() || shapes.layout().rects().isEmpty() || view.getWidth() <= 0) {
            return;
        }
        Rect world = camera.visibleWorld();
        double device = deviceScale();
        double pixelZoom = camera.zoom() * device;
        if (camera.isMoving()) {
            standIn.coverMoving(world, drawingBounds(), pixelZoom, this::paintTiles);
        } else if (!standIn.prepared(world, drawingBounds(), pixelZoom)) {
            if (standIn.prepare(world, drawingBounds(), pixelZoom, device, this::paintTiles)) {
                coverWanted = true; // more at the next pulse
                Platform.requestNextPulse();
            }
            if (!standIn.viewPictured(world, drawingBounds(), pixelZoom)) {
                showShapesInView(); // the shapes in view, as they were before the snapshot
                return;
            }
        }
        standIn.show(camera.panX() * device, camera.panY() * device, pixelZoom,
                (int) Math.ceil(view.getWidth() * device), (int) Math.ceil(view.getHeight() * device), device,
                argbPre(canvasFill()));
        content.setOpacity(0); // skipped by the renderer, without touching the subtree
        content.setCovered(true); // and by the scene's bounds pass
        paper.setVisible(false); // the picture is opaque: nothing to fill under it
        standIn.setVisible(true);
    }

    /** Where anything is drawn, tunnel arcs included (world coordinates). */
    private Rect drawingBounds() {
        if (drawing == null || drawingOf != shapes.layout()) {
            Rect b = shapes.layout().bounds(); // a union over every vertex: once per layout, not several times a pulse
            double top = b.y() - LinkPath.TUNNEL_RISE;
            drawing = new Rect(b.x() - 16, top - 16, b.w() + 32, b.y() + b.h() - top + 32);
            drawingOf = shapes.layout();
        }
        return drawing;
    }

    /**
     * Tiles of the stand-in, pictured at zoom z (device pixels) on the canvas's background: the shapes
     * near them shown and, while the shapes are on screen, those in view too. Why: hiding the view's
     * shapes for a snapshot and showing them again marked them all changed, and the next frame
     * painted every shape in view again (at fit on 200 containers, most of a second per part taken
     * at rest); cells shown only for the snapshot lie outside the view, and hiding them again paints
     * nothing. Covered by the pictures, only the part's own cells are shown (a cheaper snapshot).
     */
    private Image paintTiles(double z, int px, int py, int w, int h) {
        double m = CULL_MARGIN / z;
        double x0 = px / z - m;
        double y0 = py / z - m;
        double x1 = (px + w) / z + m;
        double y1 = (py + h) / z + m;
        boolean covered = content.isCovered();
        if (!covered) {
            double vz = camera.zoom();
            double vm = CULL_MARGIN / vz;
            double vx = -camera.panX() / vz - vm;
            double vy = -camera.panY() / vz - vm;
            x0 = Math.min(x0, vx);
            y0 = Math.min(y0, vy);
            x1 = Math.max(x1, vx + view.getWidth() / vz + 2 * vm);
            y1 = Math.max(y1, vy + view.getHeight() / vz + 2 * vm);
        }
        double opacity = content.getOpacity();
        content.setOpacity(1);
        content.setCovered(false);
        shapes.cullShapes(x0, y0, x1, y1);
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(canvasFill());
        p.setTransform(new Scale(z, z));
        p.setViewport(new Rectangle2D(px, py, w, h));
        Image picture = content.snapshot(p, null);
        // As it was on screen: the next part taken in this pulse is culled the same way, and a covered
        // drawing is not drawn under its picture in the meantime.
        content.setOpacity(opacity);
        content.setCovered(covered);
        return picture;
    }

    /** The canvas's background colour (themes set it): the tiles are painted on it. */
    private Color canvasFill() {
        Background bg = paper.getBackground();
        if (bg != null && !bg.getFills().isEmpty() && bg.getFills().get(0).getFill() instanceof Color c) {
            return c;
        }
        return Color.TRANSPARENT;
    }

    private static int argbPre(Color c) {
        double a = c.getOpacity();
        return (int) Math.round(a * 255) << 24 | (int) Math.round(c.getRed() * a * 255) << 16
                | (int) Math.round(c.getGreen() * a * 255) << 8 | (int) Math.round(c.getBlue() * a * 255);
    }

    /** The shapes on screen again, the pictures kept (hidden) for the next gesture. */
    private void showShapes() {
        paper.setVisible(true);
        content.setOpacity(1);
        content.setCovered(false);
        standIn.setVisible(false);
        standIn.releaseScreens(); // the window-sized pictures; the tiles stay for the next gesture
    }

    /** Forgets the pictures (they no longer show what the shapes look like) and shows the shapes. */
    void drop() {
        coverWanted = false;
        standIn.forget();
        showShapes();
        drawingSettling(); // pictures of the new drawing taken once it stops changing
    }

    /** The drawing changed, or its last fade ended: its pictures are taken once it stays the same a while. */
    void drawingSettling() {
        if (view.getScene() != null && !camera.isMoving()) {
            changeSettle.playFromStart();
        }
    }

    /** Whether pictures stand in for the shapes now. */
    boolean isShown() {
        return content.getOpacity() == 0 && standIn.isVisible() && standIn.hasPictures();
    }

    /** Counts every change to the pictures (see {@link StandInTiles#version}). */
    long version() {
        return standIn.version();
    }

    /** How many pictures (tiles, and the backdrop as one) are kept. */
    int tiles() {
        return standIn.tileCount() + (standIn.hasBackdrop() ? 1 : 0);
    }

    /** Whether the pictures the next gesture needs from this view are all taken (the view, its margin, the backdrop). */
    boolean prepared() {
        return !shapes.layout().rects().isEmpty() && view.getScene() != null
                && standIn.prepared(camera.visibleWorld(), drawingBounds(), camera.zoom() * deviceScale());
    }

    /** How many cells (groups of nearby shapes) the last cull to the view showed. */
    int cellsShown() {
        return cellsShown;
    }
}
