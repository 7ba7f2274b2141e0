package dev.netlens.layout;

import dev.netlens.graph.SubKind;
import dev.netlens.graph.LinkKind;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoLink;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The layout as it was before the column layout (commit bd5e29f), kept as the yardstick the
 * crossing and fit-zoom tests compare against.
 *
 * A layered layout that follows the network stack, top to bottom inside each host box:
 * <ol>
 *   <li>the host namespace: devices and the underlay; then bridges; then host-side veth ends and
 *       published ports,</li>
 *   <li>the other namespaces (overlay, load balancer, containers) as boxes in rows, grouped by the
 *       bridge or overlay they hang from,</li>
 *   <li>a shelf for what has no namespace (stopped containers, networks with no device).</li>
 * </ol>
 * Hosts stand side by side. Within the host namespace each row is ordered by the mean position of
 * what it links to below (one barycentric sweep from the bottom up), which keeps veth lines short
 * and nearly vertical. Boxes never overlap by construction: rows are packed left to right. The row
 * width is chosen among a few candidates to best fill a 16:9 screen. Linear in the graph size.
 */
final class LegacyStackLayout implements LayoutEngine {
    public static final double HOST_TITLE = 58;
    public static final double NS_TITLE = 28;
    public static final double PAD = 12;
    public static final double GAP = 14;
    public static final double HOST_GAP = 90;
    public static final double ROW_GAP = 40;
    private static final double LEAF_H1 = 36;
    private static final double LEAF_H2 = 54;
    private static final double VIEW_W = 1560; // the canvas beside the side panel on a 1920x1080 screen
    private static final double VIEW_H = 960;

    private final LabelMetrics metrics;

    LegacyStackLayout() {
        this(LabelMetrics.ESTIMATE);
    }

