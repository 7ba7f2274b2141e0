package dev.netlens.layout;

import dev.netlens.graph.LinkKind;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoLink;
import dev.netlens.graph.SubKind;
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
 * A compact layout that follows the network stack, top to bottom inside each host box: the host
 * namespace (devices and the underlay; bridges drawn as buses; the host-side veth ends and published
 * ports), then the other namespaces as cards in columns under it, then a shelf for what has no
 * namespace (stopped containers, networks with no device). Hosts stand side by side.
 *
 * <ul>
 *   <li>Cards are grouped by the device their primary leg reaches (a bridge through a veth pair, or a
 *       macvlan parent); the groups are ordered so that groups joined by second legs stand side by
 *       side, and a card on two networks sits where its two groups meet.</li>
 *   <li>The sequence of cards fills columns of a chosen height, each column from the bottom up, so
 *       that a group that ends in one column and the next group that starts there use disjoint
 *       stretches of the buses above.</li>
 *   <li>Above each column, in the host namespace, stands a stack of the host-side ends of the
 *       column's legs, the end of the lowest card on top, each a {@link LinkPath#TRACK}-wide step left
 *       of the one below: its line runs down the gutter left of the column and into its card's side,
 *       and the lines of one column nest instead of crossing (see {@link LinkPath}).</li>
 *   <li>Each bridge is a bus over the ends of its ports, which rise to it from their right sides;
 *       buses that would overlap take another row.</li>
 * </ul>
 * The column height is chosen among a few candidates to best fill the 1920x1080 canvas, with a
 * penalty for crossing lines on graphs small enough to count them. Near-linear in the graph size;
 * cancellable between candidates and hosts.
 */
public final class StackLayout implements LayoutEngine {
    public static final double HOST_TITLE = 48;
    public static final double NS_TITLE = 22;
    public static final double PAD = 10;
    public static final double GAP = 11;
    public static final double HOST_GAP = 28;
    public static final double ROW_GAP = 32;
    private static final double LEAF_H1 = 22;
    private static final double LEAF_H2 = 34;
    private static final double COLUMN_GAP = 18;
    private static final double STACK_GAP = 11;
    /** Horizontal distance between the tracks of one column's lines (and the ends' steps). */
    private static final double STEP = 7;
    /** Vertical room between the stacked ends of one column. */
    private static final double END_GAP = 4;
    private static final double BUS_GAP = 14;
    /** Between the rows inside a card. */
    private static final double CARD_GAP = 6;
    /** The key of the block of summaries: stacked like the ends above a column, each rising from its right side. */
    private static final String SUMMARIES = "\u0000summaries";
    /** One member's line in a summary (a collapsed group or network). */
    public static final double SUMMARY_LINE = 14;
    /** The band at the top of a group's frame that holds its name. */
    private static final double GROUP_TITLE = 28;
    /** Beyond this many links the score is the fit zoom alone (counting crossings would cost too much). */
    private static final int SCORE_QUALITY_LIMIT = 1200;

    private static final boolean DEBUG = Boolean.getBoolean("netlens.layout.debug");
    private final LabelMetrics metrics;
    private final LayoutQuality.Viewport target;

    public StackLayout() {
        this(LabelMetrics.ESTIMATE);
    }

    public StackLayout(LabelMetrics metrics) {
        this(metrics, LayoutQuality.Viewport.WINDOW);
    }

    /** @param target what the chosen column height should fill best: the window's canvas or a picture's page */
    public StackLayout(LabelMetrics metrics, LayoutQuality.Viewport target) {
        this.metrics = metrics;
        this.target = target;
    }

    /** The layout pictures use: chosen to fit a 1x picture on a 1440p screen ({@link LayoutQuality.Viewport#PICTURE}). */
    public static StackLayout forPictures(LabelMetrics metrics) {
        return new StackLayout(metrics, LayoutQuality.Viewport.PICTURE);
    }

    /** The parameter of one candidate layout: how tall a column of cards may grow. */
    public record Choice(double columnHeight) {
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
        return new Run(plan, choice.columnHeight(), false).run();
    }

