package dev.netlens.ui.topology;

import dev.netlens.layout.Rect;
import javafx.animation.Interpolator;
import javafx.animation.PauseTransition;
import javafx.animation.Transition;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.util.Duration;

/**
 * Where the canvas looks: a pan and a zoom applied to the world, the fits and animated framings, the
 * keys that move it, and whether it is moving (a pan or zoom less than {@link #SETTLE} ago).
 */
final class CanvasCamera {
    /** How long the camera must stay still before the canvas paints at full quality again. */
    private static final Duration SETTLE = Duration.millis(250);

    private final Region view;
    private final TopologyCanvasViewModel vm;
    private final ShapeReconciler shapes;
    private final Runnable moved;
    private final Translate pan = new Translate();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private boolean fitPending = true;
    private String centrePending;
    /** Whether the camera is moving (a pan or zoom less than {@link #SETTLE} ago). */
    private boolean moving;
    /** Set while the camera jumps on its own (the first fit): no pictures for that. */
    private boolean quietJump;
    private final PauseTransition settle = new PauseTransition(SETTLE);
    /** A camera move {@link #frame} is animating, or null; any other camera change stops it. */
    private Transition cameraMove;

    /**
     * A camera for {@code view}: {@code moved} runs at every change of pan or zoom, {@code settled}
     * once the camera has been still for {@link #SETTLE}.
     */
    CanvasCamera(Region view, TopologyCanvasViewModel vm, ShapeReconciler shapes, Runnable moved, Runnable settled) {
        this.view = view;
        this.vm = vm;
        this.shapes = shapes;
        this.moved = moved;
        pan.xProperty().addListener(o -> cameraMoved());
        pan.yProperty().addListener(o -> cameraMoved());
        scale.xProperty().addListener(o -> cameraMoved());
        settle.setOnFinished(e -> {
            moving = false;
            settled.run();
        });
    }

    /** Puts the pan and zoom on the world's transforms. */
    void applyTo(Node world) {
        world.getTransforms().addAll(pan, scale);
    }

    private void cameraMoved() {
        moving = !quietJump;
        settle.playFromStart();
        moved.run();
    }

    /** Whether the camera is moving (a pan or zoom less than {@link #SETTLE} ago). */
    boolean isMoving() {
        return moving;
    }

    /** How long the camera must be still before the shapes come back (tests on a loaded machine lengthen it). */
    void settleDelay(Duration delay) {
        settle.setDuration(delay);
    }

    /** Fits the drawing at the next layout pass (the first frame with anything in it). */
    void fitWhenLaidOut() {
        fitPending = true;
    }

    /** A fit or centring asked for before the view had a size, done now that it has one. */
    void layoutPending() {
        if (fitPending) {
            // Not a gesture: the shapes are painted at once (the pictures come once the camera settles).
            fitPending = false;
            quietJump = true;
            fitToWindow();
            quietJump = false;
        }
        if (centrePending != null) {
            String id = centrePending;
            centrePending = null;
            centreOn(id);
        }
    }

    /** Zooms and pans so everything visible fits, tunnel arcs included. */
    void fitToWindow() {
        stopMove();
        if (view.getWidth() <= 0) {
            fitPending = true;
            return;
        }
        Rect bounds = shapes.drawnBounds(vm.visibleProperty().get());
        if (bounds == null) {
            return;
        }
        fit(bounds, view.getWidth(), view.getHeight(), 1, 2.0);
    }

    /** As {@link TopologyCanvasView#fitAll(double, double, double)}. */
    void fitAll(double factor, double rightInset, double bottomInset) {
        stopMove();
        Rect bounds = shapes.drawnBounds(null);
        if (view.getWidth() <= 0 || bounds == null) {
            return;
        }
        fit(bounds, Math.max(100, view.getWidth() - rightInset), Math.max(100, view.getHeight() - bottomInset), factor, 4.0);
    }

    /** Centres {@code bounds} in the w x h top-left part of the view, as large as fits times {@code factor}. */
    private void fit(Rect bounds, double w, double h, double factor, double maxZoom) {
        double margin = 24;
        double z = Math.min((w - 2 * margin) / bounds.w(), (h - 2 * margin) / bounds.h()) * factor;
        setZoom(Math.max(0.05, Math.min(z, maxZoom)));
        setPan(w / 2 - bounds.centerX() * zoom(), h / 2 - bounds.centerY() * zoom());
    }

    /** Brings a vertex to the middle, zooming in to reading size if the view is far out. */
    void centreOn(String id) {
        stopMove();
        Rect r = shapes.layout().rects().get(id);
        if (r == null) {
            return;
        }
        if (view.getWidth() <= 0) {
            centrePending = id;
            return;
        }
        if (zoom() < 0.9) {
            setZoom(1.0);
        }
        setPan(view.getWidth() / 2 - r.centerX() * zoom(), view.getHeight() / 2 - r.centerY() * zoom());
    }

