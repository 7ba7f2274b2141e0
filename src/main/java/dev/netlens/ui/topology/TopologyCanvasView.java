package dev.netlens.ui.topology;

import dev.netlens.layout.Rect;
import dev.netlens.ui.state.TopologyFrame;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.PickResult;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.util.Duration;

/**
 * The topology drawn as JavaFX nodes, reconciled by id: a new frame adds and removes only what
 * changed and moves nothing that kept its place. Three layers: boxes (hosts, namespaces), links over
 * them, and the small shapes (interfaces, containers, ports) on top so lines never cover a label.
 * Zoom with the wheel or Ctrl +/-, pan by dragging, Ctrl+0 fits.
 *
 * <p>Kept fast for graphs of thousands of vertices (issues 3 and 6): each layer groups its shapes by
 * place ({@link CellLayer}) and only the groups that meet the viewport are shown, recomputed at every
 * camera change; below {@link #TEXT_ZOOM} the text (unreadable there) is hidden, and below
 * {@link OverviewNames#ZOOM} the names of hosts, networks and containers are drawn at a readable
 * screen size over the canvas ({@link OverviewNames}) instead of in the world. While the camera
 * moves, pictures of the drawing taken at rest ({@link StandInTiles}) stand in for the shapes, which
 * come back 250 ms after it stops; any change to the drawing (a frame, a selection, a filter, a
 * theme) drops the pictures. A vertex's own {@code visible} flag stays the filters' answer;
 * {@link #isDrawn} says whether it is painted.
 *
 * <p>This class owns the layers and wires the parts that do the work together:
 * {@link ShapeReconciler} (the shapes: reconciled, routed, styled, which texts are drawn),
 * {@link CanvasCamera} (pan, zoom, fits, framings, keys), {@link StandInCover} (the pictures standing
 * in for the shapes, and culling the shapes to the view), {@link CanvasPointer} (wheel, drag, click,
 * tooltip) and {@link TraceBadges}. What stays here is {@link #cull}: what every camera change
 * decides (level of detail, then pictures or the shapes in view).
 */
public final class TopologyCanvasView extends Region {
    /**
     * Below this zoom the canvas hides its text: a 16 px name is under 6 px on screen there, too small
     * to read, and text is most of what the software pipeline paints.
     */
    public static final double TEXT_ZOOM = 0.36;

    private final Pane world = new Pane();
    /**
     * The canvas's background, a layer of its own so that a picture covering the view can hide it: a
     * software renderer otherwise fills the whole canvas with it at every frame, under the picture
     * (a third of a gesture's render time, measured).
     */
    private final Region paper = new Region();
    /** The drawing itself: the three layers. */
    private final CoverableGroup content = new CoverableGroup();
    /** Pictures of the drawing standing in for its shapes while the camera moves (see {@link StandInTiles}). */
    private final StandInTiles standIn = new StandInTiles();
    /** Names at screen size below {@link OverviewNames#ZOOM}, above the pictures (why: {@link OverviewNames}). */
    private final OverviewNames overview;
    /** A trace's numbered hop badges, at screen size over everything (see {@link TraceMarks}). */
    private final Pane badgeLayer = new Pane();
    /** Boxes and the links between them, one {@link CellLayer} per z level (made by {@link ShapeReconciler}). */
    private final Group boxLayer = new Group();
    private final CellLayer linkLayer = new CellLayer();
    private final CellLayer leafLayer = new CellLayer();
    /** Traffic marks over the links, above the drawing and its pictures (why: {@link TrafficMarks}). */
    private final TrafficMarks traffic;
    private final ShapeReconciler shapes;
    private final CanvasCamera camera;
    private final StandInCover cover;
    private final TraceBadges badges;
    private final CanvasPointer pointer;

    public TopologyCanvasView(TopologyCanvasViewModel vm) {
        overview = new OverviewNames(vm);
        shapes = new ShapeReconciler(vm, boxLayer, linkLayer, leafLayer, this::dropStandIn, this::cull,
                this::fadesEnded);
        camera = new CanvasCamera(this, vm, shapes, this::cull, this::settled);
        cover = new StandInCover(this, paper, content, standIn, camera, shapes);
        traffic = new TrafficMarks(shapes::linkOf);
        badges = new TraceBadges(vm, badgeLayer, shapes, camera);
        pointer = new CanvasPointer(this, vm, camera, cover, shapes);
        getStyleClass().add("topology-canvas");
        world.getStyleClass().add("world");
        world.setManaged(false);
        content.getChildren().addAll(boxLayer, linkLayer, leafLayer);
        content.setAutoSizeChildren(false);
        world.getChildren().add(content);
        camera.applyTo(world);
        camera.applyTo(traffic);
        boxLayer.setAutoSizeChildren(false);
        badgeLayer.setMouseTransparent(true);
        badgeLayer.setManaged(false);
        badgeLayer.getStyleClass().add("trace-badges");
        paper.getStyleClass().add("canvas-paper");
        paper.setManaged(false);
        getChildren().addAll(paper, world, standIn, traffic, overview, badgeLayer);
        widthProperty().addListener(o -> cull());
        heightProperty().addListener(o -> cull());
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setFocusTraversable(true);

        vm.frameProperty().addListener((o, a, b) -> render(b));
        vm.visibleProperty().addListener((o, a, b) -> shapes.restyle());
        vm.pathProperty().addListener((o, a, b) -> shapes.restyle());
        vm.staleHostsProperty().addListener((o, a, b) -> shapes.restyle());
        vm.ruleMatchProperty().addListener((o, a, b) -> shapes.restyle());
        vm.traceProperty().addListener((o, a, b) -> {
            badges.rebuild();
            shapes.restyle();
        });
        vm.centreProperty().addListener((o, a, b) -> {
            if (b != null) {
                centreOn(b.id());
            }
        });
        addEventHandler(ScrollEvent.SCROLL, pointer::onScroll);
        addEventHandler(MouseEvent.MOUSE_PRESSED, pointer::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, pointer::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, pointer::onReleased);
        addEventHandler(KeyEvent.KEY_PRESSED, camera::onKey);
        addEventFilter(MouseEvent.MOUSE_MOVED, pointer::onHover);
        render(vm.frameProperty().get());
    }