    /** The best of the candidate layouts, and its parameters. */
    public Chosen choose(TopologyGraph graph, BooleanSupplier cancelled) {
        check(cancelled);
        Plan plan = new Plan(graph, cancelled);
        Layout best = null;
        Choice bestChoice = null;
        double bestScore = -1;
        boolean quality = graph.links().size() <= SCORE_QUALITY_LIMIT;
        boolean tunnels = graph.links().stream().anyMatch(l -> l.kind() == LinkKind.TUNNEL);
        for (double height : plan.columnHeights()) {
            check(cancelled);
            double score;
            Layout candidate = null;
            if (quality) {
                candidate = new Run(plan, height, false).run();
                score = LayoutQuality.fitZoom(graph, candidate, target);
                int crossings = LayoutQuality.crossings(graph, candidate);
                int through = LayoutQuality.passThroughs(graph, candidate);
                score /= 1 + 0.03 * crossings + 0.015 * through;
            } else {
                // Large graphs: the candidates' sizes alone decide; only the chosen one is placed.
                Run dry = new Run(plan, height, true);
                dry.run();
                score = LayoutQuality.fitZoom(dry.bounds, tunnels, target);
            }
            if (DEBUG) {
                System.err.printf("candidate h=%.0f: %s -> %.4f%n", height,
                        candidate == null ? "dry" : LayoutQuality.summary(graph, candidate), score);
            }
            if (score > bestScore + 1e-9) {
                best = candidate;
                bestChoice = new Choice(height);
                bestScore = score;
            }
        }
        if (best == null && bestChoice != null) {
            best = new Run(plan, bestChoice.columnHeight(), false).run();
        }
        return new Chosen(best, bestChoice);
    }

