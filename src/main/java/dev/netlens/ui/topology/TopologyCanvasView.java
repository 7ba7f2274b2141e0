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
import javafx.animation.FadeTransition;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
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

    private final TopologyCanvasViewModel vm;
    private final Pane world = new Pane();
    private final Pane boxLayer = new Pane();
    private final Pane linkLayer = new Pane();
    private final Pane leafLayer = new Pane();
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

    /** A link's drawing: its line and, for tunnels and MTU mismatches, a label. */
    private record LinkView(Shape shape, Label label) {
    }

    public TopologyCanvasView(TopologyCanvasViewModel vm) {
        this.vm = vm;
        getStyleClass().add("topology-canvas");
        world.getStyleClass().add("world");
        world.setManaged(false);
        world.getChildren().addAll(boxLayer, linkLayer, leafLayer);
        world.getTransforms().addAll(pan, scale);
        getChildren().add(world);
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
        render(vm.frameProperty().get());
    }

    // ---- reconciliation -------------------------------------------------------------------

    private void render(TopologyFrame frame) {
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
                (n.kind().isBox() ? boxLayer : leafLayer).getChildren().add(v);
                if (!first) {
                    fadeIn(v);
                }
            } else if (frame.diff().changedNodes().contains(n.id())) {
                fill(v, n);
            }
            place(v, e.getValue());
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
                (onTop(l) ? linkLayer : boxLayer).getChildren().add(v.shape());
                if (v.label() != null) {
                    leafLayer.getChildren().add(v.label());
                }
                if (!first) {
                    fadeIn(v.shape());
                }
            }
            route(l, v);
        }
        sortBoxes();
        restyle();
        if (first && !layout.rects().isEmpty()) {
            fitPending = true;
            requestLayout();
        }
    }

    /**
     * Hosts behind namespaces, and each link just above the innermost box holding both its ends: a
     * line that crosses another namespace passes behind it, so it cannot be read as joining it.
     */
    private void sortBoxes() {
        List<Node> sorted = new ArrayList<>(boxLayer.getChildren());
        sorted.sort((a, b) -> Integer.compare(zOrder(a), zOrder(b)));
        boxLayer.getChildren().setAll(sorted);
    }

    private int zOrder(Node n) {
        if (!(n.getUserData() instanceof String id)) {
            return Integer.MAX_VALUE;
        }
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
        if (!n.kind().isBox()) {
            Tooltip t = new Tooltip();
            t.getStyleClass().add("topo-tooltip");
            t.setShowDelay(Duration.millis(250));
            t.setOnShowing(e -> t.setText(vm.tooltip(n.id())));
            Tooltip.install(v, t);
        }
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
        if (n.kind().isBox()) {
            if (n.kind() == NodeKind.HOST) {
                Label cap = new Label(n.caption());
                cap.getStyleClass().add("box-caption");
                v.getChildren().setAll(name, cap);
            } else {
                name.setText(n.caption() == null ? n.label() : n.label() + "  ·  " + n.caption());
                v.getChildren().setAll(name);
            }
        } else if (n.caption() != null) {
            Label cap = new Label(n.caption());
            cap.getStyleClass().add("caption");
            cap.setMinWidth(Region.USE_PREF_SIZE);
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
        double lx;
        double ly;
        if (v.shape() instanceof Path p) {
            double top = Math.min(a.y(), b.y()) - TUNNEL_RISE;
            p.getElements().setAll(new MoveTo(a.centerX(), a.y()),
                    new CubicCurveTo(a.centerX(), top, b.centerX(), top, b.centerX(), b.y()));
            lx = (a.centerX() + b.centerX()) / 2;
            ly = 0.25 * (a.y() + b.y()) / 2 + 0.75 * top;
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
        }
        if (v.label() != null) {
            Label label = v.label();
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

    private static void fadeIn(Node n) {
        n.setOpacity(0);
        FadeTransition f = new FadeTransition(FADE, n);
        f.setToValue(1);
        f.setOnFinished(e -> n.setOpacity(1));
        f.play();
    }

    private static void fadeOut(Node n) {
        n.setMouseTransparent(true);
        FadeTransition f = new FadeTransition(FADE, n);
        f.setToValue(0);
        f.setOnFinished(e -> ((Pane) n.getParent()).getChildren().remove(n));
        if (n.getParent() != null) {
            f.play();
        }
    }

    /** Visibility (filters), the selected path, and stale hosts, as pseudo-classes for the stylesheet. */
    private void restyle() {
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
            boolean show = visible.contains(l.source()) && visible.contains(l.target()) && vm.linkRevealed(id);
            boolean on = path.contains(id);
            for (Node n : v.label() == null ? List.of(v.shape()) : List.of(v.shape(), v.label())) {
                n.setVisible(show);
                n.pseudoClassStateChanged(ON_PATH, on);
                n.pseudoClassStateChanged(DIMMED, anyPath && !on);
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