    private void render(TopologyFrame frame) {
        if (shapes.render(frame)) {
            camera.fitWhenLaidOut();
            requestLayout();
        }
    }

    private void dropStandIn() {
        cover.drop();
    }

    /** The camera has been still a while. */
    private void settled() {
        cull();
        // The next gesture should start on pictures of this view: taken at the next pulse.
        cover.coverAtNextPulse();
    }

    /**
     * Shows the cells that meet the viewport (and a margin), hides the rest, and switches the text
     * on or off at {@link #TEXT_ZOOM}. Called at every change of pan, zoom or size and after each
     * frame: its cost is the number of cells (a few hundred), not the number of shapes.
     */
    private void cull() {
        double z = camera.zoom();
        if (getWidth() <= 0 || getHeight() <= 0 || z <= 0) {
            return;
        }
        badges.place();
        traffic.follow(); // marks copy their lines: drawn anew, restyled (dimmed, filtered) or moved
        // Marks are wide anti-aliased strokes painted at every frame while the camera moves (a few
        // dozen took a gesture's p95 from 15 to 40 ms at 200 containers): shown at rest only.
        traffic.setVisible(!camera.isMoving());
        // The level of detail (world text, overview names) changes when the camera rests, never within
        // a gesture: switching it drops the pictures standing in for the shapes and restyles thousands
        // of texts, a pulse far over 16 ms (issue 12). A gesture keeps the one it started with.
        boolean empty = shapes.layout().rects().isEmpty();
        boolean holding = camera.isMoving() && !empty;
        boolean text = holding ? shapes.textShown() : z >= TEXT_ZOOM;
        boolean names = overview.update(shapes.graph(), shapes.layout(), z, camera.panX(), camera.panY(), getWidth(),
                getHeight(), holding ? shapes.overviewShown() : z < OverviewNames.ZOOM, holding);
        if (names != shapes.overviewShown()) {
            dropStandIn(); // the pictures hold the world names as they were: taken again
        }
        if (text != shapes.textShown() || names != shapes.overviewShown()) {
            shapes.showText(text, names);
        }
        // While the camera moves, and at rest once the view is pictured at its zoom, pictures stand in
        // for the shapes (composed after this pulse's layout).
        if (!shapes.fading() && !empty && (camera.isMoving() || cover.pictured())) {
            cover.coverAtNextPulse();
            return;
        }
        cover.showShapesInView();
    }

    // ---- viewport ----------------------------------------------------------------------------