    /** As {@link TopologyCanvasView#frame}. */
    void frame(Rect region, double minZoom, double maxZoom, double rightInset, double bottomInset, Duration duration) {
        stopMove();
        if (view.getWidth() <= 0 || view.getHeight() <= 0 || region == null) {
            return;
        }
        double margin = 24;
        double w = Math.max(100, view.getWidth() - rightInset);
        double h = Math.max(100, view.getHeight() - bottomInset);
        double fit = Math.min((w - 2 * margin) / Math.max(1, region.w()), (h - 2 * margin) / Math.max(1, region.h()));
        double z = Math.max(0.05, Math.min(4.0, Math.max(minZoom, Math.min(fit, maxZoom))));
        double cx = w / 2;
        double cy = h / 2;
        // A region larger than the view at this zoom is shown from its top-left corner (where a
        // reading starts, and where the host's first shapes are), not its empty middle.
        double toX = region.w() * z > w - 2 * margin ? region.x() + (cx - margin) / z : region.centerX();
        double toY = region.h() * z > h - 2 * margin ? region.y() + (cy - margin) / z : region.centerY();
        double z0 = zoom();
        if (duration.lessThanOrEqualTo(Duration.ZERO) || z0 <= 0) {
            quietJump = true; // not a gesture: the shapes at once
            setZoom(z);
            setPan(cx - toX * z, cy - toY * z);
            quietJump = false;
            return;
        }
        // The world point now at the middle of that part travels to the region's chosen point.
        double fromX = (cx - pan.getX()) / z0;
        double fromY = (cy - pan.getY()) / z0;
        Transition move = new Transition() {
            {
                setCycleDuration(duration);
                setInterpolator(Interpolator.EASE_BOTH);
            }

            @Override
            protected void interpolate(double f) {
                double zf = z0 * Math.pow(z / z0, f);
                setZoom(zf);
                setPan(cx - (fromX + (toX - fromX) * f) * zf, cy - (fromY + (toY - fromY) * f) * zf);
            }
        };
        move.setOnFinished(e -> {
            if (cameraMove == move) {
                cameraMove = null;
            }
        });
        cameraMove = move;
        move.play();
    }

    /** Whether {@link #frame} is still moving the camera. */
    boolean isAnimating() {
        return cameraMove != null;
    }

    /** Stops a move {@link #frame} is animating, if any. */
    void stopMove() {
        if (cameraMove != null) {
            Transition move = cameraMove;
            cameraMove = null;
            move.stop();
        }
    }

    /** Moves the view over the world by screen pixels (positive dx shows more of what is to the right). */
    void panBy(double dx, double dy) {
        stopMove();
        setPan(pan.getX() - dx, pan.getY() - dy);
    }

    void zoomBy(double factor) {
        zoomAt(factor, view.getWidth() / 2, view.getHeight() / 2);
    }

    /** Zooms by {@code factor} keeping the world point under (x, y) of the view where it is. */
    void zoomAt(double factor, double x, double y) {
        stopMove();
        double z = Math.max(0.05, Math.min(zoom() * factor, 4.0));
        double wx = (x - pan.getX()) / zoom();
        double wy = (y - pan.getY()) / zoom();
        setZoom(z);
        setPan(x - wx * z, y - wy * z);
    }

    double zoom() {
        return scale.getX();
    }

    /** Where the world's origin appears in the view, horizontally. */
    double panX() {
        return pan.getX();
    }

    /** Where the world's origin appears in the view, vertically. */
    double panY() {
        return pan.getY();
    }

    /** The part of the world the canvas shows now, in world coordinates. */
    Rect visibleWorld() {
        double z = zoom();
        return new Rect(-pan.getX() / z, -pan.getY() / z, view.getWidth() / z, view.getHeight() / z);
    }

    /** Where a world point appears in the view's coordinates. */
    Point2D toView(double wx, double wy) {
        return new Point2D(pan.getX() + wx * zoom(), pan.getY() + wy * zoom());
    }

    private void setZoom(double z) {
        scale.setX(z);
        scale.setY(z);
    }

    /** Pans by whole pixels: the shapes and the stand-in's tiles then sit on the pixel grid (crisp, and cheap to draw). */
    void setPan(double x, double y) {
        pan.setX(Math.rint(x));
        pan.setY(Math.rint(y));
    }

    /** Ctrl +/- zooms, Ctrl+0 fits, arrows pan. */
    void onKey(KeyEvent e) {
        if (!e.isShortcutDown() && panKey(e)) {
            e.consume();
            return;
        }
        if (!e.isShortcutDown()) {
            return;
        }
        if (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.EQUALS || e.getCode() == KeyCode.ADD) {
            zoomBy(1.25);
        } else if (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT) {
            zoomBy(0.8);
        } else if (e.getCode() == KeyCode.DIGIT0 || e.getCode() == KeyCode.NUMPAD0) {
            fitToWindow();
        } else {
            return;
        }
        e.consume();
    }

    /**
     * Arrow keys pan by a quarter of the view (Shift too: in presentation mode the plain arrows step
     * the reveal before they get here, and Shift+arrows pan).
     */
    private boolean panKey(KeyEvent e) {
        double dx = view.getWidth() / 4;
        double dy = view.getHeight() / 4;
        switch (e.getCode()) {
            case LEFT, KP_LEFT -> panBy(-dx, 0);
            case RIGHT, KP_RIGHT -> panBy(dx, 0);
            case UP, KP_UP -> panBy(0, -dy);
            case DOWN, KP_DOWN -> panBy(0, dy);
            default -> {
                return false;
            }
        }
        return true;
    }
}
