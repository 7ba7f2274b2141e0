package dev.netlens.ui.topology;

import dev.netlens.graph.LinkKind;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoLink;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.Layout;
import dev.netlens.layout.Rect;
import dev.netlens.ui.TopologyFrame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.ImageView;
import javafx.scene.paint.Color;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.Line;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.util.Duration;

/**
 * The topology drawn as JavaFX nodes, reconciled by id: a new frame adds and removes only what
 * changed and moves nothing that kept its place. Three layers: boxes (hosts, namespaces), links over
 * them, and the small shapes (interfaces, containers, ports) on top so lines never cover a label.
 * Zoom with the wheel or Ctrl +/-, pan by dragging, Ctrl+0 fits.
 *
 * <p>Kept fast for graphs of thousands of vertices (issue 6): each layer groups its shapes by place
 * ({@link CellLayer}) and only the groups that meet the viewport are shown, recomputed at every
 * camera change; below {@link #TEXT_ZOOM} the text (unreadable there) is hidden and the vertices are
 * drawn as their plain shapes, and while the camera moves there one picture of the drawing stands in
 * for the shapes (dropped when it stops or anything changes). A vertex's own {@code visible} flag
 * stays the filters' answer; {@link #isDrawn} says whether it is painted.
 */
public final class TopologyCanvasView extends Region {
    private static final PseudoClass ON_PATH = PseudoClass.getPseudoClass("on-path");
    private static final PseudoClass DIMMED = PseudoClass.getPseudoClass("dimmed");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    private static final PseudoClass RULE_MATCH = PseudoClass.getPseudoClass("rule-match");
    private static final Duration FADE = Duration.millis(450);
    /** How far a tunnel arcs above the hosts it joins. */
    private static final double TUNNEL_RISE = 120;
    /**
     * Below this zoom the canvas hides its text: a 16 px name is under 6 px on screen there, too small
     * to read, and text is most of what the software pipeline paints.
     */
    public static final double TEXT_ZOOM = 0.36;
    /** Screen pixels around the viewport still counted as in view when culling. */
    private static final double CULL_MARGIN = 32;
    /** How long the camera must stay still before the canvas paints at full quality again. */
    private static final Duration SETTLE = Duration.millis(250);

    private final TopologyCanvasViewModel vm;
    private final Pane world = new Pane();
    /** The drawing itself: the three layers. */
    private final Group content = new Group();
    /**
     * The impostor: while the camera moves below {@link #TEXT_ZOOM}, one picture of the whole drawing
     * taken at the zoom the gesture began at, translated and scaled with the world instead of
     * painting thousands of shapes per frame. Dropped when the camera stops or anything changes.
     */
    private final ImageView impostor = new ImageView();
    /** Bumped whenever a picture being taken is no longer wanted (a change, the end of a gesture). */
    private long impostorGen;
    private boolean impostorRequested;
    private int fadesRunning;
    /** Boxes and the links between them, one {@link CellLayer} per z level (see {@link #zOrder}). */
    private final Group boxLayer = new Group();
    private final TreeMap<Integer, CellLayer> boxLevels = new TreeMap<>();
    private final CellLayer linkLayer = new CellLayer();
    private final CellLayer leafLayer = new CellLayer();
    private final CellLayer.Extent extent = this::extent;
    private final Map<String, Region> nodeViews = new HashMap<>();
    private final Map<String, LinkView> linkViews = new HashMap<>();
    private final Translate pan = new Translate();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private Layout layout = Layout.EMPTY;
    private TopologyGraph graph = TopologyGraph.empty();
    private boolean fitPending = true;
    private String centrePending;
    private Point2D dragFrom;
    private boolean dragged;
    /**
     * The one hover tooltip, installed on the leaf under the pointer (a tooltip per leaf cost tens of
     * megabytes with thousands of vertices); its text is the vertex's at the moment it shows.
     */
    private final Tooltip tooltip = new Tooltip();
    private Node tooltipOwner;
    /** Whether labels are shown (zoom at or above {@link #TEXT_ZOOM}). */
    private boolean textShown = true;
    private int cellsShown;
    /** Whether the camera is moving (a pan or zoom less than {@link #SETTLE} ago). */
    private boolean moving;
    private final PauseTransition settle = new PauseTransition(SETTLE);

