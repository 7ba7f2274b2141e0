package dev.netlens.ui.topology;

import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.Layout;
import dev.netlens.layout.Rect;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.css.PseudoClass;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Names at a constant screen size over the canvas while the zoom is too small for the drawing's own
 * text to be read (issue "Readable at real scale", item 3): at fit-to-window a host with 50-200
 * containers is drawn at zoom 0.07-0.35, where a 16 px world name would be 1-6 px tall.
 *
 * <p>Below {@link #ZOOM} (where a world name, 16 px at zoom 1, would be under {@link #MIN_PX}) this
 * layer draws, at the screen size the stylesheet gives it ({@code .overview-name}: 12-16 px), the
 * names of hosts (largest), of bridges (device and Docker network) and networks without a device,
 * of any box other than a namespace (groups), and of containers; the canvas hides the world text of
 * those vertices meanwhile ({@link #names(NodeKind)}), so no name is drawn twice. The texts of other
 * vertices (interfaces, ports, namespace titles) keep the canvas's own rule ({@code TEXT_ZOOM}).
 *
 * <p>Declutter: names are placed by priority, hosts, then networks and groups, then containers
 * (larger shapes first among equals, then top to bottom). A name goes on its shape (leaves) or in its
 * top-left corner (boxes); a leaf's name that would overlap a name already placed tries just above,
 * then just below its shape (a bridge: also beside its bus's ends, then up to three rows further up or
 * down), then its shorter form (a bridge's Docker network alone), then the same
 * shortened in the middle with an ellipsis (start and end kept: {@code myproject…-web-1}) to the width
 * of its room and then of its shape; a name that still overlaps one already placed is not drawn.
 *
 * <p>Room: a name never reaches more than {@link #SLACK} px beyond either side of its shape, except
 * that a shape narrower than {@link #MIN_ROOM} (a bridge at fit of 200 containers is 11 px wide) is
 * labelled like a point on a map, within {@link #MIN_ROOM} centred on it, and a container alone in its
 * namespace has that namespace's box (the box with its interfaces is how the container is drawn). A
 * box's name stays inside the box.
 *
 * <p>Stand-in pictures ({@link StandInTiles}): this layer is above them, never in them. The pictures
 * are magnified and shrunk pixel by pixel while the camera zooms, so names in them would grow and
 * shrink with the zoom and blur, and which names fit changes with the zoom. Drawn above, the names
 * keep their size and move in the pulse that composes the picture for the new camera (the same
 * post-layout pass: no lag): while a zoom goes on, the names placed at its start follow their shapes,
 * and they are placed again (which fit, shortened how) once the camera rests. The pictures hold no
 * world name of these vertices (the canvas
 * takes new pictures when the overlay starts or stops, so a picture never carries a world name
 * that the overlay also draws).
 *
 * <p>Cost (frames under 16 ms with 2,500 vertices): the names are placed at most once a pulse, only
 * for shapes in (or {@link #VIEW_MARGIN} around) the view; a pan shorter than {@link #SHIFT} only
 * moves the layer. Each name is a plate and a text in a group cached as a small bitmap and moved
 * by its layout position, so a frame draws bitmaps, not glyphs, unless a name's text changed; the
 * groups are kept by vertex, reused, and drawn only while placed; widths are measured once per text
 * and font. Placing 241 names (the frames benchmark's graph at fit) takes about 1 ms, 660 names
 * (1,000 containers) 3-5 ms; painting the 241 adds about 4 ms to a frame in the software pipeline
 * on a loaded machine. Colours and fonts come from the stylesheet ({@code .overview-name},
 * {@code .overview-plate} and the kind classes), so the themes apply.
 */
public final class OverviewNames extends Group {
    /** The smallest size at which a name is drawn on screen, in px: world names smaller than this give way to this layer. */
    public static final double MIN_PX = 10;
    /** Below this zoom the layer draws the names: a world name ({@link FxLabelMetrics#LABEL_SIZE} px) would be under {@link #MIN_PX}. */
    public static final double ZOOM = MIN_PX / FxLabelMetrics.LABEL_SIZE;
    /** How far (screen px) a leaf's name may reach beyond each side of its shape. */
    static final double SLACK = 12;
    /** The width (screen px) a leaf's name may always have, centred on the shape, however narrow the shape. */
    static final double MIN_ROOM = 96;
    /** A shortened name keeps at least this many characters (shorter ones are drawn whole or not at all). */
    private static final int MIN_KEPT = 6;
    private static final double PAD_X = 4;
    private static final double PAD_Y = 1;
    /** Names closer than this (px) count as overlapping. */
    private static final double GAP = 1;
    /** Shapes this far (px) outside the view still get their names placed (they may reach into it). */
    private static final double VIEW_MARGIN = 64;
    /** A pan up to this far (px) moves the names placed as they are; a longer one places them again. */
    private static final double SHIFT = 48;
    /** Side of the cells of the index of placed names (px). */
    private static final double CELL = 64;
    private static final String ELLIPSIS = "…";
    private static final PseudoClass DIMMED = PseudoClass.getPseudoClass("dimmed");
    private static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    /**
     * A name drawn now, for tests and benchmarks: the vertex, its text (shortened or not), whether that
     * is one of its whole forms, the text's size on screen in px (its font size: 16 px for a world name
     * at zoom 1), and the plate's bounds in the canvas's coordinates.
     */
    public record ShownName(String id, NodeKind kind, String text, boolean whole, double height, Bounds bounds) {
    }

    /**
     * A vertex that may be named: its shape (world), the wider box its name may fill (world, or null:
     * its shape and {@link #SLACK}), its texts, longest first.
     */
    private record Entry(String id, NodeKind kind, String styleKey, List<String> classes, int priority, boolean box,
            Rect shape, Rect room, List<String> texts, boolean dimmed, boolean stale) {
    }

    /**
     * The nodes drawing one name: a plate and its text in a group placed by its layout position. The
     * group is cached as a small bitmap: moving it (a pan, a zoom) draws that bitmap, and only a
     * new text paints glyphs again (hundreds of text runs a frame cost about 10 ms in software,
     * one bitmap of the whole layer as much, to blend).
     */
    private static final class Slot {
        final String styleKey;
        final Rectangle plate = new Rectangle();
        final Text text = new Text();
        final Group label = new Group(plate, text);
        /** What it shows now: the text, whether whole, the font size, and the plate (x, y, w, h in this layer). */
        String shownText;
        boolean whole;
        double size;
        double[] at;
        /** The world point the plate keeps its screen offset from while a zoom holds the placement (see {@link #follow}). */
        double anchorX;
        double anchorY;
        double offsetX;
        double offsetY;
        boolean dimmed;
        boolean stale;

        Slot(String styleKey, List<String> classes) {
            this.styleKey = styleKey;
            plate.getStyleClass().add("overview-plate");
            plate.getStyleClass().addAll(classes);
            text.getStyleClass().add("overview-name");
            text.getStyleClass().addAll(classes);
            text.setTextOrigin(VPos.TOP);
            text.setX(PAD_X);
            text.setY(PAD_Y);
            label.setCache(true);
        }

        void show(boolean on) {
            label.setVisible(on);
        }
    }

    private final TopologyCanvasViewModel vm;
    private final Text measurer = new Text();
    private final Map<Font, Map<String, Double>> widths = new HashMap<>();
    private final Map<Font, Double> lineHeights = new HashMap<>();
    private final Map<String, Font> fonts = new HashMap<>();
    private final Map<String, Text> probes = new HashMap<>();
    private final Map<String, Slot> slots = new HashMap<>();
    private final Map<String, ArrayDeque<Slot>> pool = new HashMap<>();
    private final Map<Long, List<double[]>> placed = new HashMap<>();
    private List<Entry> entries = List.of();
    /** What the entries were made from: rebuilt when any of these is another object. */
    private TopologyGraph graphOf;
    private Layout layoutOf;
    private Set<String> visibleOf;
    private Set<String> pathOf;
    private Set<String> staleOf;
    /** The camera the names were asked for, placed at the next pulse. */
    private TopologyGraph graph = TopologyGraph.empty();
    private Layout layout = Layout.EMPTY;
    private double zoom = 1;
    private double panX;
    private double panY;
    private double width;
    private double height;
    private boolean dirty;
    /** Whether the names are drawn (below {@link #ZOOM}, or as the canvas holds it during a gesture). */
    private boolean on;
    /**
     * Whether the camera is moving: a zoom then moves the names placed at its start with their shapes
     * (screen size kept) instead of placing them again, and they are placed again once it rests. Placing
     * anew at each zoom pulse changed which names fit and their shortened texts, and every changed
     * name's bitmap was made again: the slowest pulses of a zoom at fit (issue 12).
     */
    private boolean holding;
    /** The camera the names were last placed for; NaN: to be placed again whatever the camera. */
    private double placedZoom = Double.NaN;
    private double placedX;
    private double placedY;
    private double placedW;
    private double placedH;
    /** Whether nodes were made in this placement (styled together at its end). */
    private boolean made;
    private final Runnable atPulse = this::flush;
    private final InvalidationListener styleChanged = o -> {
        fonts.clear(); // the theme may change weights; the pulse's CSS pass comes before flush
        placedZoom = Double.NaN;
        dirty = true;
        Platform.requestNextPulse();
    };

    OverviewNames(TopologyCanvasViewModel vm) {
        this.vm = vm;
        getStyleClass().add("overview-names");
        setManaged(false);
        setAutoSizeChildren(false);
        setMouseTransparent(true); // clicks and hovers go to the shapes beneath
        measurer.setTextOrigin(VPos.TOP);
        sceneProperty().addListener((o, a, b) -> {
            if (a != null) {
                a.removePostLayoutPulseListener(atPulse);
                a.getRoot().getStyleClass().removeListener(styleChanged);
                a.getRoot().getStylesheets().removeListener(styleChanged);
            }
            if (b != null) {
                b.addPostLayoutPulseListener(atPulse);
                b.getRoot().getStyleClass().addListener(styleChanged);
                b.getRoot().getStylesheets().addListener(styleChanged);
            }
        });
    }

    /** Whether this layer names vertices of this kind below {@link #ZOOM} (the canvas hides their world text then). */
    public static boolean names(NodeKind kind) {
        return kind == NodeKind.HOST || kind == NodeKind.BRIDGE || kind == NodeKind.NETWORK || kind == NodeKind.CONTAINER
                || kind.isBox() && kind != NodeKind.NAMESPACE;
    }

    /**
     * The camera moved or the drawing changed: the names are placed again at the next pulse, after
     * its layout pass (as the stand-in's picture is composed). Returns whether this layer draws the
     * names at this zoom, so the canvas hides their world text.
     */
    boolean update(TopologyGraph g, Layout l, double z, double x, double y, double w, double h) {
        return update(g, l, z, x, y, w, h, z < ZOOM);
    }

    /**
     * As {@link #update(TopologyGraph, Layout, double, double, double, double, double)}, drawing the
     * names or not as {@code on} says whatever the zoom (the canvas keeps the level of detail of the
     * gesture's start until the camera rests).
     */
    boolean update(TopologyGraph g, Layout l, double z, double x, double y, double w, double h, boolean on) {
        return update(g, l, z, x, y, w, h, on, false);
    }

    /** As above; {@code holding}: the camera is moving (see {@link #holding}). */
    boolean update(TopologyGraph g, Layout l, double z, double x, double y, double w, double h, boolean on,
            boolean holding) {
        this.holding = holding;
        this.on = on;
        graph = g;
        layout = l;
        zoom = z;
        panX = x;
        panY = y;
        width = w;
        height = h;
        if (!dirty) {
            dirty = true;
            Platform.requestNextPulse();
        }
        return on;
    }

    /** The names drawn now (placing them first if a change is pending), in the order they were placed. */
    List<ShownName> shown() {
        flush();
        List<ShownName> out = new ArrayList<>();
        for (Entry e : entries) {
            Slot s = slots.get(e.id());
            if (s != null) {
                out.add(new ShownName(e.id(), e.kind(), s.shownText, s.whole, s.size,
                        new BoundingBox(s.at[0] + getTranslateX(), s.at[1] + getTranslateY(), s.at[2], s.at[3])));
            }
        }
        return out;
    }

    private void flush() {
        if (!dirty) {
            return;
        }
        dirty = false;
        if (!on || width <= 0 || height <= 0 || getScene() == null) {
            for (String id : new ArrayList<>(slots.keySet())) {
                release(id);
            }
            placedZoom = Double.NaN;
            return;
        }
        if (!rebuild() && zoom == placedZoom && width == placedW && height == placedH
                && Math.abs(panX - placedX) <= SHIFT && Math.abs(panY - placedY) <= SHIFT) {
            // A short pan: the names placed for the shapes in view and VIEW_MARGIN around it move along.
            setTranslateX(panX - placedX);
            setTranslateY(panY - placedY);
            return;
        }
        if (holding && !Double.isNaN(placedZoom) && zoom != placedZoom && width == placedW && height == placedH) {
            setTranslateX(0);
            setTranslateY(0);
            follow(); // the placement's camera stays as it was: placed again at rest (the zoom differs)
            return;
        }
        setTranslateX(0);
        setTranslateY(0);
        place();
        placedZoom = zoom;
        placedX = panX;
        placedY = panY;
        placedW = width;
        placedH = height;
    }

    // ---- what may be named ---------------------------------------------------------------------

    /** Makes the entries again if what they come from changed; returns whether it did. */
    private boolean rebuild() {
        Set<String> visible = vm.visibleProperty().get();
        Set<String> path = vm.pathProperty().get();
        Set<String> stale = vm.staleHostsProperty().get();
        if (graph == graphOf && layout == layoutOf && visible == visibleOf && path == pathOf && stale == staleOf) {
            return false;
        }
        graphOf = graph;
        layoutOf = layout;
        visibleOf = visible;
        pathOf = path;
        staleOf = stale;
        Map<String, Integer> containersIn = new HashMap<>();
        Map<String, List<String>> networksOf = new HashMap<>();
        for (TopoNode n : graph.nodes()) {
            if (n.kind() == NodeKind.CONTAINER && n.parent() != null) {
                containersIn.merge(n.parent(), 1, Integer::sum);
            } else if (n.kind() == NodeKind.NETWORK) {
                String device = graph.representative(n.id());
                if (!device.equals(n.id())) {
                    networksOf.computeIfAbsent(device, k -> new ArrayList<>()).add(n.label());
                }
            }
        }
        List<Entry> out = new ArrayList<>();
        for (var e : layout.rects().entrySet()) {
            TopoNode n = graph.node(e.getKey()).orElse(null);
            if (n == null || !names(n.kind()) || !visible.contains(n.id()) || n.label() == null || n.label().isBlank()) {
                continue;
            }
            Rect r = e.getValue();
            boolean box = n.kind().isBox();
            Rect room = null;
            TopoNode parent = n.parent() == null ? null : graph.node(n.parent()).orElse(null);
            if (n.kind() == NodeKind.CONTAINER && parent != null && parent.kind() == NodeKind.NAMESPACE
                    && containersIn.getOrDefault(parent.id(), 0) == 1 && layout.rects().containsKey(parent.id())) {
                room = layout.rects().get(parent.id()); // the container is drawn as its namespace's box
            }
            List<String> texts = new ArrayList<>();
            List<String> nets = n.kind() == NodeKind.BRIDGE ? networksOf.getOrDefault(n.id(), List.of()) : List.of();
            String joined = String.join(", ", nets);
            if (!nets.isEmpty() && !joined.equals(n.label())) {
                if (!n.label().matches("br-[0-9a-f]{12}")) {
                    // docker0, docker_gwbridge, a named bridge: the device is worth its room; an
                    // engine-made br-<id> is not, and would crowd out the next bridge's name.
                    texts.add(n.label() + "  ·  " + joined);
                }
                texts.add(joined); // the Docker network is what users know a bridge by
            } else {
                texts.add(n.label());
            }
            List<String> classes = new ArrayList<>(List.of("kind-" + css(n.kind().name()), dev.netlens.render.Styles.subClass(n.subKind())));
            if (box) {
                classes.add("box");
            }
            int priority = n.kind() == NodeKind.HOST ? 0 : n.kind() == NodeKind.CONTAINER ? 2 : 1;
            boolean dimmed = !path.isEmpty() && !path.contains(n.id()) && !box;
            out.add(new Entry(n.id(), n.kind(), String.join(" ", classes), List.copyOf(classes), priority, box, r, room,
                    List.copyOf(texts), dimmed, n.host() != null && stale.contains(n.host())));
        }
        out.sort(Comparator.comparingInt(Entry::priority)
                .thenComparingDouble(e -> -e.shape().w() * e.shape().h())
                .thenComparingDouble(e -> e.shape().y())
                .thenComparingDouble(e -> e.shape().x())
                .thenComparing(Entry::id));
        entries = out;
        return true;
    }

    private static String css(String s) {
        return s == null ? "none" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    // ---- placing ---------------------------------------------------------------------------------

    /** Moves each name placed with its shape's anchor under the camera now, keeping its screen offset and size. */
    private void follow() {
        for (Slot s : slots.values()) {
            if (s.at == null) {
                continue;
            }
            double x = Math.round(panX + s.anchorX * zoom + s.offsetX);
            double y = Math.round(panY + s.anchorY * zoom + s.offsetY);
            s.at = new double[] {x, y, s.at[2], s.at[3]};
            s.label.setLayoutX(x);
            s.label.setLayoutY(y);
        }
    }

    private void place() {
        placed.clear();
        made = false;
        Set<String> keep = new HashSet<>();
        double z = zoom;
        for (Entry e : entries) {
            Rect r = e.shape();
            double x0 = panX + r.x() * z;
            double y0 = panY + r.y() * z;
            double x1 = panX + r.maxX() * z;
            double y1 = panY + r.maxY() * z;
            if (x1 < -VIEW_MARGIN || x0 > width + VIEW_MARGIN || y1 < -VIEW_MARGIN || y0 > height + VIEW_MARGIN) {
                continue;
            }
            Font font = font(e);
            double lineH = lineHeight(font);
            double plateH = Math.ceil(lineH + 2 * PAD_Y);
            double shapeW = x1 - x0;
            // The span a name may cover (screen x): inside a box; a leaf's shape and SLACK, or its room.
            double rx0 = x0 - SLACK;
            double rx1 = x1 + SLACK;
            if (e.box()) {
                rx0 = x0 + PAD_X;
                rx1 = x1 - PAD_X;
            } else {
                if (e.room() != null) {
                    rx0 = Math.min(rx0, panX + e.room().x() * z);
                    rx1 = Math.max(rx1, panX + e.room().maxX() * z);
                }
                double cx = (x0 + x1) / 2;
                rx0 = Math.min(rx0, cx - MIN_ROOM / 2);
                rx1 = Math.max(rx1, cx + MIN_ROOM / 2);
                // Not past an edge of the view the shape itself keeps within: a name there was cut by
                // it (at fit, the last bus's name reached under the side panel).
                if (x0 >= 0) {
                    rx0 = Math.max(rx0, 0);
                }
                if (x1 <= width) {
                    rx1 = Math.min(rx1, width);
                }
            }
            double roomW = rx1 - rx0;
            double[] at = null;
            String text = null;
            boolean whole = true;
            // Near its shape in every form first; a network's name then also further away (see free).
            for (int reach = 0; reach <= (e.kind() == NodeKind.BRIDGE ? 1 : 0) && at == null; reach++) {
                for (String t : e.texts()) {
                    double plateW = Math.ceil(width(font, t) + 2 * PAD_X);
                    if (plateW <= roomW) {
                        at = free(e, x0, y0, x1, y1, rx0, rx1, plateW, plateH, reach == 1);
                        if (at != null) {
                            text = t;
                            break;
                        }
                    }
                }
            }
            if (at == null) {
                // Shortened to the room, then to the shape itself (a name overlapping a neighbour's).
                String last = e.texts().get(e.texts().size() - 1);
                for (double limit : new double[] {roomW, Math.min(roomW, shapeW)}) {
                    String s = ellipsize(font, last, limit - 2 * PAD_X);
                    if (s != null) {
                        at = free(e, x0, y0, x1, y1, rx0, rx1, Math.ceil(width(font, s) + 2 * PAD_X), plateH, true);
                        if (at != null) {
                            text = s;
                            whole = false;
                            break;
                        }
                    }
                }
            }
            if (at == null) {
                continue;
            }
            occupy(at);
            keep.add(e.id());
            draw(e, text, whole, font, at);
        }
        for (String id : new ArrayList<>(slots.keySet())) {
            if (!keep.contains(id)) {
                release(id);
            }
        }
        if (made) {
            applyCss(); // the new nodes styled now, in one pass: they are drawn in this pulse, after its CSS pass
        }
    }

    /**
     * Where a plate of this size can go without overlapping a name already placed: a box's top-left
     * corner inside it; for a leaf, its middle (kept within its room's span rx0..rx1), then anywhere
     * along a shape wider than the name, then just above it, then just below it; with {@code far}, a
     * bridge's name also beside its bus and up to three rows further up or down. Null if nowhere.
     */
    private double[] free(Entry e, double x0, double y0, double x1, double y1, double rx0, double rx1, double w, double h,
            boolean far) {
        if (e.box()) {
            double[] r = {Math.round(rx0), Math.round(y0 + 3), w, h};
            return overlapsPlaced(r) ? null : r;
        }
        double x = Math.round(Math.max(rx0, Math.min((x0 + x1) / 2 - w / 2, rx1 - w)));
        // Above and below: beside the shape, and clear of names in the middle of shapes of its row
        // (a bar lower than a name, as a bridge at overview zoom, would otherwise put them in the way).
        double middle = Math.round((y0 + y1) / 2 - h / 2);
        List<double[]> tries = new java.util.ArrayList<>();
        tries.add(new double[] {x, middle, w, h});
        // A shape wider than its name (a bridge drawn as a bus over many ports): anywhere along it.
        double lo = Math.max(rx0, x0);
        double hi = Math.min(rx1, x1) - w;
        for (int k = 0; k <= 8 && hi > lo; k++) {
            tries.add(new double[] {Math.round(lo + (hi - lo) * k / 8), middle, w, h});
        }
        double above = Math.min(Math.round(y0 - h), middle - h - 2 * GAP);
        double below = Math.max(Math.round(y1), middle + h + 2 * GAP);
        tries.add(new double[] {x, above, w, h});
        tries.add(new double[] {x, below, w, h});
        if (far && e.kind() == NodeKind.BRIDGE) {
            // A network's name is worth a longer look (buses of one host stack a few px apart at
            // overview zoom): beside the bus's ends, then a row or two further up or down.
            tries.add(new double[] {Math.round(x1 + GAP), middle, w, h});
            tries.add(new double[] {Math.round(x0 - GAP - w), middle, w, h});
            for (int k = 1; k <= 3; k++) {
                tries.add(new double[] {x, above - k * (h + GAP), w, h});
                tries.add(new double[] {x, below + k * (h + GAP), w, h});
            }
        }
        for (double[] r : tries) {
            // Not across an edge of the view that the shape itself keeps within: cut there.
            boolean cut = x0 >= 0 && r[0] < 0 || x1 <= width && r[0] + r[2] > width;
            if (!cut && !overlapsPlaced(r)) {
                return r;
            }
        }
        return null;
    }

    private boolean overlapsPlaced(double[] r) {
        long i0 = (long) Math.floor((r[0] - GAP) / CELL);
        long i1 = (long) Math.floor((r[0] + r[2] + GAP) / CELL);
        long j0 = (long) Math.floor((r[1] - GAP) / CELL);
        long j1 = (long) Math.floor((r[1] + r[3] + GAP) / CELL);
        for (long i = i0; i <= i1; i++) {
            for (long j = j0; j <= j1; j++) {
                List<double[]> in = placed.get(key(i, j));
                if (in == null) {
                    continue;
                }
                for (double[] p : in) {
                    if (r[0] < p[0] + p[2] + GAP && p[0] < r[0] + r[2] + GAP && r[1] < p[1] + p[3] + GAP
                            && p[1] < r[1] + r[3] + GAP) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private void occupy(double[] r) {
        long i0 = (long) Math.floor(r[0] / CELL);
        long i1 = (long) Math.floor((r[0] + r[2]) / CELL);
        long j0 = (long) Math.floor(r[1] / CELL);
        long j1 = (long) Math.floor((r[1] + r[3]) / CELL);
        for (long i = i0; i <= i1; i++) {
            for (long j = j0; j <= j1; j++) {
                placed.computeIfAbsent(key(i, j), k -> new ArrayList<>(4)).add(r);
            }
        }
    }

    private static long key(long i, long j) {
        return (i << 32) | (j & 0xFFFFFFFFL);
    }

    private void draw(Entry e, String text, boolean whole, Font font, double[] at) {
        Slot s = slots.get(e.id());
        if (s != null && !s.styleKey.equals(e.styleKey())) {
            release(e.id());
            s = null;
        }
        if (s == null) {
            s = acquire(e);
            slots.put(e.id(), s);
        }
        if (!text.equals(s.text.getText())) {
            s.text.setText(text);
        }
        s.label.setLayoutX(at[0]);
        s.label.setLayoutY(at[1]);
        if (s.plate.getWidth() != at[2] || s.plate.getHeight() != at[3]) {
            s.plate.setWidth(at[2]);
            s.plate.setHeight(at[3]);
        }
        if (s.dimmed != e.dimmed() || s.stale != e.stale()) {
            s.dimmed = e.dimmed();
            s.stale = e.stale();
            s.plate.pseudoClassStateChanged(DIMMED, s.dimmed);
            s.text.pseudoClassStateChanged(DIMMED, s.dimmed);
            s.plate.pseudoClassStateChanged(STALE, s.stale);
            s.text.pseudoClassStateChanged(STALE, s.stale);
        }
        s.shownText = text;
        s.whole = whole;
        s.size = font.getSize();
        s.at = at;
        // A box's name keeps to its top-left corner, a leaf's to its middle.
        Rect r = e.shape();
        s.anchorX = e.box() ? r.x() : r.centerX();
        s.anchorY = e.box() ? r.y() : r.centerY();
        s.offsetX = at[0] - (panX + s.anchorX * zoom);
        s.offsetY = at[1] - (panY + s.anchorY * zoom);
    }

    private Slot acquire(Entry e) {
        ArrayDeque<Slot> free = pool.get(e.styleKey());
        Slot s = free == null ? null : free.poll();
        if (s == null) {
            s = new Slot(e.styleKey(), e.classes());
            getChildren().add(s.label);
            made = true;
        }
        s.show(true);
        return s;
    }

    private void release(String id) {
        Slot s = slots.remove(id);
        if (s != null) {
            s.show(false);
            s.at = null;
            pool.computeIfAbsent(s.styleKey, k -> new ArrayDeque<>()).add(s);
        }
    }

    // ---- measuring -------------------------------------------------------------------------------

    /** The font the stylesheet gives names of this kind, read from an empty text styled like them. */
    private Font font(Entry e) {
        Font f = fonts.get(e.styleKey());
        if (f == null) {
            Text probe = probes.computeIfAbsent(e.styleKey(), k -> {
                Text t = new Text();
                t.getStyleClass().add("overview-name");
                t.getStyleClass().addAll(e.classes());
                getChildren().add(t);
                return t;
            });
            probe.applyCss();
            f = probe.getFont();
            fonts.put(e.styleKey(), f);
        }
        return f;
    }

    private double width(Font font, String s) {
        Map<String, Double> m = widths.computeIfAbsent(font, k -> new HashMap<>());
        Double w = m.get(s);
        if (w == null) {
            if (m.size() > 20_000) {
                m.clear();
            }
            measurer.setFont(font);
            measurer.setText(s);
            w = measurer.getLayoutBounds().getWidth();
            m.put(s, w);
        }
        return w;
    }

    private double lineHeight(Font font) {
        return lineHeights.computeIfAbsent(font, f -> {
            measurer.setFont(f);
            measurer.setText("Hg");
            return measurer.getLayoutBounds().getHeight();
        });
    }

    /**
     * s with characters taken out of its middle for an ellipsis, keeping as many (at least
     * {@link #MIN_KEPT}) as fit in w; null if none fits.
     */
    private String ellipsize(Font font, String s, double w) {
        int lo = MIN_KEPT;
        int hi = s.codePointCount(0, s.length()) - 1;
        if (hi < lo || width(font, shorten(s, lo)) > w) {
            return null;
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (width(font, shorten(s, mid)) <= w) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return shorten(s, lo);
    }

    /** The first and last of n code points of s around an ellipsis, the start a little longer (names differ at their ends too). */
    private static String shorten(String s, int n) {
        int count = s.codePointCount(0, s.length());
        int head = (n + 1) / 2 + (n >= 8 ? 1 : 0);
        int tail = n - head;
        String start = s.substring(0, s.offsetByCodePoints(0, head)).stripTrailing();
        String end = s.substring(s.offsetByCodePoints(0, count - tail)).stripLeading();
        return start + ELLIPSIS + end;
    }
}