    @Override
    protected void layoutChildren() {
        if (getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        paper.resize(getWidth(), getHeight());
        camera.layoutPending();
    }

    /** Zooms and pans so everything visible fits, tunnel arcs included. */
    public void fitToWindow() {
        camera.fitToWindow();
    }

    /** Fits the whole graph, whatever the filters or the reveal step hide, then magnifies by {@code factor}. */
    public void fitAll(double factor) {
        fitAll(factor, 0, 0);
    }

    /** As {@link #fitAll(double)}, leaving room on the right and at the bottom (for overlays). */
    public void fitAll(double factor, double rightInset, double bottomInset) {
        camera.fitAll(factor, rightInset, bottomInset);
    }

    /** How long the camera must be still before the shapes come back (tests on a loaded machine lengthen it). */
    void settleDelay(Duration delay) {
        camera.settleDelay(delay);
    }

    /** Brings a vertex to the middle, zooming in to reading size if the view is far out. */
    public void centreOn(String id) {
        camera.centreOn(id);
    }

    /**
     * Frames a world rectangle in the part of the view left of {@code rightInset} and above
     * {@code bottomInset} (where overlays leave the drawing room): as large as fits, but no smaller
     * than {@code minZoom} and no larger than {@code maxZoom} (minZoom wins). A rectangle larger than
     * that part at minZoom is centred in it at minZoom; the rest is a pan away. Moves there over
     * {@code duration} (zoom and centre eased together), or at once for {@link Duration#ZERO}.
     */
    public void frame(Rect region, double minZoom, double maxZoom, double rightInset, double bottomInset, Duration duration) {
        camera.frame(region, minZoom, maxZoom, rightInset, bottomInset, duration);
    }

    /** Whether {@link #frame} is still moving the camera. */
    public boolean isCameraAnimating() {
        return camera.isAnimating();
    }

    /** Moves the view over the world by screen pixels (positive dx shows more of what is to the right). */
    public void panBy(double dx, double dy) {
        camera.panBy(dx, dy);
    }

    public void zoomBy(double factor) {
        camera.zoomBy(factor);
    }

    public double zoom() {
        return camera.zoom();
    }

    /** The part of the world the canvas shows now, in world coordinates. */
    public Rect visibleWorld() {
        return camera.visibleWorld();
    }

    /** Where a world point appears in this view's coordinates. */
    public Point2D toView(double wx, double wy) {
        return camera.toView(wx, wy);
    }

    /** The vertex under a point of this view, as a click picks it (for the window's double-click and context menu). */
    public String vertexUnder(double x, double y, PickResult pick) {
        return pointer.vertexUnder(x, y, pick);
    }

    // ---- trace badges ------------------------------------------------------------------------

    /** Badges grow with presentation's projector zoom. */
    public void setBadgeScale(double scale) {
        badges.setScale(scale);
    }

    /** The badge text drawn on a vertex now, if any (for tests). */
    public Optional<String> badgeOf(String id) {
        return badges.badgeOf(id);
    }

    // ---- for tests and panels ------------------------------------------------------------------

    /**
     * Whether a vertex is painted now: on the canvas, not hidden by a filter, and in (or near) the
     * viewport. Shapes far outside the viewport are not painted.
     */
    public boolean isDrawn(String id) {
        Node v = shapes.viewOf(id).orElse(null);
        boolean pictured = isStandInShown(); // the picture shows what is in view
        for (Node at = v; at != null && at != this; at = at.getParent()) {
            if (!at.isVisible() || !pictured && at instanceof CellLayer.Cell c && !CellLayer.shown(c)) {
                return false;
            }
        }
        if (pictured) {
            Rect r = shapes.layout().rects().get(id);
            Rect view = visibleWorld();
            double m = StandInCover.CULL_MARGIN / zoom();
            return r != null && v.getParent() != null && r.overlaps(view, m);
        }
        return v != null && v.getParent() != null;
    }

    /** Whether names and captions are drawn at the current zoom (see {@link #TEXT_ZOOM}). */
    public boolean isTextShown() {
        return shapes.textShown();
    }

    /**
     * The names the overview layer draws now (below {@link OverviewNames#ZOOM}; none above it, where
     * the world text names everything at 10 px or more), with their size and place on screen.
     */
    public List<OverviewNames.ShownName> overviewNames() {
        return overview.shown();
    }

    /** Whether the camera moved less than its settle delay ago (the level of detail is held meanwhile). */
    public boolean isCameraMoving() {
        return camera.isMoving();
    }

    /** Whether pictures stand in for the shapes now (while the camera moves, and at rest once pictured). */
    public boolean isStandInShown() {
        return cover.isShown();
    }

    /** Counts every picture taken or dropped for the stand-in (tests: whether something took pictures again). */
    public long standInVersion() {
        return cover.version();
    }

    /** How many pictures (tiles, and the backdrop as one) are kept for the next gesture (or shown now), for tests and diagnostics. */
    public int standInTiles() {
        return cover.tiles();
    }

    /** Whether the pictures the next gesture needs from this view are all taken (for benchmarks and tests). */
    public boolean standInPrepared() {
        return cover.prepared();
    }

    /** The last fade ended: pictures of the new drawing are taken once it stays the same a while. */
    private void fadesEnded() {
        cover.drawingSettling();
    }

    /** The shapes on screen now, the pictures dropped (for tests comparing the two). */
    void showShapesNow() {
        dropStandIn();
        cover.showShapesInView();
    }

    /** How many cells (groups of nearby shapes) are shown now, for diagnostics. */
    public int cellsShown() {
        return cover.cellsShown();
    }

    /** The shape drawn for a vertex, if it is on the canvas now. */
    public Optional<Region> viewOf(String id) {
        return shapes.viewOf(id);
    }

    /** Rates on the links (see {@link TrafficMarks}); an empty map takes every mark off. FX thread. */
    public void showTraffic(java.util.Map<String, dev.netlens.traffic.LinkRate> rates) {
        traffic.show(rates);
    }

    /** Whether the traffic marks are drawn now (at rest; hidden while the camera moves). */
    public boolean trafficMarksVisible() {
        return traffic.isVisible();
    }

    /** How many links carry a traffic mark now (benchmarks). */
    public int trafficMarksShown() {
        return traffic.marked().size();
    }

    /** The traffic mark drawn over a link now (a copy of its line, see {@link TrafficMarks}), if it carries traffic. */
    public Optional<Shape> trafficMarkOf(String id) {
        return traffic.markOf(id);
    }

    /** The line drawn for a link, if it is on the canvas now. */
    public Optional<Shape> linkOf(String id) {
        return shapes.linkOf(id);
    }
}