    /** A link's drawing: its line and, for tunnels and MTU mismatches, a label. */
    private record LinkView(Shape shape, Label label) {
    }

    public TopologyCanvasView(TopologyCanvasViewModel vm) {
        this.vm = vm;
        getStyleClass().add("topology-canvas");
        world.getStyleClass().add("world");
        world.setManaged(false);
        content.getChildren().addAll(boxLayer, linkLayer, leafLayer);
        content.setAutoSizeChildren(false);
        impostor.setVisible(false);
        impostor.setMouseTransparent(true);
        impostor.setManaged(false);
        impostor.setSmooth(true);
        world.getChildren().addAll(content, impostor);
        world.getTransforms().addAll(pan, scale);
        boxLayer.setAutoSizeChildren(false);
        getChildren().add(world);
        pan.xProperty().addListener(o -> cameraMoved());
        pan.yProperty().addListener(o -> cameraMoved());
        scale.xProperty().addListener(o -> cameraMoved());
        widthProperty().addListener(o -> cull());
        heightProperty().addListener(o -> cull());
        settle.setOnFinished(e -> {
            moving = false;
            cull();
        });
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setFocusTraversable(true);

        vm.frameProperty().addListener((o, a, b) -> render(b));
        vm.visibleProperty().addListener((o, a, b) -> restyle());
        vm.pathProperty().addListener((o, a, b) -> restyle());
        vm.staleHostsProperty().addListener((o, a, b) -> restyle());
        vm.ruleMatchProperty().addListener((o, a, b) -> restyle());
        vm.centreProperty().addListener((o, a, b) -> {
            if (b != null) {
                centreOn(b.id());
            }
        });
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        tooltip.getStyleClass().add("topo-tooltip");
        tooltip.setShowDelay(Duration.millis(250));
        tooltip.setOnShowing(e -> tooltip.setText(tooltipOwner == null ? ""
                : vm.tooltip((String) tooltipOwner.getUserData())));
        addEventFilter(MouseEvent.MOUSE_MOVED, this::onHover);
        render(vm.frameProperty().get());
    }

    // ---- reconciliation -------------------------------------------------------------------

    private void render(TopologyFrame frame) {
        dropImpostor();
        boolean first = nodeViews.isEmpty();
        graph = frame.graph();
        layout = frame.layout();
        for (String id : new ArrayList<>(nodeViews.keySet())) {
            if (!layout.rects().containsKey(id)) {
                fadeOut(nodeViews.remove(id));
            }
        }
        for (var e : layout.rects().entrySet()) {
            TopoNode n = graph.node(e.getKey()).orElseThrow();
            Region v = nodeViews.get(n.id());
            if (v == null) {
                v = create(n);
                nodeViews.put(n.id(), v);
                if (!first) {
                    fadeIn(v);
                }
            } else if (frame.diff().changedNodes().contains(n.id())) {
                fill(v, n);
            }
            Rect r = e.getValue();
            (n.kind().isBox() ? boxLevel(zOrder(n.id())) : leafLayer).place(v, r.x(), r.y(), r.x() + r.w(), r.y() + r.h());
            place(v, r);
        }
        Map<String, TopoLink> drawable = new HashMap<>();
        for (TopoLink l : graph.links()) {
            if (layout.rects().containsKey(l.source()) && layout.rects().containsKey(l.target())) {
                drawable.put(l.id(), l);
            }
        }
        for (String id : new ArrayList<>(linkViews.keySet())) {
            TopoLink now = drawable.get(id);
            if (now == null || frame.diff().changedLinks().contains(id)) {
                LinkView gone = linkViews.remove(id);
                fadeOut(gone.shape());
                if (gone.label() != null) {
                    fadeOut(gone.label());
                }
            }
        }
        for (TopoLink l : drawable.values()) {
            LinkView v = linkViews.get(l.id());
            if (v == null) {
                v = createLink(l);
                linkViews.put(l.id(), v);
                if (!first) {
                    fadeIn(v.shape());
                }
            }
            route(l, v);
        }
        restyle();
        for (CellLayer level : boxLevels.values()) {
            level.refresh(extent);
        }
        linkLayer.refresh(extent);
        leafLayer.refresh(extent);
        cull();
        if (first && !layout.rects().isEmpty()) {
            fitPending = true;
            requestLayout();
        }
    }