    /** The size of a leaf shape: wide enough for its label and caption. */
    Rect leafSize(TopoNode n) {
        if (n.kind() == NodeKind.SUMMARY) {
            // Name, counts, then one line per running container it stands for.
            List<String> names = dev.netlens.graph.Collapse.memberNames(n);
            double w = Math.max(metrics.width(n.label(), LabelMetrics.Style.LABEL), metrics.width(n.caption(), LabelMetrics.Style.CAPTION));
            for (String m : names) {
                w = Math.max(w, metrics.width(m, LabelMetrics.Style.CAPTION));
            }
            return new Rect(0, 0, Math.ceil(Math.max(130, w + 22)), LEAF_H2 + SUMMARY_LINE * names.size() + 6);
        }
        double text = Math.max(metrics.width(n.label(), LabelMetrics.Style.LABEL),
                metrics.width(n.caption(), LabelMetrics.Style.CAPTION));
        double min = switch (n.kind()) {
            case BRIDGE -> 124;
            case CONTAINER -> 90;
            case PORT -> 80;
            default -> 40;
        };
        double w = Math.ceil(Math.max(min, text + 22));
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


        List<TopoLink> linksOf(String id) {
            return links.getOrDefault(id, List.of());
        }

        Rect size(TopoNode n) {
            return leaf.computeIfAbsent(n.id(), k -> leafSize(n));
        }

        /** Puts a row of leaves left to right from (x, y) into {@code into}; returns the row's height. */
        double placeRow(List<TopoNode> row, double x, double y, Map<String, Rect> into) {
            double h = 0;
            for (TopoNode k : row) {
                Rect r = size(k).at(x, y);
                into.put(k.id(), r);
                x = r.maxX() + GAP;
                h = Math.max(h, r.h());
            }
            return h;
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
            // Steps of an eighth: a picture that must fit a page finds a height between two coarser steps.
            while (h < total * 1.05 && out.size() < 40) {
                out.add(h);
                h *= 1.125;
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
        /** Collapsed groups and networks: each a card of its own, wired straight up to its bridges. */
        final List<TopoNode> summaries = new ArrayList<>();
        /** The group box (compose project, stack, service) framing each card in one. */
        final Map<String, String> frameOf = new HashMap<>();
        /**
         * The units cut into blocks, each starting a column of its own: a group's cards together (they
         * are framed by its box), and one block of all cards in no group. The key is the group's id,
         * or null for a block of cards in no group.
         */
        final List<Map.Entry<String, List<List<String>>>> blocks = new ArrayList<>();
        final Set<String> bandLinked = new HashSet<>();
        /** Each anchor's (bridge's, parent's) place in the order of anchors from left to right. */
        final Map<String, Integer> anchorIndex = new HashMap<>();
        /** The host-namespace vertices stacked as ends above the columns: leg ends and ports. */
        final Set<String> endIds = new HashSet<>();

        HostPlan(Plan p, TopoNode host) {
            this.p = p;
            this.g = p.g;
            this.host = host;
            List<TopoNode> kids = p.drawnChildren(host.id());
            hostNs = kids.stream().filter(k -> k.kind() == NodeKind.NAMESPACE && k.subKind() == SubKind.Namespace.HOST)
                    .findFirst().orElse(null);
            List<TopoNode> boxes = new ArrayList<>();
            for (TopoNode k : kids) {
                if (k == hostNs) {
                    continue;
                }
                if (k.kind() == NodeKind.GROUP) {
                    for (TopoNode m : p.drawnChildren(k.id())) {
                        if (m.kind() == NodeKind.NAMESPACE) {
                            boxes.add(m);
                            frameOf.put(m.id(), k.id());
                        } else {
                            shelf.add(m); // a stopped member: on the host's shelf with the others
                        }
                    }
                    continue;
                }
                if (k.kind() == NodeKind.SUMMARY) {
                    summaries.add(k);
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
            classifyHostNamespace(inHostNs);
            order(boxes, boxLinks);
            blocks();
            for (TopoNode b : boxes) {
                Map<String, Rect> local = new LinkedHashMap<>();
                List<Leg> ls = legs.get(b.id());
                boxSize.put(b.id(), ls.isEmpty() ? namespaceBox(b, local, ls) : card(b, local, ls));
                inner.put(b.id(), local);
            }
        }

        private void blocks() {
            Map<String, List<List<String>>> byKey = new LinkedHashMap<>();
            for (List<String> unit : units) {
                List<String> loose = new ArrayList<>();
                for (String b : unit) {
                    String g = frameOf.get(b);
                    if (g != null) {
                        byKey.computeIfAbsent(g, k -> new ArrayList<>()).add(List.of(b));
                    } else {
                        loose.add(b);
                    }
                }
                if (!loose.isEmpty()) {
                    byKey.computeIfAbsent("anchor:", k -> new ArrayList<>()).add(loose);
                }
            }
            // A group's single cards back into units: one column may hold several.
            byKey.forEach((k, us) -> blocks.add(Map.entry(k.startsWith("anchor:") ? "" : k, us)));
            List<List<String>> sums = new ArrayList<>();
            for (TopoNode sum : summaries) {
                boxSize.put(sum.id(), p.size(sum));
                inner.put(sum.id(), Map.of());
                legs.put(sum.id(), List.of());
                sums.add(List.of(sum.id()));
            }
            if (!sums.isEmpty()) {
                blocks.add(Map.entry(SUMMARIES, sums));
            }
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
                    endIds.add(k.id());
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
            Map<String, List<String>> byAnchor = new LinkedHashMap<>();
            for (TopoNode b : boxes) {
                List<Leg> ls = legs.get(b.id());
                if (!ls.isEmpty()) {
                    byAnchor.computeIfAbsent(anchor(ls.get(0)), k -> new ArrayList<>()).add(b.id());
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
                        depth.put(o, depth.get(b) + 1);
                        todo.add(o);
                    }
                }
            }
            // Weights between byAnchor: second legs, and free boxes wired to boxes of another group.
            Map<String, String> anchorOf = new HashMap<>();
            byAnchor.forEach((a, members) -> members.forEach(m -> anchorOf.put(m, a)));
            List<String> anchors = new ArrayList<>(byAnchor.keySet());
            anchors.sort(Comparator.comparing(this::anchorRank).thenComparing(a -> g.node(a).map(TopoNode::label).orElse(a)));
            Map<String, Integer> idx = new HashMap<>();
            for (int i = 0; i < anchors.size(); i++) {
                idx.put(anchors.get(i), i);
            }
            double[][] w = new double[anchors.size()][anchors.size()];
            for (String b : anchorOf.keySet()) {
                int gi = idx.get(anchorOf.get(b));
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
            for (int i = 0; i < ordered.size(); i++) {
                anchorIndex.put(ordered.get(i), i);
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
                List<String> members = new ArrayList<>(byAnchor.get(a));
                // Single-legged first, so a box with more legs tends to top a column (its other legs go up free).
                int own = anchorIndex.get(a);
                Map<String, Integer> pull = new HashMap<>();
                for (String m : members) {
                    int sum = 0;
                    for (Leg l : legs.get(m).subList(1, legs.get(m).size())) {
                        Integer o = anchorIndex.get(anchor(l));
                        sum += o == null ? 0 : Integer.signum(o - own);
                    }
                    pull.put(m, sum);
                }
                // A card with a leg to a group before this one first, to a later group last: it sits
                // where the two byAnchor meet.
                members.sort(Comparator.comparingInt((String id) -> pull.get(id))
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
            rest.sort(Comparator.comparing((TopoNode b) -> b.subKind() == SubKind.Namespace.CONTAINER).thenComparing(TopoNode::label));
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

        double unitHeight(List<String> unit) {
            double h = 0;
            for (String b : unit) {
                h += boxSize.get(b).h() + STACK_GAP;
            }
            return h - STACK_GAP;
        }

        /**
         * A card: a namespace with legs to the host namespace. Its children go in {@code local},
         * relative to the card's corner. Left column: the containers, then the legs, each leg's line
         * entering it from the left (so nothing stands left of a leg): the leg to the group furthest
         * right on top; the container's lines to legs below the first run down the card's right side
         * (see {@link LinkPath}). Loopback and the rest beside a single leg, else under the legs.
         */
        private Rect card(TopoNode box, Map<String, Rect> local, List<Leg> boxLegs) {
            List<TopoNode> ctrs = new ArrayList<>();
            List<TopoNode> legIfaces = new ArrayList<>();
            List<TopoNode> rest = new ArrayList<>();
            Map<String, Integer> legRank = new HashMap<>();
            for (Leg l : boxLegs) {
                legRank.merge(l.iface(), anchorIndex.getOrDefault(anchor(l), Integer.MAX_VALUE), Math::min);
            }
            for (TopoNode k : p.drawnChildren(box.id())) {
                (k.kind() == NodeKind.CONTAINER ? ctrs : legRank.containsKey(k.id()) ? legIfaces : rest).add(k);
            }
            ctrs.sort(Comparator.comparing(TopoNode::label));
            legIfaces.sort(Comparator.comparingInt((TopoNode k) -> -legRank.get(k.id())).thenComparing(TopoNode::label));
            rest.sort(Comparator.comparing((TopoNode k) -> k.subKind() == SubKind.Device.LOOPBACK).thenComparing(TopoNode::label));
            double y = NS_TITLE;
            double leftW = 0;
            for (TopoNode k : ctrs) {
                Rect r = p.size(k).at(PAD, y);
                local.put(k.id(), r);
                y = r.maxY() + CARD_GAP;
                leftW = Math.max(leftW, r.maxX());
            }
            double rowTop = y;
            double rowBottom = y - CARD_GAP;
            for (TopoNode k : legIfaces) {
                Rect r = p.size(k).at(PAD, y);
                local.put(k.id(), r);
                rowTop = y;
                rowBottom = r.maxY();
                y = r.maxY() + CARD_GAP;
                leftW = Math.max(leftW, r.maxX());
            }
            // The rest (loopback, devices with no leg): beside a single leg, else in a row under the
            // legs, clear of the container's lines down the card's right side to its further legs.
            double x = PAD;
            if (legIfaces.size() == 1) {
                x = local.get(legIfaces.get(0).id()).maxX() + GAP;
            } else {
                rowTop = rowBottom + CARD_GAP;
            }
            for (TopoNode k : rest) {
                Rect r = p.size(k).at(x, rowTop);
                local.put(k.id(), r);
                x = r.maxX() + GAP;
                rowBottom = Math.max(rowBottom, r.maxY());
                leftW = Math.max(leftW, r.maxX());
            }
            if (legIfaces.size() > 1) {
                leftW += 3 * LinkPath.TRACK; // room for those lines
            }
            double h = rowBottom;
            double w = leftW;
            String title = box.caption() == null ? box.label() : box.label() + "  ·  " + box.caption();
            w = Math.max(w + PAD, metrics.width(title, LabelMetrics.Style.LABEL) * 0.9 + 2 * PAD);
            return new Rect(0, 0, w, Math.max(h + PAD, NS_TITLE + PAD));
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
            ifaces.sort(Comparator.comparing((TopoNode k) -> k.subKind() == SubKind.Device.LOOPBACK)
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
                y += p.placeRow(row, r == 1 ? PAD : (w - rowWidth(row)) / 2, y, local) + GAP;
            }
            return new Rect(0, 0, w, Math.max(y - GAP + PAD, NS_TITLE + PAD));
        }

        private double rowWidth(List<TopoNode> row) {
            return row.stream().mapToDouble(k -> p.size(k).w()).sum() + Math.max(0, row.size() - 1) * GAP;
        }
    }

    /** One layout pass with a given column height. */
    private final class Run {
        private final Plan plan;
        private final double columnHeight;
        /** Only measure: hosts' boxes are computed, nothing inside them is placed. */
        private final boolean dry;
        private final Map<String, Rect> out = new LinkedHashMap<>();
        private final Map<String, String> parents = new LinkedHashMap<>();
        /** Everything placed, as far as a dry run knows it (hosts and the column of orphans). */
        Rect bounds = new Rect(0, 0, 0, 0);

        Run(Plan plan, double columnHeight, boolean dry) {
            this.plan = plan;
            this.columnHeight = columnHeight;
            this.dry = dry;
        }

        Layout run() {
            double x = 0;
            for (HostPlan h : plan.hosts) {
                check(plan.cancelled);
                Rect r = host(h, x);
                bounds = bounds.w() == 0 ? r : bounds.union(r);
                x = r.maxX() + HOST_GAP;
            }
            // Vertices on no known host (a tunnel's far end): a column to the right.
            double y = HOST_TITLE;
            for (TopoNode n : plan.orphans) {
                Rect r = plan.size(n).at(x, y);
                place(n, r);
                bounds = bounds.w() == 0 ? r : bounds.union(r);
                y = r.maxY() + GAP;
            }
            return dry ? Layout.EMPTY : new Layout(out, parents);
        }

        private void place(TopoNode n, Rect r) {
            out.put(n.id(), r);
            parents.put(n.id(), n.parent());
        }

        /** A host-namespace vertex in a column's stack and the vertex in a card its line goes to. */
        private record End(String id, String box, String target) {
        }

        /** Lays one host out with its top-left at (x0, 0); returns its box. */
        private Rect host(HostPlan h, double x0) {
            TopologyGraph g = plan.g;
            // 1. Columns of cards, each filled from the bottom up (drawn top-down in reverse); each
            // block (a group, or the cards on one device) starts a column of its own.
            List<List<String>> columns = new ArrayList<>();
            List<String> colGroup = new ArrayList<>(); // the group box framing each column, "" for none
            List<Boolean> blockStart = new ArrayList<>();
            for (Map.Entry<String, List<List<String>>> block : h.blocks) {
                List<String> col = new ArrayList<>();
                double colH = 0;
                boolean first = true;
                for (List<String> unit : block.getValue()) {
                    double uh = h.unitHeight(unit);
                    if (!col.isEmpty() && colH + STACK_GAP + uh > columnHeight + 1e-6) {
                        columns.add(col);
                        colGroup.add(block.getKey());
                        blockStart.add(first);
                        first = false;
                        col = new ArrayList<>();
                        colH = 0;
                    }
                    col.addAll(unit);
                    colH += (colH == 0 ? 0 : STACK_GAP) + uh;
                }
                if (!col.isEmpty()) {
                    columns.add(col);
                    colGroup.add(block.getKey());
                    blockStart.add(first);
                }
            }
            Map<String, Rect> boxAt = new LinkedHashMap<>(); // area coordinates; x set below
            Set<String> stacked = new HashSet<>();
            List<List<End>> stacks = new ArrayList<>();
            double areaH = 0;
            for (int ci = 0; ci < columns.size(); ci++) {
                List<String> c = columns.get(ci);
                double y = colGroup.get(ci).isEmpty() || colGroup.get(ci).equals(SUMMARIES) ? 0 : GROUP_TITLE;
                for (int i = c.size() - 1; i >= 0; i--) {
                    Rect s = h.boxSize.get(c.get(i));
                    boxAt.put(c.get(i), s.at(0, y));
                    y += s.h() + STACK_GAP;
                }
                areaH = Math.max(areaH, y - STACK_GAP);
                List<End> ends = new ArrayList<>();
                for (String b : c) {
                    for (Leg l : h.legs.get(b)) {
                        if (stacked.add(l.end())) {
                            ends.add(new End(l.end(), b, l.iface()));
                        }
                    }
                    for (String k : g.children(b)) {
                        for (TopoLink l : plan.linksOf(k)) {
                            if (l.kind() == LinkKind.PUBLISHED && l.target().equals(k) && h.endIds.contains(l.source())
                                    && stacked.add(l.source())) {
                                ends.add(new End(l.source(), b, k));
                            }
                        }
                    }
                }
                // The end of the lowest target on top: its line takes the outermost track.
                ends.sort(Comparator.comparingDouble((End e) -> -(boxAt.get(e.box()).y()
                        + h.inner.get(e.box()).get(e.target()).centerY())));
                stacks.add(ends);
            }

            // 2. Column x positions: each column's gutter holds its tracks; its stack clears the last.
            int nc = columns.size();
            double[] colX = new double[nc];
            double[] chipW = new double[nc];
            double prevRight = 0;
            double prevStackRight = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < nc; c++) {
                List<End> ends = stacks.get(c);
                int n = ends.size();
                for (End e : ends) {
                    Rect s = plan.size(g.node(e.id()).orElseThrow());
                    chipW[c] = Math.max(chipW[c], s.w());
                }
                double gutter = n == 0 ? 0 : 2 * LinkPath.TRACK + (n - 1) * STEP + 6;
                boolean framed = !colGroup.get(c).isEmpty() && !colGroup.get(c).equals(SUMMARIES);
                if (blockStart.get(c) && framed) {
                    gutter += PAD; // the group's frame stands left of its first gutter
                }
                double x = c == 0 ? gutter : prevRight + (blockStart.get(c) ? COLUMN_GAP : 0) + Math.max(COLUMN_GAP, gutter);
                if (n > 0) {
                    // The top end of the stack (furthest left) must clear the last stack and its rises.
                    x = Math.max(x, prevStackRight + 12 + LinkPath.TRACK + (n - 1) * STEP);
                }
                colX[c] = x;
                double w = 0;
                for (String b : columns.get(c)) {
                    w = Math.max(w, h.boxSize.get(b).w());
                }
                if (colGroup.get(c).equals(SUMMARIES)) {
                    // One width, each a step right of the one above: their rising lines nest.
                    List<String> col = columns.get(c);
                    for (int i = 0; i < col.size(); i++) {
                        Rect r = boxAt.get(col.get(i));
                        boxAt.put(col.get(i), new Rect(0, r.y(), w, r.h()));
                    }
                    w += (col.size() - 1) * STEP;
                }
                prevRight = x + w;
                boolean blockEnd = c == nc - 1 || blockStart.get(c + 1);
                if (blockEnd && framed) {
                    prevRight += PAD;
                }
                if (n > 0) {
                    prevStackRight = x - LinkPath.TRACK + chipW[c] + LinkPath.TRACK;
                }
            }
            for (int c = 0; c < nc; c++) {
                List<String> col = columns.get(c);
                boolean sums = colGroup.get(c).equals(SUMMARIES);
                for (int i = 0; i < col.size(); i++) {
                    String b = col.get(i);
                    // Drawn top-down in reverse: the last in the column is on top, furthest left.
                    double step = sums ? (col.size() - 1 - i) * STEP : 0;
                    boxAt.put(b, boxAt.get(b).at(colX[c] + step, boxAt.get(b).y()));
                }
            }
            double areaW = Math.max(prevRight, 0);
            // Group frames: around their columns' cards and gutters, a title band on top.
            Map<String, Rect> groupAt = new LinkedHashMap<>();
            for (int c = 0; c < nc; c++) {
                String gid = colGroup.get(c);
                if (gid.isEmpty() || gid.equals(SUMMARIES)) {
                    continue;
                }
                int n = stacks.get(c).size();
                double left = colX[c] - (n == 0 ? 0 : 2 * LinkPath.TRACK + (n - 1) * STEP + 6) - PAD;
                Rect r = new Rect(left, 0, 1, GROUP_TITLE);
                for (String b : columns.get(c)) {
                    Rect at = boxAt.get(b);
                    r = r.union(new Rect(at.x(), at.y(), at.w() + PAD, at.h() + PAD));
                }
                Rect was = groupAt.get(gid);
                groupAt.put(gid, was == null ? r : was.union(r));
            }
            for (var e : groupAt.entrySet()) {
                TopoNode gn = g.node(e.getKey()).orElseThrow();
                String title = gn.caption() == null ? gn.label() : gn.label() + "  ·  " + gn.caption();
                double tw = metrics.width(title, LabelMetrics.Style.TITLE) + 2 * PAD;
                Rect r = e.getValue();
                if (r.w() < tw) {
                    e.setValue(new Rect(r.x(), r.y(), tw, r.h()));
                }
                areaW = Math.max(areaW, e.getValue().maxX());
            }

            // 3. The host namespace, bottom-up: stacks, bus rows, devices.
            Map<String, Rect> band = new LinkedHashMap<>(); // area x, y from the namespace's top
            double nsH = 0;
            double minX = 0;
            double maxX = areaW;
            if (h.hostNs != null) {
                List<TopoNode> loose = new ArrayList<>(h.devices);
                for (TopoNode e : h.ends) {
                    if (!stacked.contains(e.id())) {
                        loose.add(e);
                    }
                }
                loose.removeIf(k -> stacked.contains(k.id()));
                // Up-tracks of the stacked ends, per bridge.
                Map<String, double[]> span = new LinkedHashMap<>();
                Map<String, Double> stackH = new HashMap<>();
                double maxStackH = 0;
                for (int c = 0; c < nc; c++) {
                    int n = stacks.get(c).size();
                    double sh = -END_GAP;
                    for (End e : stacks.get(c)) {
                        sh += plan.size(g.node(e.id()).orElseThrow()).h() + END_GAP;
                    }
                    sh = Math.max(0, sh);
                    maxStackH = Math.max(maxStackH, sh);
                    for (int k = 0; k < n; k++) {
                        End e = stacks.get(c).get(n - 1 - k); // k = 0: the bottom end
                        double left = colX[c] - 2 * LinkPath.TRACK - k * STEP + LinkPath.TRACK;
                        String m = h.master(e.id());
                        if (m != null) {
                            double rise = left + chipW[c] + LinkPath.TRACK;
                            double[] sp = span.computeIfAbsent(m, key -> new double[] {rise, rise});
                            sp[0] = Math.min(sp[0], rise);
                            sp[1] = Math.max(sp[1], rise);
                        }
                    }
                    stackH.put(String.valueOf(c), sh);
                }
                for (TopoNode sum : h.summaries) {
                    Rect at = boxAt.get(sum.id());
                    for (TopoLink l : plan.linksOf(sum.id())) {
                        if (l.kind() == LinkKind.BRIDGE_PORT && l.source().equals(sum.id()) && at != null) {
                            double rise = at.maxX() + LinkPath.TRACK;
                            double[] sp = span.computeIfAbsent(l.target(), key -> new double[] {rise, rise});
                            sp[0] = Math.min(sp[0], rise);
                            sp[1] = Math.max(sp[1], rise);
                        }
                    }
                }
                List<TopoNode> buses = new ArrayList<>();
                for (TopoNode br : h.bridges) {
                    (span.containsKey(br.id()) ? buses : loose).add(br);
                }
                Map<String, Rect> busAt = new HashMap<>();
                List<List<Rect>> busRows = new ArrayList<>();
                Map<String, Integer> busRow = new HashMap<>();
                buses.sort(Comparator.comparingDouble((TopoNode b) -> span.get(b.id())[1] - span.get(b.id())[0])
                        .thenComparingDouble(b -> span.get(b.id())[0]));
                double busH = 0;
                for (TopoNode b : buses) {
                    double[] sp = span.get(b.id());
                    Rect size = plan.size(b);
                    double w = Math.max(size.w(), sp[1] - sp[0] + 24);
                    // Anywhere it still covers every rise (12 px spare): the lowest row with room,
                    // as near centred over its rises as that row allows.
                    double lo = sp[1] + 12 - w;
                    double hi = sp[0] - 12;
                    double want = (sp[0] + sp[1]) / 2 - w / 2;
                    Rect r = null;
                    int row = 0;
                    for (; row < busRows.size() && r == null; row++) {
                        r = freeIn(busRows.get(row), lo, hi, want, w, size.h());
                    }
                    if (r == null) {
                        busRows.add(new ArrayList<>());
                        r = new Rect(Math.max(lo, Math.min(hi, want)), 0, w, size.h());
                        row = busRows.size();
                    }
                    row--;
                    busRows.get(row).add(r);
                    busRow.put(b.id(), row);
                    busAt.put(b.id(), r);
                    busH = Math.max(busH, size.h());
                }
                // Devices in rows across the width.
                List<List<TopoNode>> deviceRows = wrap(loose, Math.max(areaW, 600));
                double y = NS_TITLE;
                for (List<TopoNode> row : deviceRows) {
                    y += plan.placeRow(row, 0, y, band) + GAP;
                }
                if (!deviceRows.isEmpty()) {
                    y += ROW_GAP * 0.6 - GAP;
                }
                int rows = busRows.size();
                for (TopoNode b : buses) {
                    Rect r = busAt.get(b.id());
                    int fromTop = rows - 1 - busRow.get(b.id());
                    band.put(b.id(), r.at(r.x(), y + fromTop * (busH + GAP)));
                }
                if (rows > 0) {
                    y += rows * (busH + GAP) - GAP + BUS_GAP;
                }
                double chipsBottom = y + maxStackH;
                for (int c = 0; c < nc; c++) {
                    int n = stacks.get(c).size();
                    double bottom = chipsBottom;
                    for (int k = 0; k < n; k++) {
                        End e = stacks.get(c).get(n - 1 - k);
                        double eh = plan.size(g.node(e.id()).orElseThrow()).h();
                        double left = colX[c] - 2 * LinkPath.TRACK - k * STEP + LinkPath.TRACK;
                        band.put(e.id(), new Rect(left, bottom - eh, chipW[c], eh));
                        bottom -= eh + END_GAP;
                    }
                }
                nsH = (maxStackH > 0 ? chipsBottom : y - (rows > 0 ? BUS_GAP : 0)) + PAD;
                if (band.isEmpty()) {
                    nsH = NS_TITLE + PAD;
                }
                for (Rect r : band.values()) {
                    minX = Math.min(minX, r.x() - PAD);
                    maxX = Math.max(maxX, r.maxX() + PAD);
                }
            }
            double top = h.hostNs == null ? 0 : nsH + ROW_GAP;
            double contentW = maxX - minX;

            // 4. The shelf: what has no namespace, in rows below the cards.
            double sx = 0;
            double sy = top + areaH + (columns.isEmpty() ? 0 : ROW_GAP);
            double shelfH = 0;
            Map<String, Rect> shelfAt = new LinkedHashMap<>();
            for (TopoNode s : h.shelf) {
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
            double contentH = h.shelf.isEmpty() ? top + areaH : sy + shelfH;
            if (columns.isEmpty() && h.shelf.isEmpty()) {
                contentH = nsH;
            }

            // 5. World coordinates.
            double ox = x0 + PAD - minX;
            double oy = HOST_TITLE;
            Rect hostRect = new Rect(x0, 0, contentW + 2 * PAD, oy + contentH + PAD);
            if (dry) {
                return hostRect;
            }
            place(h.host, hostRect);
            if (h.hostNs != null) {
                place(h.hostNs, new Rect(x0 + PAD, oy, contentW, nsH));
                band.forEach((id, r) -> place(g.node(id).orElseThrow(), r.moved(ox, oy)));
            }
            groupAt.forEach((id, r) -> place(g.node(id).orElseThrow(), r.moved(ox, oy + top)));
            for (List<String> c : columns) {
                for (String b : c) {
                    Rect at = boxAt.get(b);
                    place(g.node(b).orElseThrow(), at.moved(ox, oy + top));
                    h.inner.get(b).forEach((id, r) -> place(g.node(id).orElseThrow(),
                            r.moved(ox + at.x(), oy + top + at.y())));
                }
            }
            shelfAt.forEach((id, r) -> place(g.node(id).orElseThrow(), r.moved(x0 + PAD, oy)));
            return hostRect;
        }

        /** The free place for a w-wide bus in a row, x within [lo, hi], nearest {@code want}; or null. */
        private Rect freeIn(List<Rect> row, double lo, double hi, double want, double w, double h) {
            List<Double> xs = new ArrayList<>(List.of(Math.max(lo, Math.min(hi, want))));
            for (Rect o : row) {
                xs.add(o.maxX() + GAP);
                xs.add(o.x() - GAP - w);
            }
            Rect best = null;
            for (double x : xs) {
                if (x < lo - 1e-6 || x > hi + 1e-6) {
                    continue;
                }
                Rect c = new Rect(x, 0, w, h);
                if (row.stream().anyMatch(o -> o.overlaps(c, GAP - 1))) {
                    continue;
                }
                if (best == null || Math.abs(x - want) < Math.abs(best.x() - want)) {
                    best = c;
                }
            }
            return best;
        }

        /** Devices in as many rows as it takes to stay within {@code width}. */
        private List<List<TopoNode>> wrap(List<TopoNode> items, double width) {
            List<List<TopoNode>> out = new ArrayList<>();
            List<TopoNode> sorted = new ArrayList<>(items);
            sorted.sort(Comparator.comparing((TopoNode k) -> devRank(k)).thenComparing(TopoNode::label));
            List<TopoNode> cur = new ArrayList<>();
            double w = 0;
            for (TopoNode k : sorted) {
                double kw = plan.size(k).w() + GAP;
                if (!cur.isEmpty() && w + kw > width) {
                    out.add(cur);
                    cur = new ArrayList<>();
                    w = 0;
                }
                cur.add(k);
                w += kw;
            }
            if (!cur.isEmpty()) {
                out.add(cur);
            }
            return out;
        }

        /** Devices with an address (the underlay) first, then host-mode containers, the rest after. */
        private int devRank(TopoNode k) {
            if (k.kind() == NodeKind.UNDERLAY || k.kind() == NodeKind.INTERFACE && k.caption() != null
                    && k.subKind() != SubKind.Device.LOOPBACK) {
                return 0;
            }
            if (k.kind() == NodeKind.BRIDGE) {
                return 1;
            }
            return k.kind() == NodeKind.CONTAINER ? 2 : k.kind() == NodeKind.PORT ? 3 : k.subKind() == SubKind.Device.LOOPBACK ? 5 : 4;
        }
    }
}
