package dev.netlens.ui.topology;

import dev.netlens.graph.Collapse;
import dev.netlens.graph.LinkKind;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoLink;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.Layout;
import dev.netlens.layout.LinkPath;
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
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Shape;
import javafx.scene.text.Text;
import javafx.util.Duration;

/**
 * The canvas's shapes, reconciled by id with each frame: a new frame adds and removes only what
 * changed (fading in and out) and moves nothing that kept its place. Places each shape in its
 * {@link CellLayer} (boxes and most links on a level per z order, leaves and link labels on top),
 * routes the links, and sets the pseudo-classes the stylesheet reads (filters, path, trace) and
 * which texts are drawn at the current level of detail.
 */
final class ShapeReconciler {
    private static final PseudoClass ON_PATH = PseudoClass.getPseudoClass("on-path");
    private static final PseudoClass DIMMED = PseudoClass.getPseudoClass("dimmed");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    private static final PseudoClass RULE_MATCH = PseudoClass.getPseudoClass("rule-match");
    private static final PseudoClass ON_TRACE = PseudoClass.getPseudoClass("on-trace");
    private static final PseudoClass TRACE_DIMMED = PseudoClass.getPseudoClass("trace-dimmed");
    static final PseudoClass TRACE_CURRENT = PseudoClass.getPseudoClass("trace-current");
    static final PseudoClass TRACE_STOP = PseudoClass.getPseudoClass("trace-stop");
    private static final Duration FADE = Duration.millis(450);

    private final TopologyCanvasViewModel vm;
    /** Boxes and the links between them, one {@link CellLayer} per z level (see {@link #zOrder}). */
    private final Group boxLayer;
    private final TreeMap<Integer, CellLayer> boxLevels = new TreeMap<>();
    private final CellLayer linkLayer;
    private final CellLayer leafLayer;
    private final CellLayer.Extent extent = this::extent;
    private final Map<String, Region> nodeViews = new HashMap<>();
    private final Map<String, LinkView> linkViews = new HashMap<>();
    /** Called first whenever what the shapes look like changes (the pictures of them go). */
    private final Runnable drawingChanged;
    /** Called once the shapes are styled: culls them to the view. */
    private final Runnable cull;
    /** Called when the last running fade ends (pictures are never taken of fading shapes). */
    private final Runnable fadesEnded;
    private Layout layout = Layout.EMPTY;
    private TopologyGraph graph = TopologyGraph.empty();
    private int fadesRunning;
    /** Whether labels are shown (zoom at or above {@link TopologyCanvasView#TEXT_ZOOM}). */
    private boolean textShown = true;
    /** Whether the overview names stand in for the world names of hosts, networks and containers now. */
    private boolean overviewShown;

    /** A link's drawing: its line and, for tunnels and MTU mismatches, a label. */
    private record LinkView(Shape shape, Label label) {
    }

    ShapeReconciler(TopologyCanvasViewModel vm, Group boxLayer, CellLayer linkLayer, CellLayer leafLayer,
            Runnable drawingChanged, Runnable cull, Runnable fadesEnded) {
        this.vm = vm;
        this.boxLayer = boxLayer;
        this.linkLayer = linkLayer;
        this.leafLayer = leafLayer;
        this.drawingChanged = drawingChanged;
        this.cull = cull;
        this.fadesEnded = fadesEnded;
    }

    Layout layout() {
        return layout;
    }

    TopologyGraph graph() {
        return graph;
    }

    /** Whether shapes are still fading in or out (no pictures are taken of them meanwhile). */
    boolean fading() {
        return fadesRunning > 0;
    }

    /**
     * Draws a frame; returns whether it is the first with anything in it (the camera then fits it
     * once laid out).
     */
    boolean render(TopologyFrame frame) {
        drawingChanged.run();
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
        cull.run();
        return first && !layout.rects().isEmpty();
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

    private void fadeEnded() {
        if (--fadesRunning == 0) {
            fadesEnded.run();
        }
    }

    /** Visibility (filters), the selected path, and stale hosts, as pseudo-classes for the stylesheet. */
    void restyle() {
        drawingChanged.run(); // the pictures no longer show what the shapes look like
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
        cull.run();
    }

    /** Whether the filters and the reveal step let a link be drawn. */
    private boolean linkShown(TopoLink l, Set<String> visible) {
        return visible.contains(l.source()) && visible.contains(l.target()) && vm.linkRevealed(l.id());
    }

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

    /** Shows the cells meeting the world rectangle, hides the others; returns how many are shown. */
    int cullShapes(double x0, double y0, double x1, double y1) {
        int shown = 0;
        for (CellLayer level : boxLevels.values()) {
            shown += level.cull(x0, y0, x1, y1);
        }
        shown += linkLayer.cull(x0, y0, x1, y1);
        shown += leafLayer.cull(x0, y0, x1, y1);
        return shown;
    }

    boolean textShown() {
        return textShown;
    }

    boolean overviewShown() {
        return overviewShown;
    }

    /**
     * Sets the level of detail: whether texts are drawn at all, and whether the overview names stand
     * in for the world names of the kinds they name.
     */
    void showText(boolean text, boolean overview) {
        textShown = text;
        overviewShown = overview;
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

    /** Whether a vertex's own texts are drawn: above {@link TopologyCanvasView#TEXT_ZOOM}, unless the overview names it. */
    private boolean worldText(String id) {
        return textShown && !(overviewShown && graph.node(id).map(n -> OverviewNames.names(n.kind())).orElse(false));
    }

    /**
     * The world rectangle holding the vertices ({@code only} those, or all for null) and, when a
     * tunnel between them is drawn, most of its arc above them; null when there is nothing.
     */
    Rect drawnBounds(Set<String> only) {
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

    /** The shape drawn for a vertex, if it is on the canvas now. */
    Optional<Region> viewOf(String id) {
        return Optional.ofNullable(nodeViews.get(id));
    }

    /** The line drawn for a link, if it is on the canvas now. */
    Optional<Shape> linkOf(String id) {
        return Optional.ofNullable(linkViews.get(id)).map(LinkView::shape);
    }
}