    /** The box layer's level for a z order, made (in its place among the others) on first use. */
    private CellLayer boxLevel(int z) {
        CellLayer level = boxLevels.get(z);
        if (level == null) {
            level = new CellLayer();
            boxLevels.put(z, level);
            boxLayer.getChildren().add(boxLevels.headMap(z).size(), level);
        }
        return level;
    }

    /**
     * Hosts behind namespaces, and each link just above the innermost box holding both its ends: a
     * line that crosses another namespace passes behind it, so it cannot be read as joining it.
     */
    private int zOrder(String id) {
        if (graph.node(id).isPresent()) {
            return 2 * graph.ancestors(id).size();
        }
        return graph.link(id).map(l -> {
            List<String> a = graph.ancestors(l.source());
            List<String> b = graph.ancestors(l.target());
            int common = 0;
            for (String box : a) {
                if (b.contains(box)) {
                    common = graph.ancestors(box).size() + 1;
                    break;
                }
            }
            return 2 * common - 1;
        }).orElse(Integer.MAX_VALUE);
    }

    /** Tunnels arc over the hosts and a parent device may sit rows away: those stay over everything. */
    private static boolean onTop(TopoLink l) {
        return l.kind() == LinkKind.TUNNEL || l.kind() == LinkKind.PARENT;
    }

    private Region create(TopoNode n) {
        VBox v = new VBox();
        v.setUserData(n.id());
        v.getStyleClass().addAll("topo-node", n.kind().isBox() ? "box" : "leaf");
        v.setAlignment(n.kind().isBox() ? Pos.TOP_LEFT : Pos.CENTER);
        v.setFillWidth(false);
        fill(v, n);
        return v;
    }

    /** Labels and kind classes: the only part of a shape that changes with the snapshot. */
    private void fill(Region region, TopoNode n) {
        VBox v = (VBox) region;
        v.getStyleClass().removeIf(c -> c.startsWith("kind-") || c.startsWith("sub-"));
        v.getStyleClass().addAll("kind-" + css(n.kind().name()), "sub-" + css(n.subKind()));
        Label name = new Label(n.label());
        name.getStyleClass().add(n.kind().isBox() ? "box-title" : "name");
        name.setMinWidth(Region.USE_PREF_SIZE);
        name.setVisible(textShown);
        if (n.kind().isBox()) {
            if (n.kind() == NodeKind.HOST) {
                Label cap = new Label(n.caption());
                cap.getStyleClass().add("box-caption");
                cap.setVisible(textShown);
                v.getChildren().setAll(name, cap);
            } else {
                name.setText(n.caption() == null ? n.label() : n.label() + "  ·  " + n.caption());
                v.getChildren().setAll(name);
            }
        } else if (n.caption() != null) {
            Label cap = new Label(n.caption());
            cap.getStyleClass().add("caption");
            cap.setMinWidth(Region.USE_PREF_SIZE);
            cap.setVisible(textShown);
            v.getChildren().setAll(name, cap);
        } else {
            v.getChildren().setAll(name);
        }
    }