    LegacyStackLayout(LabelMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public Layout layout(TopologyGraph graph, Layout previous, BooleanSupplier cancelled) {
        Layout best = null;
        double bestScore = -1;
        for (int rows = 1; rows <= 6; rows++) {
            check(cancelled);
            Layout candidate = new Run(graph, rows, cancelled).run();
            Rect b = candidate.bounds();
            double score = Math.min(VIEW_W / Math.max(b.w(), 1), VIEW_H / Math.max(b.h(), 1));
            if (score > bestScore + 1e-9) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
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

    /** One layout pass with a given number of namespace rows per host. */
    private final class Run {
        private final TopologyGraph g;
        private final int rows;
        private final BooleanSupplier cancelled;
        private final Map<String, Rect> out = new LinkedHashMap<>();
        private final Map<String, String> parents = new LinkedHashMap<>();

        Run(TopologyGraph g, int rows, BooleanSupplier cancelled) {
            this.g = g;
            this.rows = rows;
            this.cancelled = cancelled;
        }

        Layout run() {
            double x = 0;
            List<TopoNode> orphans = new ArrayList<>();
            for (TopoNode n : g.nodes()) {
                if (n.parent() != null || !g.isDrawn(n)) {
                    continue;
                }
                if (n.kind() == NodeKind.HOST) {
                    check(cancelled);
                    Rect r = host(n, x);
                    x = r.maxX() + HOST_GAP;
                } else {
                    orphans.add(n);
                }
            }
            // Vertices on no known host (a tunnel's far end): a column to the right.
            double y = HOST_TITLE;
            for (TopoNode n : orphans) {
                Rect r = leafSize(n).at(x, y);
                place(n, r);
                y = r.maxY() + GAP;
            }
            return new Layout(out, parents);
        }

        private void place(TopoNode n, Rect r) {
            out.put(n.id(), r);
            parents.put(n.id(), n.parent());
        }

        private List<TopoNode> drawnChildren(String box) {
            List<TopoNode> kids = new ArrayList<>();
            for (String id : g.children(box)) {
                TopoNode n = g.node(id).orElseThrow();
                if (g.isDrawn(n)) {
                    kids.add(n);
                }
            }
            return kids;
        }

        /** Lays one host out with its top-left at (x, 0); returns its box. */
        private Rect host(TopoNode host, double x0) {
            List<TopoNode> kids = drawnChildren(host.id());
            TopoNode hostNs = kids.stream().filter(k -> k.kind() == NodeKind.NAMESPACE && k.subKind() == SubKind.Namespace.HOST)
                    .findFirst().orElse(null);
            List<TopoNode> boxes = new ArrayList<>();
            List<TopoNode> shelf = new ArrayList<>();
            for (TopoNode k : kids) {
                if (k == hostNs) {
                    continue;
                }
                (k.kind() == NodeKind.NAMESPACE ? boxes : shelf).add(k);
            }
            // Size every namespace box first (local coordinates), then order them by what they hang from.
            Map<String, Map<String, Rect>> inner = new HashMap<>();
            Map<String, Rect> boxSize = new HashMap<>();
            for (TopoNode b : boxes) {
                Map<String, Rect> local = new LinkedHashMap<>();
                boxSize.put(b.id(), namespaceBox(b, local));
                inner.put(b.id(), local);
            }
            Map<String, Integer> bridgeOrder = new HashMap<>();
            if (hostNs != null) {
                for (TopoNode k : drawnChildren(hostNs.id())) {
                    if (k.kind() == NodeKind.BRIDGE) {
                        bridgeOrder.put(k.id(), bridgeOrder.size());
                    }
                }
            }
            Map<String, Integer> systemOrder = new HashMap<>();
            for (TopoNode b : boxes) {
                if (b.subKind() != SubKind.Namespace.CONTAINER) {
                    systemOrder.put(b.id(), systemOrder.size());
                }
            }
            Map<String, double[]> key = new HashMap<>();
            for (TopoNode b : boxes) {
                key.put(b.id(), groupKey(b, hostNs, bridgeOrder, systemOrder));
            }
            boxes.sort(Comparator.<TopoNode>comparingDouble(b -> key.get(b.id())[0])
                    .thenComparingDouble(b -> key.get(b.id())[1]).thenComparing(TopoNode::label));

            // Rows of namespace boxes, wrapped at the total width divided by the row count.
            double total = boxes.stream().mapToDouble(b -> boxSize.get(b.id()).w() + GAP).sum();
            double widest = boxes.stream().mapToDouble(b -> boxSize.get(b.id()).w()).max().orElse(0);
            double wrap = Math.max(widest, total / rows);
            Map<String, Rect> boxAt = new LinkedHashMap<>(); // host-local, relative to the content origin
            double cx = 0;
            double cy = 0;
            double rowH = 0;
            for (TopoNode b : boxes) {
                Rect s = boxSize.get(b.id());
                if (cx > 0 && cx + s.w() > wrap + 1e-6) {
                    cx = 0;
                    cy += rowH + ROW_GAP;
                    rowH = 0;
                }
                boxAt.put(b.id(), s.at(cx, cy));
                cx += s.w() + GAP;
                rowH = Math.max(rowH, s.h());
            }
            double boxesH = boxes.isEmpty() ? 0 : cy + rowH;
            double boxesW = boxAt.values().stream().mapToDouble(Rect::maxX).max().orElse(0);

            // The host namespace: three rows, each ordered by what it links to below.
            Map<String, Rect> nsLocal = new LinkedHashMap<>();
            Rect nsRect = hostNs == null ? null : hostNamespace(hostNs, boxAt, inner, nsLocal, boxesW);
            double contentW = Math.max(boxesW, nsRect == null ? 0 : nsRect.w());
            if (nsRect != null) {
                nsRect = new Rect(0, 0, contentW, nsRect.h());
            }
            double top = nsRect == null ? 0 : nsRect.h() + ROW_GAP * 1.6;

            // The shelf.
            double sx = 0;
            double sy = top + boxesH + (boxes.isEmpty() ? 0 : ROW_GAP);
            double shelfH = 0;
            Map<String, Rect> shelfAt = new LinkedHashMap<>();
            for (TopoNode s : shelf) {
                Rect r = leafSize(s);
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
            double contentH = shelf.isEmpty() ? top + boxesH : sy + shelfH;

            // Translate everything to world coordinates.
            double ox = x0 + PAD;
            double oy = HOST_TITLE;
            Rect hostRect = new Rect(x0, 0, contentW + 2 * PAD, oy + contentH + PAD);
            place(host, hostRect);
            if (nsRect != null) {
                place(hostNs, nsRect.moved(ox, oy));
                nsLocal.forEach((id, r) -> place(g.node(id).orElseThrow(), r.moved(ox, oy)));
            }
            for (TopoNode b : boxes) {
                Rect at = boxAt.get(b.id());
                place(b, at.moved(ox, oy + top));
                inner.get(b.id()).forEach((id, r) -> place(g.node(id).orElseThrow(), r.moved(ox + at.x(), oy + top + at.y())));
            }
            shelfAt.forEach((id, r) -> place(g.node(id).orElseThrow(), r.moved(ox, oy)));
            return hostRect;
        }

        /** [group, order within group]: bridges first (in bridge order), then each overlay with its members. */
        private double[] groupKey(TopoNode box, TopoNode hostNs, Map<String, Integer> bridgeOrder,
                                  Map<String, Integer> systemOrder) {
            double best = Double.MAX_VALUE;
            if (systemOrder.containsKey(box.id()) && box.subKind() == SubKind.Namespace.OVERLAY) {
                return new double[] {1000 + systemOrder.get(box.id()), 0};
            }
            for (String childId : g.children(box.id())) {
                for (TopoLink l : g.linksOf(childId)) {
                    String other = l.source().equals(childId) ? l.target() : l.source();
                    TopoNode o = g.node(other).orElse(null);
                    if (o == null || (l.kind() != LinkKind.VETH && l.kind() != LinkKind.PARENT)) {
                        continue;
                    }
                    if (hostNs != null && hostNs.id().equals(o.parent())) {
                        double grp = -1;
                        for (TopoLink ol : g.linksOf(o.id())) {
                            if (ol.kind() == LinkKind.BRIDGE_PORT && ol.source().equals(o.id())) {
                                grp = bridgeOrder.getOrDefault(ol.target(), 500);
                            }
                        }
                        best = Math.min(best, grp);
                    } else if (o.parent() != null && systemOrder.containsKey(o.parent())) {
                        best = Math.min(best, 1000 + systemOrder.get(o.parent()));
                    }
                }
            }
            return new double[] {best == Double.MAX_VALUE ? 5000 : best, systemOrder.containsKey(box.id()) ? 0 : 1};
        }

        /** A namespace box's size; its children are put in {@code local} relative to the box's corner. */
        private Rect namespaceBox(TopoNode box, Map<String, Rect> local) {
            List<TopoNode> bridges = new ArrayList<>();
            List<TopoNode> ifaces = new ArrayList<>();
            List<TopoNode> ctrs = new ArrayList<>();
            for (TopoNode k : drawnChildren(box.id())) {
                (k.kind() == NodeKind.CONTAINER ? ctrs : k.kind() == NodeKind.BRIDGE ? bridges : ifaces).add(k);
            }
            // The stack read downward: a bridge, the interfaces facing the host their veths come from,
            // then the containers. Loopback last: it matters least to the lesson.
            ifaces.sort(Comparator.comparing((TopoNode k) -> k.subKind() == SubKind.Device.LOOPBACK).thenComparing(TopoNode::label));
            ctrs.sort(Comparator.comparing(TopoNode::label));
            List<List<TopoNode>> rowsTopDown = List.of(bridges, ifaces, ctrs);
            String title = box.caption() == null ? box.label() : box.label() + "  ·  " + box.caption();
            double titleW = metrics.width(title, LabelMetrics.Style.LABEL) * 0.9 + 2 * PAD;
            double w = titleW;
            for (List<TopoNode> row : rowsTopDown) {
                w = Math.max(w, rowWidth(row) + 2 * PAD);
            }
            double y = NS_TITLE;
            for (List<TopoNode> row : rowsTopDown) {
                if (row.isEmpty()) {
                    continue;
                }
                double x = (w - rowWidth(row)) / 2;
                double h = 0;
                for (TopoNode k : row) {
                    Rect r = leafSize(k).at(x, y);
                    local.put(k.id(), r);
                    x = r.maxX() + GAP;
                    h = Math.max(h, r.h());
                }
                y += h + GAP;
            }
            return new Rect(0, 0, w, Math.max(y - GAP + PAD, NS_TITLE + PAD));
        }

        private double rowWidth(List<TopoNode> row) {
            return row.stream().mapToDouble(k -> leafSize(k).w()).sum() + Math.max(0, row.size() - 1) * GAP;
        }

        /**
         * The host namespace band. Rows bottom-up: veth ends and ports above what they link to, bridges
         * above the mean of their ports, devices above what hangs from them.
         */
        private Rect hostNamespace(TopoNode ns, Map<String, Rect> boxAt, Map<String, Map<String, Rect>> inner,
                                   Map<String, Rect> local, double minW) {
            Map<String, Double> below = new HashMap<>(); // x centres of vertices in the namespace boxes
            boxAt.forEach((boxId, at) -> inner.get(boxId).forEach((id, r) -> below.put(id, at.x() + r.centerX())));
            List<TopoNode> devices = new ArrayList<>();
            List<TopoNode> bridges = new ArrayList<>();
            List<TopoNode> ends = new ArrayList<>();
            for (TopoNode k : drawnChildren(ns.id())) {
                if (k.kind() == NodeKind.BRIDGE) {
                    bridges.add(k);
                } else if (k.kind() == NodeKind.PORT || hasMaster(k) || peersBelow(k, below)) {
                    ends.add(k);
                } else {
                    devices.add(k);
                }
            }
            Map<String, Double> placed = new HashMap<>(below);
            double y = NS_TITLE;
            double[] ys = new double[3];
            List<List<TopoNode>> rowsTopDown = List.of(devices, bridges, ends);
            double[] heights = new double[3];
            for (int i = 0; i < 3; i++) {
                heights[i] = rowsTopDown.get(i).stream().mapToDouble(k -> leafSize(k).h()).max().orElse(0);
            }
            for (int i = 0; i < 3; i++) {
                ys[i] = y;
                if (heights[i] > 0) {
                    y += heights[i] + ROW_GAP * 0.9;
                }
            }
            double right = 0;
            for (int i = 2; i >= 0; i--) {
                right = Math.max(right, packRow(rowsTopDown.get(i), ys[i], placed, local, i == 0));
            }
            double w = Math.max(minW, right + PAD);
            return new Rect(0, 0, w, y - ROW_GAP * 0.9 + PAD);
        }

        /** Packs a row left to right near each vertex's wished-for centre; returns its right edge. */
        private double packRow(List<TopoNode> row, double y, Map<String, Double> placed, Map<String, Rect> local,
                               boolean unlinkedFirst) {
            Map<String, Double> wish = new HashMap<>();
            for (TopoNode k : row) {
                OptionalDouble m = g.linksOf(k.id()).stream()
                        .filter(l -> l.kind() != LinkKind.NETWORK_DEVICE && l.kind() != LinkKind.TUNNEL)
                        .map(l -> l.source().equals(k.id()) ? l.target() : l.source())
                        .filter(placed::containsKey).mapToDouble(placed::get).average();
                if (m.isPresent()) {
                    wish.put(k.id(), m.getAsDouble());
                }
            }
            double far = unlinkedFirst ? -1e9 : 1e9;
            List<TopoNode> sorted = new ArrayList<>(row);
            sorted.sort(Comparator.comparingDouble(k -> wish.getOrDefault(k.id(), far)));
            double cursor = PAD;
            for (TopoNode k : sorted) {
                Rect size = leafSize(k);
                double want = wish.containsKey(k.id()) ? wish.get(k.id()) - size.w() / 2 : cursor;
                Rect r = size.at(Math.max(cursor, want), y);
                local.put(k.id(), r);
                placed.put(k.id(), r.centerX());
                cursor = r.maxX() + GAP;
            }
            return cursor - GAP;
        }

        private boolean hasMaster(TopoNode k) {
            return g.linksOf(k.id()).stream().anyMatch(l -> l.kind() == LinkKind.BRIDGE_PORT && l.source().equals(k.id()));
        }

        private boolean peersBelow(TopoNode k, Map<String, Double> below) {
            return g.linksOf(k.id()).stream().anyMatch(l -> l.kind() == LinkKind.VETH
                    && below.containsKey(l.source().equals(k.id()) ? l.target() : l.source()));
        }
    }
}
