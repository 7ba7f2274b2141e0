package dev.netlens.ui.topology;

import dev.netlens.graph.LinkKind;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoLink;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.Layout;
import dev.netlens.layout.LinkPath;
import dev.netlens.graph.Collapse;
import dev.netlens.layout.Rect;
import dev.netlens.ui.state.TopologyFrame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javafx.animation.FadeTransition;
import javafx.animation.Interpolator;
import javafx.animation.PauseTransition;
import javafx.animation.Transition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
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
import javafx.scene.layout.Background;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
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
 */
public final class TopologyCanvasView extends Region {
    private static final PseudoClass ON_PATH = PseudoClass.getPseudoClass("on-path");
    private static final PseudoClass DIMMED = PseudoClass.getPseudoClass("dimmed");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    private static final PseudoClass RULE_MATCH = PseudoClass.getPseudoClass("rule-match");
    private static final PseudoClass ON_TRACE = PseudoClass.getPseudoClass("on-trace");
    private static final PseudoClass TRACE_DIMMED = PseudoClass.getPseudoClass("trace-dimmed");
    private static final PseudoClass TRACE_CURRENT = PseudoClass.getPseudoClass("trace-current");
    private static final PseudoClass TRACE_STOP = PseudoClass.getPseudoClass("trace-stop");
    private static final Duration FADE = Duration.millis(450);
    /** How far a tunnel arcs above the hosts it joins. */
    /**
     * Below this zoom the canvas hides its text: a 16 px name is under 6 px on screen there, too small
     * to read, and text is most of what the software pipeline paints.
     */
    public static final double TEXT_ZOOM = 0.36;
    /** Screen pixels around the viewport still counted as in view when culling. */
    private static final double CULL_MARGIN = 32;
    /** How long the camera must stay still before the canvas paints at full quality again. */
    private static final Duration SETTLE = Duration.millis(250);
    /**
     * How long the drawing must stay the same before pictures of it are taken: a live engine may
     * change it several times a second, and each part taken is a snapshot of shapes, wasted at the
     * next change (a soak of 5 changes a second kept the FX thread taking pictures).
     */
    private static final Duration CHANGE_SETTLE = Duration.millis(1000);

    private final TopologyCanvasViewModel vm;
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
    private final Pane badges = new Pane();
    private final Map<String, Label> badgeViews = new java.util.LinkedHashMap<>();
    private double badgeScale = 1;
    /** Whether the overview names stand in for the world names of hosts, networks and containers now. */
    private boolean overviewShown;
    /** Whether the stand-in should cover the view at the next pulse (the camera moved). */
    private boolean coverWanted;
    private final Runnable coverAtPulse = this::coverView;
    private final InvalidationListener styleChanged = o -> dropStandIn();
    private int fadesRunning;
    /** Boxes and the links between them, one {@link CellLayer} per z level (see {@link #zOrder}). */
    private final Group boxLayer = new Group();
    private final TreeMap<Integer, CellLayer> boxLevels = new TreeMap<>();
    private final CellLayer linkLayer = new CellLayer();
    private final CellLayer leafLayer = new CellLayer();
    private final CellLayer.Extent extent = this::extent;
    private final Map<String, Region> nodeViews = new HashMap<>();
    private final Map<String, LinkView> linkViews = new HashMap<>();
    private final TrafficMarks traffic = new TrafficMarks();
    private final Translate pan = new Translate();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private Layout layout = Layout.EMPTY;
    /** {@link #drawingBounds} of {@link #drawingOf}. */
    private Rect drawing;
    private Layout drawingOf;
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
    /** Set while the camera jumps on its own (the first fit): no pictures for that. */
    private boolean quietJump;
    private final PauseTransition settle = new PauseTransition(SETTLE);
    private final PauseTransition changeSettle = new PauseTransition(CHANGE_SETTLE);
    /** A camera move {@link #frame} is animating, or null; any other camera change stops it. */
    private Transition cameraMove;