    private static String css(String s) {
        return s == null ? "none" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    private static void place(Region v, Rect r) {
        v.setMinSize(r.w(), r.h());
        v.setPrefSize(r.w(), r.h());
        v.setMaxSize(r.w(), r.h());
        v.relocate(r.x(), r.y());
    }

    private LinkView createLink(TopoLink l) {
        Shape shape = l.kind() == LinkKind.TUNNEL ? new Path() : new Line();
        shape.getStyleClass().addAll("topo-link", "link-" + css(l.kind().name()));
        if (l.mtuMismatch()) {
            shape.getStyleClass().add("mtu-mismatch");
        }
        shape.setUserData(l.id());
        shape.setMouseTransparent(true);
        Label label = null;
        if (l.label() != null) {
            label = new Label(l.label());
            label.getStyleClass().addAll("link-label", "link-" + css(l.kind().name()));
            if (l.mtuMismatch()) {
                label.getStyleClass().add("mtu-mismatch");
            }
            label.setUserData(l.id());
            label.setMouseTransparent(true);
        }
        return new LinkView(shape, label);
    }

    private void route(TopoLink l, LinkView v) {
        Rect a = layout.rects().get(l.source());
        Rect b = layout.rects().get(l.target());
        CellLayer level = onTop(l) ? linkLayer : boxLevel(zOrder(l.id()));
        double lx;
        double ly;
        if (v.shape() instanceof Path p) {
            double top = Math.min(a.y(), b.y()) - TUNNEL_RISE;
            p.getElements().setAll(new MoveTo(a.centerX(), a.y()),
                    new CubicCurveTo(a.centerX(), top, b.centerX(), top, b.centerX(), b.y()));
            lx = (a.centerX() + b.centerX()) / 2;
            ly = 0.25 * (a.y() + b.y()) / 2 + 0.75 * top;
            level.place(p, Math.min(a.centerX(), b.centerX()), top, Math.max(a.centerX(), b.centerX()),
                    Math.max(a.y(), b.y()));
        } else {
            Line line = (Line) v.shape();
            Point2D s = border(a, b.centerX(), b.centerY());
            Point2D t = border(b, a.centerX(), a.centerY());
            line.setStartX(s.getX());
            line.setStartY(s.getY());
            line.setEndX(t.getX());
            line.setEndY(t.getY());
            lx = (s.getX() + t.getX()) / 2;
            ly = (s.getY() + t.getY()) / 2;
            level.place(line, Math.min(s.getX(), t.getX()), Math.min(s.getY(), t.getY()), Math.max(s.getX(), t.getX()),
                    Math.max(s.getY(), t.getY()));
        }
        if (v.label() != null) {
            Label label = v.label();
            leafLayer.place(label, lx, ly, lx, ly);
            label.applyCss();
            double w = label.prefWidth(-1);
            double h = label.prefHeight(-1);
            label.resizeRelocate(lx - w / 2, ly - h / 2, w, h);
        }
    }

    /** Where the segment from r's centre toward (tx, ty) leaves r. */
    private static Point2D border(Rect r, double tx, double ty) {
        double dx = tx - r.centerX();
        double dy = ty - r.centerY();
        if (dx == 0 && dy == 0) {
            return new Point2D(r.centerX(), r.centerY());
        }
        double sx = dx == 0 ? Double.MAX_VALUE : (r.w() / 2) / Math.abs(dx);
        double sy = dy == 0 ? Double.MAX_VALUE : (r.h() / 2) / Math.abs(dy);
        double s = Math.min(sx, sy);
        return new Point2D(r.centerX() + dx * s, r.centerY() + dy * s);
    }

    private void fadeIn(Node n) {
        n.setOpacity(0);
        FadeTransition f = new FadeTransition(FADE, n);
        f.setToValue(1);
        f.setOnFinished(e -> {
            n.setOpacity(1);
            fadesRunning--;
        });
        fadesRunning++;
        f.play();
    }

    private void fadeOut(Node n) {
        n.setMouseTransparent(true);
        FadeTransition f = new FadeTransition(FADE, n);
        f.setToValue(0);
        f.setOnFinished(e -> {
            CellLayer.detach(n);
            fadesRunning--;
        });
        if (n.getParent() != null) {
            fadesRunning++;
            f.play();
        }
    }

    /** Visibility (filters), the selected path, and stale hosts, as pseudo-classes for the stylesheet. */
    private void restyle() {
        dropImpostor(); // the picture no longer shows what the shapes look like
        Set<String> visible = vm.visibleProperty().get();
        Set<String> path = vm.pathProperty().get();
        Set<String> stale = vm.staleHostsProperty().get();
        String selected = vm.selection().selected();
        Set<String> ruleMatch = vm.ruleMatchProperty().get();
        boolean anyPath = !path.isEmpty();
        nodeViews.forEach((id, v) -> {
            TopoNode n = graph.node(id).orElseThrow();
            v.setVisible(visible.contains(id));
            boolean on = path.contains(id);
            v.pseudoClassStateChanged(ON_PATH, on);
            v.pseudoClassStateChanged(DIMMED, anyPath && !on && !n.kind().isBox());
            v.pseudoClassStateChanged(SELECTED, id.equals(selected));
            v.pseudoClassStateChanged(STALE, n.host() != null && stale.contains(n.host()));
            v.pseudoClassStateChanged(RULE_MATCH, ruleMatch.contains(id));
        });
        linkViews.forEach((id, v) -> {
            TopoLink l = graph.link(id).orElseThrow();
            boolean show = linkShown(l, visible);
            boolean on = path.contains(id);
            for (Node n : v.label() == null ? List.of(v.shape()) : List.of(v.shape(), v.label())) {
                n.setVisible(show && (n == v.shape() || textShown));
                n.pseudoClassStateChanged(ON_PATH, on);
                n.pseudoClassStateChanged(DIMMED, anyPath && !on);
            }
        });
        cull();
    }

    /** Whether the filters and the reveal step let a link be drawn. */
    private boolean linkShown(TopoLink l, Set<String> visible) {
        return visible.contains(l.source()) && visible.contains(l.target()) && vm.linkRevealed(l.id());
    }

    // ---- culling and level of detail ---------------------------------------------------------

    /** World bounds of a shape: a vertex's rectangle from the layout, any other shape's own bounds. */
    private void extent(Node n, double[] out) {
        if (n.getUserData() instanceof String id && n instanceof Region && nodeViews.get(id) == n) {
            Rect r = layout.rects().get(id);
            if (r != null) {
                out[0] = r.x();
                out[1] = r.y();
                out[2] = r.x() + r.w();
                out[3] = r.y() + r.h();
                return;
            }
        }
        Bounds b = n.getBoundsInParent();
        out[0] = b.getMinX();
        out[1] = b.getMinY();
        out[2] = b.getMaxX();
        out[3] = b.getMaxY();
    }

    /**
     * Shows the cells that meet the viewport (and a margin), hides the rest, and switches the text
     * on or off at {@link #TEXT_ZOOM}. Called at every change of pan, zoom or size and after each
     * frame: its cost is the number of cells (a few hundred), not the number of shapes.
     */
    private void cull() {
        double z = zoom();
        if (getWidth() <= 0 || getHeight() <= 0 || z <= 0) {
            return;
        }
        boolean text = z >= TEXT_ZOOM;
        if (text != textShown) {
            textShown = text;
            showText(text);
        }
        // Below TEXT_ZOOM, while the camera moves, the impostor stands in for the shapes. Taking it
        // paints every cell once (the next pulse), so all are shown until it is there.
        boolean want = moving && !text && fadesRunning == 0 && !layout.rects().isEmpty();
        if (!want) {
            dropImpostor();
        } else if (impostor.isVisible()) {
            return;
        } else if (!impostorRequested) {
            takeImpostor();
        }
        if (impostorRequested) {
            double inf = Double.MAX_VALUE;
            cellsShown = 0;
            for (CellLayer level : boxLevels.values()) {
                cellsShown += level.cull(-inf, -inf, inf, inf);
            }
            cellsShown += linkLayer.cull(-inf, -inf, inf, inf) + leafLayer.cull(-inf, -inf, inf, inf);
            return;
        }
        double m = CULL_MARGIN / z;
        double x0 = -pan.getX() / z - m;
        double y0 = -pan.getY() / z - m;
        double x1 = x0 + getWidth() / z + 2 * m;
        double y1 = y0 + getHeight() / z + 2 * m;
        int shown = 0;
        for (CellLayer level : boxLevels.values()) {
            shown += level.cull(x0, y0, x1, y1);
        }
        shown += linkLayer.cull(x0, y0, x1, y1);
        shown += leafLayer.cull(x0, y0, x1, y1);
        cellsShown = shown;
    }

    /** Asks for a picture of the whole drawing at the current zoom (at most 4096 px a side), taken at the next pulse. */
    private void takeImpostor() {
        Rect b = layout.bounds();
        double top = b.y() - TUNNEL_RISE;
        Rect all = new Rect(b.x() - 16, top - 16, b.w() + 32, b.y() + b.h() - top + 32);
        double s = Math.min(zoom(), Math.min(4096 / all.w(), 4096 / all.h()));
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.TRANSPARENT);
        p.setTransform(new Scale(s, s));
        p.setViewport(new Rectangle2D(all.x() * s, all.y() * s, Math.ceil(all.w() * s), Math.ceil(all.h() * s)));
        long gen = ++impostorGen;
        impostorRequested = true;
        content.snapshot(r -> {
            if (gen == impostorGen) {
                impostor.setImage(r.getImage());
                impostor.setX(all.x());
                impostor.setY(all.y());
                impostor.setFitWidth(all.w());
                impostor.setFitHeight(all.h());
                impostor.setVisible(true);
                content.setVisible(false);
            }
            return null;
        }, p, null);
    }

