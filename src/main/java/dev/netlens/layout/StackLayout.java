package dev.netlens.layout;

import dev.netlens.graph.LinkKind;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoLink;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * A layered layout that follows the network stack, top to bottom inside each host box: the host
 * namespace (devices and the underlay; bridges; host-side veth ends and published ports), then the
 * other namespaces as boxes in columns under the bridge they hang from, then a shelf for what has
 * no namespace (stopped containers, networks with no device). Hosts stand side by side.
 *
 * <p>How the boxes are ordered and placed:
 * <ul>
 *   <li>Each namespace box hangs from the device its primary leg (eth0, else its first leg to the
 *       host namespace) reaches: a bridge through a veth pair, or a macvlan parent. Boxes are
 *       grouped by that anchor; groups are ordered so that groups joined by second legs (a container
 *       on two bridges, an overlay container's leg on docker_gwbridge) stand side by side.</li>
 *   <li>A box with no leg to the host namespace (an overlay namespace with br0 and vxlan0, a load
 *       balancer) goes right under the container it is wired to, so overlay namespaces sit with the
 *       containers of their overlay.</li>
 *   <li>The sequence of boxes is cut into columns; inside a column the boxes step down to the left
 *       (a staircase), and each box's primary interface is at its left edge, so the line from its
 *       veth end comes straight down past the boxes above it instead of through them.</li>
 *   <li>Each veth end sits above the interface it pairs with, each bridge above the mean of its
 *       ports (one-dimensional least-squares packing, so rows never overlap), each macvlan parent
 *       above its children. Veth ends may take two staggered rows, which lets columns be narrower.</li>
 * </ul>
 * The column height and the number of veth-end rows are chosen among a few candidates to best fill
 * the 1920x1080 canvas, with a penalty for crossing lines on graphs small enough to count them.
 * Near-linear in the graph size; cancellable between candidates and hosts.
 */
public final class StackLayout implements LayoutEngine {
    public static final double HOST_TITLE = 58;
    public static final double NS_TITLE = 28;
    public static final double PAD = 12;
    public static final double GAP = 14;
    public static final double HOST_GAP = 50;
    public static final double ROW_GAP = 40;
    private static final double LEAF_H1 = 36;
    private static final double LEAF_H2 = 54;
    private static final double COLUMN_GAP = 22;
    private static final double STACK_GAP = 14;
    private static final double END_ROW_GAP = 8;
    /** Beyond this many links the score is the fit zoom alone (counting crossings would cost too much). */
    private static final int SCORE_QUALITY_LIMIT = 1200;

    private static final boolean DEBUG = Boolean.getBoolean("netlens.layout.debug");
    private final LabelMetrics metrics;

    public StackLayout() {
        this(LabelMetrics.ESTIMATE);
    }

    public StackLayout(LabelMetrics metrics) {
        this.metrics = metrics;
    }

    /** The parameters of one candidate layout: column height, rows of veth ends, staircase, fill. */
    public record Choice(double columnHeight, int endRows, boolean stair, boolean fill) {
    }

    /** A layout and the candidate it was chosen as. */
    public record Chosen(Layout layout, Choice choice) {
    }

    @Override
    public Layout layout(TopologyGraph graph, Layout previous, BooleanSupplier cancelled) {
        return choose(graph, cancelled).layout();
    }

    /**
     * The one candidate with these parameters, not scored against the others: what {@link #choose}
     * gives when it chose them, at a fraction of the cost (scoring every candidate's crossings is most
     * of a full layout's time).
     */
    public Layout layoutWith(TopologyGraph graph, Choice choice, BooleanSupplier cancelled) {
        check(cancelled);
        Plan plan = new Plan(graph, cancelled);
        return new Run(plan, choice.columnHeight(), choice.endRows(), choice.stair(), choice.fill() && plan.small()).run();
    }

    /** The best of the candidate layouts, and its parameters. */
    public Chosen choose(TopologyGraph graph, BooleanSupplier cancelled) {
        check(cancelled);
        Plan plan = new Plan(graph, cancelled);
        Layout best = null;
        Choice bestChoice = null;
        double bestScore = -1;
        boolean quality = graph.links().size() <= SCORE_QUALITY_LIMIT;
        for (int mode = 0; mode < 6; mode++) {
            boolean stair = mode != 2 && mode != 3;
            int endRows = mode % 2 == 1 ? 2 : 1;
            boolean fill = mode >= 4;
            if (fill && !plan.small()) {
                continue;
            }
            for (double height : plan.columnHeights()) {
                check(cancelled);
                Layout candidate = new Run(plan, height, endRows, stair, fill).run();
                double score = LayoutQuality.fitZoom(graph, candidate);
                if (quality) {
                    int crossings = LayoutQuality.crossings(graph, candidate);
                    int through = LayoutQuality.passThroughs(graph, candidate);
                    score /= 1 + 0.03 * crossings + 0.015 * through;
                }
                if (DEBUG) {
                    System.err.printf("candidate h=%.0f rows=%d stair=%s fill=%s: %s -> %.4f%n", height, endRows, stair, fill,
                            LayoutQuality.summary(graph, candidate), score);
                }
                if (score > bestScore + 1e-9) {
                    best = candidate;
                    bestChoice = new Choice(height, endRows, stair, fill);
                    bestScore = score;
                }
            }
        }
        return new Chosen(best, bestChoice);
    }

    /** The size of a leaf shape: wide enough for its label and caption. */
    Rect leafSize(TopoNode n) {
        double text = Math.max(metrics.width(n.label(), LabelMetrics.Style.LABEL),
                metrics.width(n.caption(), LabelMetrics.Style.CAPTION));
        double min = switch (n.kind()) {
            case BRIDGE -> 150;
            case CONTAINER -> 110;
            case PORT -> 96;
            default -> 80;
        };
        double w = Math.ceil(Math.max(min, text + 28));
        return new Rect(0, 0, w, n.caption() == null ? LEAF_H1 : LEAF_H2);
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("layout superseded");
        }
    }

    private static String other(TopoLink l, String id) {
        return l.source().equals(id) ? l.target() : l.source();
    }

    /** A namespace box's leg to the host namespace: its interface and the host-side vertex it reaches. */
    private record Leg(String iface, String end, LinkKind kind) {
    }

    /** What does not depend on the candidate parameters: classification, box contents, order. */
    private final class Plan {
        final TopologyGraph g;
        final BooleanSupplier cancelled;
        final List<HostPlan> hosts = new ArrayList<>();
        final List<TopoNode> orphans = new ArrayList<>();
        final Map<String, Rect> leaf = new HashMap<>();
        private final Map<String, List<TopoLink>> links = new HashMap<>();

        Plan(TopologyGraph g, BooleanSupplier cancelled) {
            this.g = g;
            this.cancelled = cancelled;
            for (TopoLink l : g.links()) {
                links.computeIfAbsent(l.source(), k -> new ArrayList<>()).add(l);
                if (!l.target().equals(l.source())) {
                    links.computeIfAbsent(l.target(), k -> new ArrayList<>()).add(l);
                }
            }
            for (TopoNode n : g.nodes()) {
                if (n.parent() != null || !g.isDrawn(n)) {
                    continue;
                }
                if (n.kind() == NodeKind.HOST) {
                    check(cancelled);
                    hosts.add(new HostPlan(this, n));
                } else {
                    orphans.add(n);
                }
            }
        }

        /** Few enough boxes on every host to search free spots for boxes with no leg of their own. */
        boolean small() {
            return hosts.stream().allMatch(h -> h.boxSize.size() <= 80);
        }

        List<TopoLink> linksOf(String id) {
            return links.getOrDefault(id, List.of());
        }

        Rect size(TopoNode n) {
            return leaf.computeIfAbsent(n.id(), k -> leafSize(n));
        }

        List<TopoNode> drawnChildren(String box) {
            List<TopoNode> kids = new ArrayList<>();
            for (String id : g.children(box)) {
                TopoNode n = g.node(id).orElseThrow();
                if (g.isDrawn(n)) {
                    kids.add(n);
                }
            }
            return kids;
        }

        /** Column heights worth trying: from one box tall to everything in one column. */
        List<Double> columnHeights() {
            double tallest = 0;
            double total = 0;
            for (HostPlan h : hosts) {
                for (List<String> unit : h.units) {
                    double uh = h.unitHeight(unit);
                    tallest = Math.max(tallest, uh);
                    total = Math.max(total, 0) + uh + STACK_GAP;
                }
            }
            List<Double> out = new ArrayList<>();
            if (tallest == 0) {
                out.add(0.0);
                return out;
            }
            double h = tallest;
            while (h < total * 1.05 && out.size() < 24) {
                out.add(h);
                h *= 1.25;
            }
            out.add(Math.max(h, total));
            return out;
        }
    }

    /** One host, classified once. */
    private final class HostPlan {
        final Plan p;
        final TopologyGraph g;
        final TopoNode host;
        final TopoNode hostNs;
        final List<TopoNode> devices = new ArrayList<>();
        final List<TopoNode> bridges = new ArrayList<>();
        final List<TopoNode> ends = new ArrayList<>();
        final List<TopoNode> shelf = new ArrayList<>();
        final Map<String, Rect> boxSize = new HashMap<>();
        final Map<String, Map<String, Rect>> inner = new HashMap<>();
        final Map<String, List<Leg>> legs = new HashMap<>();
        /** Boxes in columns order; each unit is a band-linked box with the free boxes hanging under it, top-down. */
        final List<List<String>> units = new ArrayList<>();
        final Set<String> bandLinked = new HashSet<>();
        /** For a box with no leg of its own: the box it was reached from (the one it is wired to). */
        final Map<String, String> wiredTo = new HashMap<>();

        HostPlan(Plan p, TopoNode host) {
            this.p = p;
            this.g = p.g;
            this.host = host;
            List<TopoNode> kids = p.drawnChildren(host.id());
            hostNs = kids.stream().filter(k -> k.kind() == NodeKind.NAMESPACE && "host".equals(k.subKind()))
                    .findFirst().orElse(null);
            List<TopoNode> boxes = new ArrayList<>();
            for (TopoNode k : kids) {
                if (k == hostNs) {
                    continue;
                }
                (k.kind() == NodeKind.NAMESPACE ? boxes : shelf).add(k);
            }
            Set<String> inHostNs = new HashSet<>();
            if (hostNs != null) {
                for (TopoNode k : p.drawnChildren(hostNs.id())) {
                    inHostNs.add(k.id());
                }
            }
            Map<String, String> boxOf = new HashMap<>();
            for (TopoNode b : boxes) {
                for (String c : g.children(b.id())) {
                    boxOf.put(c, b.id());
                }
            }
            // Legs to the host namespace, and wiring between boxes.
            Map<String, Set<String>> boxLinks = new LinkedHashMap<>();
            for (TopoNode b : boxes) {
                List<Leg> ls = new ArrayList<>();
                Set<String> wired = new java.util.LinkedHashSet<>();
                for (String c : g.children(b.id())) {
                    for (TopoLink l : p.linksOf(c)) {
                        if (l.kind() != LinkKind.VETH && l.kind() != LinkKind.PARENT) {
                            continue;
                        }
                        String o = other(l, c);
                        if (inHostNs.contains(o)) {
                            ls.add(new Leg(c, o, l.kind()));
                        } else if (boxOf.containsKey(o) && !boxOf.get(o).equals(b.id())) {
                            wired.add(boxOf.get(o));
                        }
                    }
                }
                ls.sort(Comparator.comparing((Leg l) -> !"eth0".equals(g.node(l.iface()).orElseThrow().label()))
                        .thenComparing(l -> g.node(l.iface()).orElseThrow().label()));
                legs.put(b.id(), ls);
                boxLinks.put(b.id(), wired);
                if (!ls.isEmpty()) {
                    bandLinked.add(b.id());
                }
            }
            for (TopoNode b : boxes) {
                Map<String, Rect> local = new LinkedHashMap<>();
                boxSize.put(b.id(), namespaceBox(b, local, legs.get(b.id())));
                inner.put(b.id(), local);
            }
            classifyHostNamespace(inHostNs);
            order(boxes, boxLinks);
        }

        private void classifyHostNamespace(Set<String> inHostNs) {
            if (hostNs == null) {
                return;
            }
            Set<String> legEnds = new HashSet<>();
            legs.values().forEach(ls -> ls.forEach(l -> {
                if (l.kind() == LinkKind.VETH) {
                    legEnds.add(l.end());
                }
            }));
            for (TopoNode k : p.drawnChildren(hostNs.id())) {
                if (k.kind() == NodeKind.BRIDGE) {
                    bridges.add(k);
                } else if (k.kind() == NodeKind.PORT || legEnds.contains(k.id()) || master(k.id()) != null) {
                    ends.add(k);
                } else {
                    devices.add(k);
                }
            }
        }

        String master(String id) {
            for (TopoLink l : p.linksOf(id)) {
                if (l.kind() == LinkKind.BRIDGE_PORT && l.source().equals(id)) {
                    return l.target();
                }
            }
            return null;
        }

        /** The host-namespace vertex a leg hangs from: the bridge of its veth end, or the parent device. */
        String anchor(Leg l) {
            if (l.kind() == LinkKind.VETH) {
                String m = master(l.end());
                return m != null ? m : l.end();
            }
            return l.end();
        }

        /** Groups by anchor, ordered to keep second legs short; free boxes hang under their container. */
        private void order(List<TopoNode> boxes, Map<String, Set<String>> boxLinks) {
            Map<String, List<String>> groups = new LinkedHashMap<>();
            for (TopoNode b : boxes) {
                List<Leg> ls = legs.get(b.id());
                if (!ls.isEmpty()) {
                    groups.computeIfAbsent(anchor(ls.get(0)), k -> new ArrayList<>()).add(b.id());
                }
            }
            // Free boxes: attach each to the nearest band-linked box by wiring (breadth first).
            Map<String, String> attach = new HashMap<>();
            Map<String, Integer> depth = new HashMap<>();
            java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>();
            for (TopoNode b : boxes) {
                if (bandLinked.contains(b.id())) {
                    attach.put(b.id(), b.id());
                    depth.put(b.id(), 0);
                    todo.add(b.id());
                }
            }
            while (!todo.isEmpty()) {
                String b = todo.poll();
                for (String o : boxLinks.get(b)) {
                    if (!attach.containsKey(o)) {
                        attach.put(o, attach.get(b));
                        wiredTo.put(o, b);
                        depth.put(o, depth.get(b) + 1);
                        todo.add(o);
                    }
                }
            }
            // Weights between groups: second legs, and free boxes wired to boxes of another group.
            Map<String, String> groupOf = new HashMap<>();
            groups.forEach((a, members) -> members.forEach(m -> groupOf.put(m, a)));
            List<String> anchors = new ArrayList<>(groups.keySet());
            anchors.sort(Comparator.comparing(this::anchorRank).thenComparing(a -> g.node(a).map(TopoNode::label).orElse(a)));
            Map<String, Integer> idx = new HashMap<>();
            for (int i = 0; i < anchors.size(); i++) {
                idx.put(anchors.get(i), i);
            }
            double[][] w = new double[anchors.size()][anchors.size()];
            for (String b : groupOf.keySet()) {
                int gi = idx.get(groupOf.get(b));
                for (Leg l : legs.get(b).subList(1, legs.get(b).size())) {
                    Integer gj = idx.get(anchor(l));
                    if (gj != null && gj != gi) {
                        w[gi][gj] += 1;
                        w[gj][gi] += 1;
                    }
                }
            }
            List<String> ordered = new ArrayList<>();
            for (int i : LinearOrder.arrange(w)) {
                ordered.add(anchors.get(i));
            }
            // Units: each band-linked box with the free boxes attached to it hanging below, nearest first.
            Map<String, List<String>> hanging = new HashMap<>();
            for (TopoNode b : boxes) {
                String a = attach.get(b.id());
                if (a != null && !a.equals(b.id())) {
                    hanging.computeIfAbsent(a, k -> new ArrayList<>()).add(b.id());
                }
            }
            hanging.values().forEach(list -> list.sort(Comparator.comparingInt((String id) -> depth.get(id))
                    .thenComparing(id -> g.node(id).orElseThrow().label())));
            for (String a : ordered) {
                List<String> members = new ArrayList<>(groups.get(a));
                // Single-legged first, so a box with more legs tends to top a column (its other legs go up free).
                members.sort(Comparator.comparingInt((String id) -> legs.get(id).size())
                        .thenComparing(id -> hanging.containsKey(id) ? 1 : 0)
                        .thenComparing(id -> boxLabel(id)));
                for (String m : members) {
                    List<String> unit = new ArrayList<>();
                    unit.add(m);
                    unit.addAll(hanging.getOrDefault(m, List.of()));
                    units.add(unit);
                }
            }
            // Boxes wired to nothing on the host (none mode, an isolated overlay): their own units at the end.
            Set<String> done = new HashSet<>();
            units.forEach(done::addAll);
            List<TopoNode> rest = new ArrayList<>();
            for (TopoNode b : boxes) {
                if (!done.contains(b.id())) {
                    rest.add(b);
                }
            }
            rest.sort(Comparator.comparing((TopoNode b) -> "container".equals(b.subKind())).thenComparing(TopoNode::label));
            for (TopoNode b : rest) {
                if (done.contains(b.id())) {
                    continue;
                }
                List<String> unit = new ArrayList<>();
                java.util.ArrayDeque<String> q = new java.util.ArrayDeque<>(List.of(b.id()));
                done.add(b.id());
                while (!q.isEmpty()) {
                    String x = q.poll();
                    unit.add(x);
                    for (String o : boxLinks.get(x)) {
                        if (done.add(o)) {
                            q.add(o);
                        }
                    }
                }
                units.add(unit);
            }
        }

        private String boxLabel(String id) {
            // A namespace is named by a hash; its containers' names read better and sort stably.
            return g.children(id).stream().map(c -> g.node(c).orElseThrow())
                    .filter(c -> c.kind() == NodeKind.CONTAINER).map(TopoNode::label).sorted().findFirst()
                    .orElse("~" + g.node(id).orElseThrow().label());
        }

        /** docker0 first, user bridges, docker_gwbridge, then macvlan parents and bare veth ends. */
        private int anchorRank(String anchor) {
            TopoNode n = g.node(anchor).orElseThrow();
            if (n.kind() == NodeKind.BRIDGE) {
                return "docker0".equals(n.label()) ? 0 : "docker_gwbridge".equals(n.label()) ? 2 : 1;
            }
            return 3;
        }

        /** The anchor of a unit's band-linked box, or "" for units wired to nothing on the host namespace. */
        String unitAnchor(List<String> unit) {
            List<Leg> ls = legs.get(unit.get(0));
            return ls.isEmpty() ? "" : anchor(ls.get(0));
        }

        double unitHeight(List<String> unit) {
            double h = 0;
            for (String b : unit) {
                h += boxSize.get(b).h() + STACK_GAP;
            }
            return h - STACK_GAP;
        }

        /**
         * A namespace box's size; its children go in {@code local} relative to the box's corner. Rows
         * top-down: bridges, interfaces (the primary leg first, at the left edge; loopback last), containers.
         */
        private Rect namespaceBox(TopoNode box, Map<String, Rect> local, List<Leg> boxLegs) {
            List<TopoNode> brs = new ArrayList<>();
            List<TopoNode> ifaces = new ArrayList<>();
            List<TopoNode> ctrs = new ArrayList<>();
            for (TopoNode k : p.drawnChildren(box.id())) {
                (k.kind() == NodeKind.CONTAINER ? ctrs : k.kind() == NodeKind.BRIDGE ? brs : ifaces).add(k);
            }
            Map<String, Integer> legRank = new HashMap<>();
            for (int i = 0; i < boxLegs.size(); i++) {
                legRank.putIfAbsent(boxLegs.get(i).iface(), i);
            }
            ifaces.sort(Comparator.comparing((TopoNode k) -> "loopback".equals(k.subKind()))
                    .thenComparingInt(k -> legRank.getOrDefault(k.id(), Integer.MAX_VALUE))
                    .thenComparing(TopoNode::label));
            ctrs.sort(Comparator.comparing(TopoNode::label));
            List<List<TopoNode>> rowsTopDown = List.of(brs, ifaces, ctrs);
            String title = box.caption() == null ? box.label() : box.label() + "  ·  " + box.caption();
            double titleW = metrics.width(title, LabelMetrics.Style.LABEL) * 0.9 + 2 * PAD;
            double w = titleW;
            for (List<TopoNode> row : rowsTopDown) {
                w = Math.max(w, rowWidth(row) + 2 * PAD);
            }
            double y = NS_TITLE;
            for (int r = 0; r < rowsTopDown.size(); r++) {
                List<TopoNode> row = rowsTopDown.get(r);
                if (row.isEmpty()) {
                    continue;
                }
                double x = r == 1 ? PAD : (w - rowWidth(row)) / 2;
                double h = 0;
                for (TopoNode k : row) {
                    Rect rr = p.size(k).at(x, y);
                    local.put(k.id(), rr);
                    x = rr.maxX() + GAP;
                    h = Math.max(h, rr.h());
                }
                y += h + GAP;
            }
            return new Rect(0, 0, w, Math.max(y - GAP + PAD, NS_TITLE + PAD));
        }

        private double rowWidth(List<TopoNode> row) {
            return row.stream().mapToDouble(k -> p.size(k).w()).sum() + Math.max(0, row.size() - 1) * GAP;
        }
    }

    /** One layout pass with given parameters. */
    private final class Run {
        private final Plan plan;
        private final double columnHeight;
        private final int endRows;
        private final boolean stair;
        private final boolean fill;
        private final Map<String, Rect> out = new LinkedHashMap<>();
        private final Map<String, String> parents = new LinkedHashMap<>();

        Run(Plan plan, double columnHeight, int endRows, boolean stair, boolean fill) {
            this.fill = fill;
            this.plan = plan;
            this.columnHeight = columnHeight;
            this.endRows = endRows;
            this.stair = stair;
        }

        Layout run() {
            double x = 0;
            for (HostPlan h : plan.hosts) {
                check(plan.cancelled);
                Rect r = host(h, x);
                x = r.maxX() + HOST_GAP;
            }
            // Vertices on no known host (a tunnel's far end): a column to the right.
            double y = HOST_TITLE;
            for (TopoNode n : plan.orphans) {
                Rect r = plan.size(n).at(x, y);
                place(n, r);
                y = r.maxY() + GAP;
            }
            return new Layout(out, parents);
        }

        private void place(TopoNode n, Rect r) {
            out.put(n.id(), r);
            parents.put(n.id(), n.parent());
        }

        /** Lays one host out with its top-left at (x0, 0); returns its box. */
        private Rect host(HostPlan h, double x0) {
            TopologyGraph g = plan.g;
            // 1. Columns of units, each a staircase stepping down to the left.
            double slot = 0;
            for (TopoNode e : h.ends) {
                slot = Math.max(slot, plan.size(e).w() + GAP);
            }
            double lead = 0; // how far the primary interface's centre is from a box's left edge, at most
            for (List<String> unit : h.units) {
                String b = unit.get(0);
                List<Leg> ls = h.legs.get(b);
                if (!ls.isEmpty()) {
                    lead = Math.max(lead, h.inner.get(b).get(ls.get(0).iface()).centerX());
                }
            }
            double step = stair ? Math.max(lead + 16, slot / endRows) : 0;
            Map<String, Rect> boxAt = new LinkedHashMap<>(); // content coordinates, y from the top of the box area
            List<List<List<String>>> columns = new ArrayList<>();
            List<List<String>> col = new ArrayList<>();
            double colH = 0;
            String lastAnchor = null;
            // On small graphs a box with no leg of its own is placed afterwards in a free spot next to
            // the box it is wired to (filling the room the staircases leave); on large ones it hangs below.
            boolean fill = this.fill && stair;
            List<String> deferred = new ArrayList<>();
            List<List<String>> units = new ArrayList<>();
            for (List<String> unit : h.units) {
                if (fill && h.bandLinked.contains(unit.get(0))) {
                    units.add(List.of(unit.get(0)));
                    deferred.addAll(unit.subList(1, unit.size()));
                } else {
                    units.add(unit);
                }
            }
            for (List<String> unit : units) {
                double uh = h.unitHeight(unit);
                String anchor = h.unitAnchor(unit);
                boolean newGroup = lastAnchor != null && !lastAnchor.equals(anchor);
                lastAnchor = anchor;
                if (!col.isEmpty() && (colH + STACK_GAP + uh > columnHeight + 1e-6
                        || newGroup && colH + STACK_GAP + uh > columnHeight * 0.7)) {
                    columns.add(col);
                    col = new ArrayList<>();
                    colH = 0;
                }
                col.add(unit);
                colH += (colH == 0 ? 0 : STACK_GAP) + uh;
            }
            if (!col.isEmpty()) {
                columns.add(col);
            }
            double cx = 0;
            double areaH = 0;
            for (List<List<String>> c : columns) {
                // Top-down: the last unit first; a band-linked box steps left of the one above it.
                Map<String, double[]> local = new LinkedHashMap<>();
                double x = 0;
                double y = 0;
                boolean first = true;
                for (int u = c.size() - 1; u >= 0; u--) {
                    for (String b : c.get(u)) {
                        if (!first && h.bandLinked.contains(b)) {
                            x -= step;
                        }
                        first = false;
                        local.put(b, new double[] {x, y});
                        y += h.boxSize.get(b).h() + STACK_GAP;
                    }
                }
                double minX = local.values().stream().mapToDouble(v -> v[0]).min().orElse(0);
                double right = 0;
                for (var e : local.entrySet()) {
                    Rect r = h.boxSize.get(e.getKey()).at(cx + e.getValue()[0] - minX, e.getValue()[1]);
                    boxAt.put(e.getKey(), r);
                    right = Math.max(right, r.maxX());
                }
                areaH = Math.max(areaH, y - STACK_GAP);
                cx = right + COLUMN_GAP;
            }
            double areaW = Math.max(0, cx - COLUMN_GAP);
            if (!deferred.isEmpty()) {
                List<Rect> taken = new ArrayList<>(boxAt.values());
                for (String b : deferred) {
                    Rect partner = boxAt.get(h.wiredTo.get(b));
                    Rect spot = nearSpot(h, boxAt, taken, h.boxSize.get(b), partner, areaW, areaH);
                    taken.add(spot);
                    boxAt.put(b, spot);
                    areaH = Math.max(areaH, spot.maxY());
                    areaW = Math.max(areaW, spot.maxX());
                }
            }

            // 2. The host namespace band, bottom-up: ends over what they link to, bridges over their
            // ports, devices over what hangs from them.
            Map<String, Double> placedX = new HashMap<>();
            boxAt.forEach((b, r) -> h.inner.get(b).forEach((id, ir) -> placedX.put(id, r.x() + ir.centerX())));
            Map<String, Rect> band = new LinkedHashMap<>(); // x in content coordinates, y from the band's top
            double nsH = 0;
            double minX = 0;
            double maxX = areaW;
            if (h.hostNs != null) {
                double endsW = h.ends.stream().mapToDouble(k -> plan.size(k).w() + GAP).sum();
                int rows = Math.max(endRows, (int) Math.ceil(endsW / Math.max(areaW, 1) - 0.15));
                List<List<TopoNode>> endRowsList = splitRows(h.ends, placedX, rows);
                List<List<TopoNode>> deviceRows = wrap(h.devices, placedX, areaW);
                // Heights first (rows top-down: devices, bridges, ends).
                double y = NS_TITLE;
                List<double[]> rowY = new ArrayList<>();
                for (List<TopoNode> r : deviceRows) {
                    rowY.add(new double[] {y});
                    y += rowHeight(r) + GAP;
                }
                if (!deviceRows.isEmpty()) {
                    y += ROW_GAP * 0.6 - GAP;
                }
                double bridgesY = y;
                if (!h.bridges.isEmpty()) {
                    y += rowHeight(h.bridges) + ROW_GAP * 0.8;
                }
                List<Double> endY = new ArrayList<>();
                for (List<TopoNode> r : endRowsList) {
                    endY.add(y);
                    y += rowHeight(r) + END_ROW_GAP;
                }
                nsH = (endRowsList.isEmpty() ? y : y - END_ROW_GAP) + PAD;
                if (h.bridges.isEmpty() && endRowsList.isEmpty() && deviceRows.isEmpty()) {
                    nsH = NS_TITLE + PAD;
                }
                for (int i = 0; i < endRowsList.size(); i++) {
                    packRow(endRowsList.get(i), endY.get(i), placedX, band, false);
                }
                packRow(h.bridges, bridgesY, placedX, band, false);
                for (int i = deviceRows.size() - 1; i >= 0; i--) {
                    packRow(deviceRows.get(i), rowY.get(i)[0], placedX, band, true);
                }
                for (Rect r : band.values()) {
                    minX = Math.min(minX, r.x() - PAD);
                    maxX = Math.max(maxX, r.maxX() + PAD);
                }
            }
            double top = h.hostNs == null ? 0 : nsH + ROW_GAP;
            double contentW = maxX - minX;

            // 3. The shelf.
            double sx = 0;
            double sy = top + areaH + (h.units.isEmpty() ? 0 : ROW_GAP);
            double shelfH = 0;
            Map<String, Rect> shelfAt = new LinkedHashMap<>();
            List<TopoNode> onShelf = new ArrayList<>();
            List<Rect> taken = new ArrayList<>(boxAt.values());
            for (TopoNode s : h.shelf) {
                // First a free corner of the box area that no veth line runs through; else the shelf row.
                Rect spot = boxAt.size() <= 80 ? freeSpot(h, boxAt, taken, plan.size(s), minX, maxX, areaH) : null;
                if (spot != null) {
                    taken.add(spot);
                    shelfAt.put(s.id(), spot.moved(-minX, top));
                } else {
                    onShelf.add(s);
                }
            }
            if (onShelf.isEmpty()) {
                sy = top + areaH;
            }
            for (TopoNode s : onShelf) {
                Rect r = plan.size(s);
                if (sx > 0 && sx + r.w() > contentW) {
                    sx = 0;
                    sy += shelfH + GAP;
                    shelfH = 0;
                }
                shelfAt.put(s.id(), r.at(sx, sy));
                sx += r.w() + GAP;
                shelfH = Math.max(shelfH, r.h());
                contentW = Math.max(contentW, sx - GAP);
            }
            double contentH = onShelf.isEmpty() ? top + areaH : sy + shelfH;
            if (h.units.isEmpty() && h.shelf.isEmpty()) {
                contentH = nsH;
            }

            // 4. World coordinates.
            double ox = x0 + PAD - minX;
            double oy = HOST_TITLE;
            Rect hostRect = new Rect(x0, 0, contentW + 2 * PAD, oy + contentH + PAD);
            place(h.host, hostRect);
            if (h.hostNs != null) {
                place(h.hostNs, new Rect(x0 + PAD, oy, contentW, nsH));
                band.forEach((id, r) -> place(g.node(id).orElseThrow(), r.moved(ox, oy)));
            }
            for (List<String> unit : h.units) {
                for (String b : unit) {
                    Rect at = boxAt.get(b);
                    place(g.node(b).orElseThrow(), at.moved(ox, oy + top));
                    h.inner.get(b).forEach((id, r) -> place(g.node(id).orElseThrow(),
                            r.moved(ox + at.x(), oy + top + at.y())));
                }
            }
            shelfAt.forEach((id, r) -> place(g.node(id).orElseThrow(), r.moved(x0 + PAD, oy)));
            return hostRect;
        }

        /**
         * The free place nearest below or beside {@code partner} for a box wired only to other boxes:
         * clear of every box and of the veth lines coming down from the band; staying inside the box
         * area is preferred, growing it costs.
         */
        private Rect nearSpot(HostPlan h, Map<String, Rect> boxAt, List<Rect> taken, Rect size, Rect partner,
                              double areaW, double areaH) {
            List<double[]> lines = legLines(h, boxAt);
            java.util.TreeSet<Double> xs = new java.util.TreeSet<>(List.of(0.0, partner.x(), partner.maxX() + COLUMN_GAP));
            java.util.TreeSet<Double> ys = new java.util.TreeSet<>(List.of(0.0, partner.y(), partner.maxY() + STACK_GAP));
            for (Rect t : taken) {
                xs.add(t.maxX() + COLUMN_GAP);
                xs.add(t.x());
                xs.add(t.maxX() - size.w());
                ys.add(t.maxY() + STACK_GAP);
                ys.add(t.y());
            }
            Rect best = null;
            double bestCost = Double.MAX_VALUE;
            for (double y : ys) {
                for (double x : xs) {
                    if (x < -1e-6) {
                        continue;
                    }
                    Rect c = size.at(x, y);
                    double grow = Math.max(0, c.maxY() - areaH) * 3 + Math.max(0, c.maxX() - areaW) * 3;
                    double d = Math.hypot(c.centerX() - partner.centerX(), (c.y() - partner.maxY()) * 0.7) + grow;
                    if (d >= bestCost || taken.stream().anyMatch(t -> t.overlaps(c, GAP))) {
                        continue;
                    }
                    if (lines.stream().anyMatch(l -> l[1] > c.y() && l[0] > c.x() - 16 && l[0] < c.maxX() + 16)) {
                        continue;
                    }
                    best = c;
                    bestCost = d;
                }
            }
            if (best == null) { // below everything
                double bottom = taken.stream().mapToDouble(Rect::maxY).max().orElse(0);
                best = size.at(partner.x(), bottom + STACK_GAP);
            }
            return best;
        }

        private List<double[]> legLines(HostPlan h, Map<String, Rect> boxAt) {
            List<double[]> lines = new ArrayList<>(); // x, bottom y
            boxAt.forEach((b, r) -> {
                for (Leg l : h.legs.get(b)) {
                    lines.add(new double[] {r.x() + h.inner.get(b).get(l.iface()).centerX(), r.y()});
                }
            });
            return lines;
        }

        /**
         * The lowest free place in the box area for a shape: clear of every box (by a gap) and of the
         * vertical lines running from the band down to the boxes' legs. Null when there is none.
         */
        private Rect freeSpot(HostPlan h, Map<String, Rect> boxAt, List<Rect> taken, Rect size, double minX,
                              double maxX, double areaH) {
            List<double[]> lines = new ArrayList<>(); // x, bottom y
            boxAt.forEach((b, r) -> {
                for (Leg l : h.legs.get(b)) {
                    lines.add(new double[] {r.x() + h.inner.get(b).get(l.iface()).centerX(), r.y()});
                }
            });
            java.util.TreeSet<Double> xs = new java.util.TreeSet<>(List.of(minX + PAD, maxX - PAD - size.w()));
            java.util.TreeSet<Double> ys = new java.util.TreeSet<>(List.of(0.0, areaH - size.h()));
            for (Rect t : taken) {
                xs.add(t.maxX() + COLUMN_GAP);
                xs.add(t.x() - COLUMN_GAP - size.w());
                ys.add(t.maxY() + STACK_GAP);
                ys.add(t.maxY() - size.h());
            }
            Rect best = null;
            for (double y : ys.descendingSet()) {
                if (y < 0 || y + size.h() > areaH + 1e-6) {
                    continue;
                }
                for (double x : xs.descendingSet()) {
                    if (x < minX + PAD - 1e-6 || x + size.w() > maxX - PAD + 1e-6) {
                        continue;
                    }
                    Rect c = size.at(x, y);
                    if (taken.stream().anyMatch(t -> t.overlaps(c, GAP))) {
                        continue;
                    }
                    if (lines.stream().anyMatch(l -> l[1] > c.y() && l[0] > c.x() - 16 && l[0] < c.maxX() + 16)) {
                        continue;
                    }
                    best = c;
                    break;
                }
                if (best != null) {
                    break;
                }
            }
            return best;
        }

        private double rowHeight(List<TopoNode> row) {
            return row.stream().mapToDouble(k -> plan.size(k).h()).max().orElse(0);
        }

        /** Where a vertex would like to be: the mean x of what it links to that is placed already. */
        private Double wish(TopoNode k, Map<String, Double> placedX) {
            // The leg down to a box counts most: that line is the long one; a bridge port is short.
            double wsum = 0;
            double xs = 0;
            for (TopoLink l : plan.linksOf(k.id())) {
                if (l.kind() == LinkKind.NETWORK_DEVICE || l.kind() == LinkKind.TUNNEL) {
                    continue;
                }
                Double x = placedX.get(other(l, k.id()));
                if (x != null) {
                    double weight = l.kind() == LinkKind.BRIDGE_PORT ? 0.25 : 1;
                    xs += x * weight;
                    wsum += weight;
                }
            }
            return wsum == 0 ? null : xs / wsum;
        }

        /** Ends sorted by where they want to be, dealt in turn to {@code rows} staggered rows. */
        private List<List<TopoNode>> splitRows(List<TopoNode> items, Map<String, Double> placedX, int rows) {
            List<TopoNode> sorted = sortByWish(items, placedX, false);
            List<List<TopoNode>> out = new ArrayList<>();
            if (sorted.isEmpty()) {
                return out;
            }
            int n = Math.min(rows, sorted.size());
            for (int i = 0; i < n; i++) {
                out.add(new ArrayList<>());
            }
            for (int i = 0; i < sorted.size(); i++) {
                out.get(i % n).add(sorted.get(i));
            }
            return out;
        }

        /** Devices in as many rows as it takes to stay within the width of the boxes below. */
        private List<List<TopoNode>> wrap(List<TopoNode> items, Map<String, Double> placedX, double width) {
            List<List<TopoNode>> out = new ArrayList<>();
            if (items.isEmpty()) {
                return out;
            }
            double total = items.stream().mapToDouble(k -> plan.size(k).w() + GAP).sum();
            int rows = (int) Math.max(1, Math.ceil(total / Math.max(width, 400)));
            List<TopoNode> sorted = new ArrayList<>(items);
            sorted.sort(Comparator.comparing((TopoNode k) -> devRank(k)).thenComparing(TopoNode::label));
            double per = total / rows;
            List<TopoNode> cur = new ArrayList<>();
            double w = 0;
            for (TopoNode k : sorted) {
                double kw = plan.size(k).w() + GAP;
                if (!cur.isEmpty() && w + kw > per + 1e-6 && out.size() < rows - 1) {
                    out.add(cur);
                    cur = new ArrayList<>();
                    w = 0;
                }
                cur.add(k);
                w += kw;
            }
            out.add(cur);
            return out;
        }

        /** Devices with an address (the underlay) first, then host-mode containers, the rest after. */
        private int devRank(TopoNode k) {
            if (k.kind() == NodeKind.UNDERLAY || k.kind() == NodeKind.INTERFACE && k.caption() != null
                    && !"loopback".equals(k.subKind())) {
                return 0;
            }
            return k.kind() == NodeKind.CONTAINER ? 1 : "loopback".equals(k.subKind()) ? 3 : 2;
        }

        private List<TopoNode> sortByWish(List<TopoNode> items, Map<String, Double> placedX, boolean unlinkedFirst) {
            Map<String, Double> wish = new HashMap<>();
            for (TopoNode k : items) {
                Double w = wish(k, placedX);
                if (w != null) {
                    wish.put(k.id(), w);
                }
            }
            double far = unlinkedFirst ? -1e9 : 1e9;
            List<TopoNode> sorted = new ArrayList<>(items);
            sorted.sort(Comparator.comparingDouble((TopoNode k) -> wish.getOrDefault(k.id(), far)));
            return sorted;
        }

        /**
         * Packs a row as close as it can to each vertex's wished-for centre without overlaps, keeping
         * the order of the wishes (least squares: pool adjacent violators). Vertices linked to nothing
         * placed go to one end of the row.
         */
        private void packRow(List<TopoNode> row, double y, Map<String, Double> placedX, Map<String, Rect> band,
                             boolean unlinkedFirst) {
            if (row.isEmpty()) {
                return;
            }
            Map<String, Double> wish = new HashMap<>();
            for (TopoNode k : row) {
                Double w = wish(k, placedX);
                if (w != null) {
                    wish.put(k.id(), w);
                }
            }
            List<TopoNode> sorted = new ArrayList<>(row);
            double far = unlinkedFirst ? -1e9 : 1e9;
            sorted.sort(Comparator.comparingDouble((TopoNode k) -> wish.getOrDefault(k.id(), far)));
            int n = sorted.size();
            double[] width = new double[n];
            double[] want = new double[n]; // wished left edge minus the offset from the row's start
            double[] offset = new double[n];
            double acc = 0;
            // Unlinked vertices take their wish from the linked ones next to them (they simply pack).
            for (int i = 0; i < n; i++) {
                width[i] = plan.size(sorted.get(i)).w();
                offset[i] = acc;
                acc += width[i] + GAP;
            }
            double firstWish = Double.NaN;
            for (int i = 0; i < n; i++) {
                Double w = wish.get(sorted.get(i).id());
                if (w != null) {
                    firstWish = w - width[i] / 2 - offset[i];
                    break;
                }
            }
            if (Double.isNaN(firstWish)) {
                firstWish = 0;
            }
            double[] weight = new double[n];
            for (int i = 0; i < n; i++) {
                Double w = wish.get(sorted.get(i).id());
                want[i] = w == null ? firstWish : w - width[i] / 2 - offset[i];
                weight[i] = w == null ? 1e-3 : 1;
            }
            double[] start = LinearOrder.isotonic(want, weight);
            for (int i = 0; i < n; i++) {
                TopoNode k = sorted.get(i);
                Rect r = plan.size(k).at(start[i] + offset[i], y);
                band.put(k.id(), r);
                placedX.put(k.id(), r.centerX());
            }
        }
    }
}