    /** A link's drawing: its line and, for tunnels and MTU mismatches, a label. */
    private record LinkView(Shape shape, Label label) {
    }

    public TopologyCanvasView(TopologyCanvasViewModel vm) {
        this.vm = vm;
        overview = new OverviewNames(vm);
        getStyleClass().add("topology-canvas");
        world.getStyleClass().add("world");
        world.setManaged(false);
        content.getChildren().addAll(boxLayer, linkLayer, leafLayer);
        content.setAutoSizeChildren(false);
        world.getChildren().add(content);
        world.getTransforms().addAll(pan, scale);
        boxLayer.setAutoSizeChildren(false);
        badges.setMouseTransparent(true);
        badges.setManaged(false);
        badges.getStyleClass().add("trace-badges");
        paper.getStyleClass().add("canvas-paper");
        paper.setManaged(false);
        getChildren().addAll(paper, world, standIn, overview, badges);
        pan.xProperty().addListener(o -> cameraMoved());
        pan.yProperty().addListener(o -> cameraMoved());
        scale.xProperty().addListener(o -> cameraMoved());
        widthProperty().addListener(o -> cull());
        heightProperty().addListener(o -> cull());
        changeSettle.setOnFinished(e -> {
            if (!moving) {
                coverWanted = true;
                Platform.requestNextPulse();
            }
        });
        settle.setOnFinished(e -> {
            moving = false;
            cull();
            // The next gesture should start on pictures of this view: taken at the next pulse.
            coverWanted = true;
            Platform.requestNextPulse();
        });
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setFocusTraversable(true);
        // The stand-in's tiles are painted after the layout pass of a pulse, once per pulse however
        // many camera events came before it. A theme or language (the root's classes and sheets)
        // changes what the shapes look like: the pictures go.
        sceneProperty().addListener((o, a, b) -> {
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

        vm.frameProperty().addListener((o, a, b) -> render(b));
        vm.visibleProperty().addListener((o, a, b) -> restyle());
        vm.pathProperty().addListener((o, a, b) -> restyle());
        vm.staleHostsProperty().addListener((o, a, b) -> restyle());
        vm.ruleMatchProperty().addListener((o, a, b) -> restyle());
        vm.traceProperty().addListener((o, a, b) -> {
            rebuildBadges();
            restyle();
        });
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
        dropStandIn();
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
        // A group's name is centred: the lines into its first gutter come down through the left of its band.
        v.setAlignment(n.kind() == NodeKind.GROUP ? Pos.TOP_CENTER : n.kind().isBox() ? Pos.TOP_LEFT : Pos.CENTER);
        v.setFillWidth(false);
        fill(v, n);
        return v;
    }

    /**
     * Texts and kind classes: the only part of a shape that changes with the snapshot. The texts are
     * {@link Text} nodes, not Labels: a Label is two nodes (itself and its skin's text) with a skin
     * to build and style, and thousands of vertices make every pulse walk them all.
     */
    private void fill(Region region, TopoNode n) {
        VBox v = (VBox) region;
        v.getStyleClass().removeIf(c -> c.startsWith("kind-") || c.startsWith("sub-"));
        v.getStyleClass().addAll("kind-" + css(n.kind().name()), dev.netlens.render.Styles.subClass(n.subKind()));
        if (n.kind().isBox()) {
            if (n.kind() == NodeKind.HOST) {
                v.getChildren().setAll(text(n.label(), "box-title"), text(n.caption(), "box-caption"));
            } else {
                v.getChildren().setAll(text(n.caption() == null ? n.label() : n.label() + "  ·  " + n.caption(), "box-title"));
            }
        } else if (n.kind() == NodeKind.SUMMARY) {
            List<Node> lines = new ArrayList<>(List.of(text(n.label(), "name"), text(n.caption(), "caption")));
            for (String m : Collapse.memberNames(n)) {
                lines.add(text(m, "member"));
            }
            v.getChildren().setAll(lines);
        } else if (n.caption() != null) {
            v.getChildren().setAll(text(n.label(), "name"), text(n.caption(), "caption"));
        } else {
            v.getChildren().setAll(text(n.label(), "name"));
        }
        boolean on = worldText(n.id());
        v.getChildren().forEach(c -> c.setVisible(on));
    }

    private Text text(String s, String styleClass) {
        Text t = new Text(s == null ? "" : s);
        t.getStyleClass().add(styleClass);
        t.setVisible(textShown);
        return t;
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
        Shape shape = l.kind() == LinkKind.TUNNEL ? new Path() : new Polyline();
        shape.getStyleClass().addAll("topo-link", dev.netlens.render.Styles.linkClass(l.kind()));
        if (l.mtuMismatch()) {
            shape.getStyleClass().add("mtu-mismatch");
        }
        shape.setUserData(l.id());
        shape.setMouseTransparent(true);
        Label label = null;
        if (l.label() != null) {
            label = new Label(l.label());
            label.getStyleClass().addAll("link-label", dev.netlens.render.Styles.linkClass(l.kind()));
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
        List<double[]> path = LinkPath.of(l.kind(), a, b);
        double[] at = LinkPath.labelAt(l.kind(), path);
        double lx = at[0];
        double ly = at[1];
        Rect extent = LinkPath.bounds(path);
        if (v.shape() instanceof Path p) {
            double[] s = path.get(0);
            double[] c1 = path.get(1);
            double[] c2 = path.get(2);
            double[] e = path.get(3);
            p.getElements().setAll(new MoveTo(s[0], s[1]), new CubicCurveTo(c1[0], c1[1], c2[0], c2[1], e[0], e[1]));
        } else {
            Double[] coords = new Double[path.size() * 2];
            for (int i = 0; i < path.size(); i++) {
                coords[2 * i] = path.get(i)[0];
                coords[2 * i + 1] = path.get(i)[1];
            }
            ((Polyline) v.shape()).getPoints().setAll(coords);
        }
        level.place(v.shape(), extent.x(), extent.y(), extent.maxX(), extent.maxY());
        if (v.label() != null) {
            Label label = v.label();
            leafLayer.place(label, lx, ly, lx, ly);
            label.applyCss();
            double w = label.prefWidth(-1);
            double h = label.prefHeight(-1);
            label.resizeRelocate(lx - w / 2, ly - h / 2, w, h);
        }
    }

    private void fadeIn(Node n) {
        n.setOpacity(0);
        FadeTransition f = new FadeTransition(FADE, n);
        f.setToValue(1);
        f.setOnFinished(e -> {
            n.setOpacity(1);
            fadeEnded();
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
            fadeEnded();
        });
        if (n.getParent() != null) {
            fadesRunning++;
            f.play();
        }
    }

    /** No pictures are taken while shapes fade: once the last fade ends, those of the new drawing are. */
    private void fadeEnded() {
        if (--fadesRunning == 0 && !moving) {
            changeSettle.playFromStart();
        }
    }

    /** Visibility (filters), the selected path, and stale hosts, as pseudo-classes for the stylesheet. */
    private void restyle() {
        dropStandIn(); // the pictures no longer show what the shapes look like
        Set<String> visible = vm.visibleProperty().get();
        Set<String> path = vm.pathProperty().get();
        Set<String> stale = vm.staleHostsProperty().get();
        String selected = vm.selection().selected();
        Set<String> ruleMatch = vm.ruleMatchProperty().get();
        TraceMarks trace = vm.traceProperty().get();
        boolean traced = !trace.isEmpty();
        boolean anyPath = !path.isEmpty();
        nodeViews.forEach((id, v) -> {
            TopoNode n = graph.node(id).orElseThrow();
            v.setVisible(visible.contains(id));
            boolean on = path.contains(id);
            v.pseudoClassStateChanged(ON_PATH, on);
            // Boxes are never dimmed (their members are); nor is the selection itself.
            v.pseudoClassStateChanged(DIMMED, anyPath && !on && !n.kind().isBox() && !id.equals(selected));
            v.pseudoClassStateChanged(SELECTED, id.equals(selected));
            v.pseudoClassStateChanged(STALE, n.host() != null && stale.contains(n.host()));
            v.pseudoClassStateChanged(RULE_MATCH, ruleMatch.contains(id));
            boolean onTrace = trace.path().contains(id);
            v.pseudoClassStateChanged(ON_TRACE, onTrace);
            v.pseudoClassStateChanged(TRACE_DIMMED, traced && !onTrace && !n.kind().isBox());
            v.pseudoClassStateChanged(TRACE_CURRENT, trace.current().contains(id));
            v.pseudoClassStateChanged(TRACE_STOP, id.equals(trace.stop()));
        });
        linkViews.forEach((id, v) -> {
            TopoLink l = graph.link(id).orElseThrow();
            boolean show = linkShown(l, visible);
            boolean on = path.contains(id);
            for (Node n : v.label() == null ? List.of(v.shape()) : List.of(v.shape(), v.label())) {
                n.setVisible(show && (n == v.shape() || textShown));
                n.pseudoClassStateChanged(ON_PATH, on);
                n.pseudoClassStateChanged(DIMMED, anyPath && !on);
                n.pseudoClassStateChanged(ON_TRACE, trace.path().contains(id));
                n.pseudoClassStateChanged(TRACE_DIMMED, traced && !trace.path().contains(id));
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
        placeBadges();
        // The level of detail (world text, overview names) changes when the camera rests, never within
        // a gesture: switching it drops the pictures standing in for the shapes and restyles thousands
        // of texts, a pulse far over 16 ms (issue 12). A gesture keeps the one it started with.
        boolean holding = moving && !layout.rects().isEmpty();
        boolean text = holding ? textShown : z >= TEXT_ZOOM;
        boolean names = overview.update(graph, layout, z, pan.getX(), pan.getY(), getWidth(), getHeight(),
                holding ? overviewShown : z < OverviewNames.ZOOM);
        if (names != overviewShown) {
            dropStandIn(); // the pictures hold the world names as they were: taken again
        }
        if (text != textShown || names != overviewShown) {
            textShown = text;
            overviewShown = names;
            showText();
        }
        // While the camera moves, and at rest once the view is pictured at its zoom, pictures stand in
        // for the shapes (composed after this pulse's layout).
        if (fadesRunning == 0 && !layout.rects().isEmpty() && (moving || pictured())) {
            coverWanted = true;
            Platform.requestNextPulse();
            return;
        }
        showShapesInView();
    }

    /** The shapes on screen, those that meet the view (and a margin) shown, the others hidden. */
    private void showShapesInView() {
        showShapes();
        double z = zoom();
        double m = CULL_MARGIN / z;
        double x0 = -pan.getX() / z - m;
        double y0 = -pan.getY() / z - m;
        cellsShown = cullShapes(x0, y0, x0 + getWidth() / z + 2 * m, y0 + getHeight() / z + 2 * m);
    }

    /** Whether the pictures hold all of the view (and its margin) at the view's own zoom, sharp. */
    private boolean pictured() {
        return getScene() != null && standIn.prepared(visibleWorld(), drawingBounds(), zoom() * deviceScale());
    }

    /** Device pixels per scene pixel (a HiDPI screen has several): pictures are taken in device pixels. */
    private double deviceScale() {
        return getScene() == null || getScene().getWindow() == null ? 1 : getScene().getWindow().getOutputScaleX();
    }

    // ---- trace badges ------------------------------------------------------------------------

    /** One label per badged vertex, made again when the trace changes (a few dozen at most). */
    private void rebuildBadges() {
        TraceMarks marks = vm.traceProperty().get();
        badges.getChildren().clear();
        badgeViews.clear();
        marks.badges().forEach((id, text) -> {
            Label b = new Label(text);
            b.getStyleClass().add("trace-badge");
            b.setUserData(id);
            b.pseudoClassStateChanged(TRACE_CURRENT, marks.current().contains(id));
            b.pseudoClassStateChanged(TRACE_STOP, id.equals(marks.stop()));
            b.setScaleX(badgeScale);
            b.setScaleY(badgeScale);
            badges.getChildren().add(b);
            badgeViews.put(id, b);
        });
        placeBadges();
    }

    /**
     * Each badge straddles its vertex's top-left corner (a box's: just inside it, beside its name),
     * at a fixed screen size however far out the view is: read from the back of a classroom.
     */
    private void placeBadges() {
        Set<String> visible = vm.visibleProperty().get();
        for (var e : badgeViews.entrySet()) {
            Label b = e.getValue();
            Rect r = layout.rects().get(e.getKey());
            boolean shown = r != null && visible.contains(e.getKey());
            b.setVisible(shown);
            if (!shown) {
                continue;
            }
            b.applyCss();
            double w = b.prefWidth(-1);
            double h = b.prefHeight(-1);
            boolean box = graph.node(e.getKey()).map(n -> n.kind().isBox()).orElse(false);
            Point2D at = toView(r.x(), r.y());
            double x = box ? at.getX() + 4 : at.getX() - w * 0.6;
            double y = box ? at.getY() + 4 : at.getY() - h * 0.6;
            b.resizeRelocate(Math.rint(x), Math.rint(y), w, h);
        }
    }

    /** Badges grow with presentation's projector zoom. */
    public void setBadgeScale(double scale) {
        badgeScale = scale;
        badgeViews.values().forEach(b -> {
            b.setScaleX(scale);
            b.setScaleY(scale);
        });
        placeBadges();
    }

    /** The badge text drawn on a vertex now, if any (for tests). */
    public Optional<String> badgeOf(String id) {
        Label b = badgeViews.get(id);
        return b == null || !b.isVisible() ? Optional.empty() : Optional.of(b.getText());
    }

    /** Shows the cells meeting the world rectangle, hides the others; returns how many are shown. */
    private int cullShapes(double x0, double y0, double x1, double y1) {
        int shown = 0;
        for (CellLayer level : boxLevels.values()) {
            shown += level.cull(x0, y0, x1, y1);
        }
        shown += linkLayer.cull(x0, y0, x1, y1);
        shown += leafLayer.cull(x0, y0, x1, y1);
        return shown;
    }

    /**
     * At a pulse after the camera moved: the stand-in covers the view and the shapes are hidden. At a
     * pulse after it stopped: a little more of the pictures the next gesture may need is taken (see
     * {@link StandInTiles#prepare}), one part per pulse, while the shapes stay on screen; once the view
     * is pictured at its own zoom, the pictures stand in at rest too. In a software renderer a picture
     * is drawn in a few milliseconds where the shapes of a large host take up to a second, and any
     * change to the drawing drops the pictures at once ({@link #dropStandIn}); without this, every
     * part taken at rest (which hides and shows shapes for its snapshot) made the next frame draw every
     * shape in view again, and a gesture starting then waited for it (issue 12: a first frame of a
     * second at fit on 200 containers).
     */
    private void coverView() {
        if (!coverWanted) {
            return;
        }
        coverWanted = false;
        if (fadesRunning > 0 || layout.rects().isEmpty() || getWidth() <= 0) {
            return;
        }
        Rect view = visibleWorld();
        double device = deviceScale();
        double pixelZoom = zoom() * device;
        if (moving) {
            standIn.coverMoving(view, drawingBounds(), pixelZoom, this::paintTiles);
        } else if (!standIn.prepared(view, drawingBounds(), pixelZoom)) {
            if (standIn.prepare(view, drawingBounds(), pixelZoom, device, this::paintTiles)) {
                coverWanted = true; // more at the next pulse
                Platform.requestNextPulse();
            }
            if (!standIn.prepared(view, drawingBounds(), pixelZoom)) {
                showShapesInView(); // the shapes in view, as they were before the snapshot
                return;
            }
        }
        standIn.show(pan.getX() * device, pan.getY() * device, pixelZoom, (int) Math.ceil(getWidth() * device),
                (int) Math.ceil(getHeight() * device), device, argbPre(canvasFill()));
        content.setOpacity(0); // skipped by the renderer, without touching the subtree
        content.setCovered(true); // and by the scene's bounds pass
        paper.setVisible(false); // the picture is opaque: nothing to fill under it
        standIn.setVisible(true);
    }

    /** Where anything is drawn, tunnel arcs included (world coordinates). */
    private Rect drawingBounds() {
        if (drawing == null || drawingOf != layout) {
            Rect b = layout.bounds(); // a union over every vertex: once per layout, not several times a pulse
            double top = b.y() - LinkPath.TUNNEL_RISE;
            drawing = new Rect(b.x() - 16, top - 16, b.w() + 32, b.y() + b.h() - top + 32);
            drawingOf = layout;
        }
        return drawing;
    }

    /** Tiles of the stand-in: the shapes near them shown, pictured at zoom z (device pixels) on the canvas's background. */
    private Image paintTiles(double z, int px, int py, int w, int h) {
        double m = CULL_MARGIN / z;
        double wx = px / z;
        double wy = py / z;
        content.setOpacity(1);
        content.setCovered(false);
        cullShapes(wx - m, wy - m, wx + w / z + m, wy + h / z + m);
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(canvasFill());
        p.setTransform(new Scale(z, z));
        p.setViewport(new Rectangle2D(px, py, w, h));
        return content.snapshot(p, null);
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
    private void dropStandIn() {
        coverWanted = false;
        standIn.forget();
        showShapes();
        if (getScene() != null && !moving) {
            changeSettle.playFromStart(); // pictures of the new drawing taken once it stops changing
        }
    }

    private void cameraMoved() {
        moving = !quietJump;
        settle.playFromStart();
        cull();
    }

    private void showText() {
        nodeViews.forEach((id, v) -> {
            boolean on = worldText(id);
            for (Node c : v.getChildrenUnmodifiable()) {
                c.setVisible(on);
            }
        });
        Set<String> visible = vm.visibleProperty().get();
        linkViews.forEach((id, v) -> {
            if (v.label() != null) {
                v.label().setVisible(textShown && graph.link(id).map(l -> linkShown(l, visible)).orElse(false));
            }
        });
    }

    /** Whether a vertex's own texts are drawn: above {@link #TEXT_ZOOM}, unless the overview names it. */
    private boolean worldText(String id) {
        return textShown && !(overviewShown && graph.node(id).map(n -> OverviewNames.names(n.kind())).orElse(false));
    }

    // ---- viewport ----------------------------------------------------------------------------

    @Override
    protected void layoutChildren() {
        if (getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        paper.resize(getWidth(), getHeight());
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
    public void fitToWindow() {
        stopCameraMove();
        if (getWidth() <= 0) {
            fitPending = true;
            return;
        }
        Rect bounds = drawnBounds(vm.visibleProperty().get());
        if (bounds == null) {
            return;
        }
        fit(bounds, getWidth(), getHeight(), 1, 2.0);
    }

    /** Fits the whole graph, whatever the filters or the reveal step hide, then magnifies by {@code factor}. */
    public void fitAll(double factor) {
        fitAll(factor, 0, 0);
    }

    /** As {@link #fitAll(double)}, leaving room on the right and at the bottom (for overlays). */
    public void fitAll(double factor, double rightInset, double bottomInset) {
        stopCameraMove();
        Rect bounds = drawnBounds(null);
        if (getWidth() <= 0 || bounds == null) {
            return;
        }
        fit(bounds, Math.max(100, getWidth() - rightInset), Math.max(100, getHeight() - bottomInset), factor, 4.0);
    }

    /**
     * The world rectangle holding the vertices ({@code only} those, or all for null) and, when a
     * tunnel between them is drawn, most of its arc above them; null when there is nothing.
     */
    private Rect drawnBounds(Set<String> only) {
        Rect bounds = null;
        for (var e : layout.rects().entrySet()) {
            if (only == null || only.contains(e.getKey())) {
                bounds = bounds == null ? e.getValue() : bounds.union(e.getValue());
            }
        }
        boolean tunnels = linkViews.keySet().stream().anyMatch(id -> (only == null || only.contains(id))
                && graph.link(id).map(TopoLink::isTunnel).orElse(false));
        if (bounds != null && tunnels) {
            bounds = bounds.union(new Rect(bounds.x(), bounds.y() - LinkPath.TUNNEL_RISE * 0.8, 1, 1));
        }
        return bounds;
    }

    /** Centres {@code bounds} in the w x h top-left part of the view, as large as fits times {@code factor}. */
    private void fit(Rect bounds, double w, double h, double factor, double maxZoom) {
        double margin = 24;
        double z = Math.min((w - 2 * margin) / bounds.w(), (h - 2 * margin) / bounds.h()) * factor;
        setZoom(Math.max(0.05, Math.min(z, maxZoom)));
        setPan(w / 2 - bounds.centerX() * zoom(), h / 2 - bounds.centerY() * zoom());
    }

    /** Brings a vertex to the middle, zooming in to reading size if the view is far out. */
    /** How long the camera must be still before the shapes come back (tests on a loaded machine lengthen it). */
    void settleDelay(Duration delay) {
        settle.setDuration(delay);
    }

    public void centreOn(String id) {
        stopCameraMove();
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

    /**
     * Frames a world rectangle in the part of the view left of {@code rightInset} and above
     * {@code bottomInset} (where overlays leave the drawing room): as large as fits, but no smaller
     * than {@code minZoom} and no larger than {@code maxZoom} (minZoom wins). A rectangle larger than
     * that part at minZoom is centred in it at minZoom; the rest is a pan away. Moves there over
     * {@code duration} (zoom and centre eased together), or at once for {@link Duration#ZERO}.
     */
    public void frame(Rect region, double minZoom, double maxZoom, double rightInset, double bottomInset, Duration duration) {
        stopCameraMove();
        if (getWidth() <= 0 || getHeight() <= 0 || region == null) {
            return;
        }
        double margin = 24;
        double w = Math.max(100, getWidth() - rightInset);
        double h = Math.max(100, getHeight() - bottomInset);
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
    public boolean isCameraAnimating() {
        return cameraMove != null;
    }

    private void stopCameraMove() {
        if (cameraMove != null) {
            Transition move = cameraMove;
            cameraMove = null;
            move.stop();
        }
    }

    /** Moves the view over the world by screen pixels (positive dx shows more of what is to the right). */
    public void panBy(double dx, double dy) {
        stopCameraMove();
        setPan(pan.getX() - dx, pan.getY() - dy);
    }

    public void zoomBy(double factor) {
        zoomAt(factor, getWidth() / 2, getHeight() / 2);
    }

    private void zoomAt(double factor, double x, double y) {
        stopCameraMove();
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

    /** Pans by whole pixels: the shapes and the stand-in's tiles then sit on the pixel grid (crisp, and cheap to draw). */
    private void setPan(double x, double y) {
        pan.setX(Math.rint(x));
        pan.setY(Math.rint(y));
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            zoomAt(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
        }
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        requestFocus();
        stopCameraMove();
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
            String id = isStandInShown() ? vertexAt(e.getX(), e.getY()) : idAt(e.getPickResult().getIntersectedNode());
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

    /**
     * The vertex drawn at a point of this view, from the layout: while pictures stand in for the
     * shapes there is nothing to pick. A leaf over any box, and the innermost of nested boxes.
     */
    private String vertexAt(double x, double y) {
        double wx = (x - pan.getX()) / zoom();
        double wy = (y - pan.getY()) / zoom();
        Set<String> visible = vm.visibleProperty().get();
        String best = null;
        double bestArea = Double.MAX_VALUE;
        boolean bestLeaf = false;
        for (var e : layout.rects().entrySet()) {
            Rect r = e.getValue();
            if (wx < r.x() || wx > r.maxX() || wy < r.y() || wy > r.maxY() || !visible.contains(e.getKey())) {
                continue;
            }
            boolean leaf = graph.node(e.getKey()).map(n -> !n.kind().isBox()).orElse(false);
            double area = r.w() * r.h();
            if (leaf && !bestLeaf || leaf == bestLeaf && area < bestArea) {
                best = e.getKey();
                bestArea = area;
                bestLeaf = leaf;
            }
        }
        return best;
    }

    /** The vertex under a point of this view, as a click picks it (for the window's double-click and context menu). */
    public String vertexUnder(double x, double y, javafx.scene.input.PickResult pick) {
        return isStandInShown() ? vertexAt(x, y) : idAt(pick == null ? null : pick.getIntersectedNode());
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
        double dx = getWidth() / 4;
        double dy = getHeight() / 4;
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

    // ---- for tests and panels ------------------------------------------------------------------

    /**
     * Whether a vertex is painted now: on the canvas, not hidden by a filter, and in (or near) the
     * viewport. Shapes far outside the viewport are not painted.
     */
    public boolean isDrawn(String id) {
        Node v = nodeViews.get(id);
        boolean pictured = isStandInShown(); // the picture shows what is in view
        for (Node at = v; at != null && at != this; at = at.getParent()) {
            if (!at.isVisible() || !pictured && at instanceof CellLayer.Cell c && !CellLayer.shown(c)) {
                return false;
            }
        }
        if (pictured) {
            Rect r = layout.rects().get(id);
            Rect view = visibleWorld();
            double m = CULL_MARGIN / zoom();
            return r != null && v.getParent() != null && r.overlaps(view, m);
        }
        return v != null && v.getParent() != null;
    }

    /** Whether names and captions are drawn at the current zoom (see {@link #TEXT_ZOOM}). */
    public boolean isTextShown() {
        return textShown;
    }

    /**
     * The names the overview layer draws now (below {@link OverviewNames#ZOOM}; none above it, where
     * the world text names everything at 10 px or more), with their size and place on screen.
     */
    public List<OverviewNames.ShownName> overviewNames() {
        return overview.shown();
    }

    /** Whether pictures stand in for the shapes now (while the camera moves). */
    public boolean isStandInShown() {
        return content.getOpacity() == 0 && standIn.isVisible() && standIn.hasPictures();
    }

    /** How many pictures (tiles, and the backdrop as one) are kept for the next gesture (or shown now), for tests and diagnostics. */
    public int standInTiles() {
        return standIn.tileCount() + (standIn.hasBackdrop() ? 1 : 0);
    }

    /** Whether the pictures the next gesture needs from this view are all taken (for benchmarks and tests). */
    public boolean standInPrepared() {
        return !layout.rects().isEmpty() && pictured();
    }

    /** The shapes on screen now, the pictures dropped (for tests comparing the two). */
    void showShapesNow() {
        dropStandIn();
        showShapesInView();
    }

    /** How many cells (groups of nearby shapes) are shown now, for diagnostics. */
    public int cellsShown() {
        return cellsShown;
    }

    /** The shape drawn for a vertex, if it is on the canvas now. */
    public Optional<Region> viewOf(String id) {
        return Optional.ofNullable(nodeViews.get(id));
    }

    /** Rates on the links (see {@link TrafficMarks}); an empty map takes every mark off. FX thread. */
    public void showTraffic(java.util.Map<String, dev.netlens.traffic.LinkRate> rates) {
        if (!traffic.show(rates, this::linkOf).isEmpty()) {
            dropStandIn();
        }
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