    /** Shows the shapes again and forgets the picture (and any picture still being taken). */
    private void dropImpostor() {
        impostorGen++;
        impostorRequested = false;
        if (impostor.isVisible() || impostor.getImage() != null) {
            impostor.setVisible(false);
            impostor.setImage(null);
            content.setVisible(true);
        }
    }

    private void cameraMoved() {
        moving = true;
        settle.playFromStart();
        cull();
    }

    private void showText(boolean on) {
        for (Region v : nodeViews.values()) {
            for (Node c : v.getChildrenUnmodifiable()) {
                c.setVisible(on);
            }
        }
        Set<String> visible = vm.visibleProperty().get();
        linkViews.forEach((id, v) -> {
            if (v.label() != null) {
                v.label().setVisible(on && graph.link(id).map(l -> linkShown(l, visible)).orElse(false));
            }
        });
    }

    // ---- viewport ----------------------------------------------------------------------------

    @Override
    protected void layoutChildren() {
        if (getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        if (fitPending) {
            fitPending = false;
            fitToWindow();
        }
        if (centrePending != null) {
            String id = centrePending;
            centrePending = null;
            centreOn(id);
        }
    }

    /** Zooms and pans so everything visible fits, tunnel arcs included. */
    public void fitToWindow() {
        if (getWidth() <= 0) {
            fitPending = true;
            return;
        }
        Set<String> visible = vm.visibleProperty().get();
        Rect bounds = null;
        for (var e : layout.rects().entrySet()) {
            if (visible.contains(e.getKey())) {
                bounds = bounds == null ? e.getValue() : bounds.union(e.getValue());
            }
        }
        if (bounds == null) {
            return;
        }
        boolean tunnels = linkViews.keySet().stream().anyMatch(id -> id.startsWith("tunnel:") && visible.contains(id));
        if (tunnels) {
            bounds = bounds.union(new Rect(bounds.x(), bounds.y() - TUNNEL_RISE * 0.8, 1, 1));
        }
        double margin = 24;
        double z = Math.min((getWidth() - 2 * margin) / bounds.w(), (getHeight() - 2 * margin) / bounds.h());
        setZoom(Math.max(0.05, Math.min(z, 2.0)));
        setPan(getWidth() / 2 - bounds.centerX() * zoom(), getHeight() / 2 - bounds.centerY() * zoom());
    }

    /** Fits the whole graph, whatever the filters or the reveal step hide, then magnifies by {@code factor}. */
    public void fitAll(double factor) {
        fitAll(factor, 0, 0);
    }

    /** As {@link #fitAll(double)}, leaving room on the right and at the bottom (for overlays). */
    public void fitAll(double factor, double rightInset, double bottomInset) {
        if (getWidth() <= 0 || layout.rects().isEmpty()) {
            return;
        }
        Rect bounds = layout.bounds();
        if (!linkViews.isEmpty() && linkViews.keySet().stream().anyMatch(id -> id.startsWith("tunnel:"))) {
            bounds = bounds.union(new Rect(bounds.x(), bounds.y() - TUNNEL_RISE * 0.8, 1, 1));
        }
        double margin = 24;
        double w = Math.max(100, getWidth() - rightInset);
        double h = Math.max(100, getHeight() - bottomInset);
        double z = Math.min((w - 2 * margin) / bounds.w(), (h - 2 * margin) / bounds.h()) * factor;
        setZoom(Math.max(0.05, Math.min(z, 4.0)));
        setPan(w / 2 - bounds.centerX() * zoom(), h / 2 - bounds.centerY() * zoom());
    }

    /** Brings a vertex to the middle, zooming in to reading size if the view is far out. */
    public void centreOn(String id) {
        Rect r = layout.rects().get(id);
        if (r == null) {
            return;
        }
        if (getWidth() <= 0) {
            centrePending = id;
            return;
        }
        if (zoom() < 0.9) {
            setZoom(1.0);
        }
        setPan(getWidth() / 2 - r.centerX() * zoom(), getHeight() / 2 - r.centerY() * zoom());
    }

    public void zoomBy(double factor) {
        zoomAt(factor, getWidth() / 2, getHeight() / 2);
    }

    private void zoomAt(double factor, double x, double y) {
        double z = Math.max(0.05, Math.min(zoom() * factor, 4.0));
        double wx = (x - pan.getX()) / zoom();
        double wy = (y - pan.getY()) / zoom();
        setZoom(z);
        setPan(x - wx * z, y - wy * z);
    }

    public double zoom() {
        return scale.getX();
    }

    /** The part of the world the canvas shows now, in world coordinates. */
    public Rect visibleWorld() {
        double z = zoom();
        return new Rect(-pan.getX() / z, -pan.getY() / z, getWidth() / z, getHeight() / z);
    }

    private void setZoom(double z) {
        scale.setX(z);
        scale.setY(z);
    }

    private void setPan(double x, double y) {
        pan.setX(x);
        pan.setY(y);
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            zoomAt(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
        }
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        requestFocus();
        // Any button pans (in presentation mode the primary button draws the pointer instead).
        if (e.getButton() != MouseButton.NONE) {
            dragFrom = new Point2D(e.getX() - pan.getX(), e.getY() - pan.getY());
            dragged = false;
        }
    }

    private void onDragged(MouseEvent e) {
        if (dragFrom != null) {
            dragged = true;
            setPan(e.getX() - dragFrom.getX(), e.getY() - dragFrom.getY());
        }
    }

    private void onReleased(MouseEvent e) {
        if (dragFrom != null && !dragged && e.getButton() == MouseButton.PRIMARY) {
            String id = idAt(e.getPickResult().getIntersectedNode());
            if (id == null) {
                vm.selection().clear();
            } else {
                vm.selection().select(id);
            }
        }
        dragFrom = null;
    }

    /** Moves the tooltip to the leaf under the pointer, if it is not there already. */
    private void onHover(MouseEvent e) {
        Node leaf = null;
        for (Node at = e.getPickResult().getIntersectedNode(); at != null && at != this; at = at.getParent()) {
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

    private static String idAt(Node n) {
        for (Node at = n; at != null; at = at.getParent()) {
            if (at.getUserData() instanceof String id && at.getStyleClass().contains("topo-node")) {
                return id;
            }
        }
        return null;
    }

    private void onKey(KeyEvent e) {
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

    // ---- for tests and panels ------------------------------------------------------------------

    /**
     * Whether a vertex is painted now: on the canvas, not hidden by a filter, and in (or near) the
     * viewport. Shapes far outside the viewport are not painted.
     */
    public boolean isDrawn(String id) {
        Node v = nodeViews.get(id);
        for (Node at = v; at != null && at != this; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return v != null && v.getParent() != null;
    }

    /** Whether names and captions are drawn at the current zoom (see {@link #TEXT_ZOOM}). */
    public boolean isTextShown() {
        return textShown;
    }

    /** Whether the shapes are stood in for by one picture now (while the camera moves below {@link #TEXT_ZOOM}). */
    public boolean isImpostorShown() {
        return impostor.isVisible();
    }

    /** How many cells (groups of nearby shapes) are shown now, for diagnostics. */
    public int cellsShown() {
        return cellsShown;
    }

    /** The shape drawn for a vertex, if it is on the canvas now. */
    public Optional<Region> viewOf(String id) {
        return Optional.ofNullable(nodeViews.get(id));
    }

    /** The line drawn for a link, if it is on the canvas now. */
    public Optional<Shape> linkOf(String id) {
        return Optional.ofNullable(linkViews.get(id)).map(LinkView::shape);
    }

    /** Where a world point appears in this view's coordinates. */
    public Point2D toView(double wx, double wy) {
        return new Point2D(pan.getX() + wx * zoom(), pan.getY() + wy * zoom());
    }
}
