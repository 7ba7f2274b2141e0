package dev.netlens.layout;

import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * Keeps the picture still across refreshes. Every vertex that was already placed in the same box
 * keeps its rectangle; a new vertex (with everything inside it) is put in the free spot of its box
 * nearest to where a fresh layout would put it; a box that has no room grows downward. Removed
 * vertices leave their space empty rather than closing it up, so nothing the class is looking at
 * moves. Only when growing a box would run into a neighbour does it fall back to a fresh layout.
 */
public final class StableLayout implements LayoutEngine {
    private static final boolean DEBUG = Boolean.getBoolean("netlens.layout.debug");
    private final StackLayout fresh;
    /** The parameters of the last fresh layout chosen in full; null before the first. */
    private volatile StackLayout.Choice lastChoice;

    public StableLayout() {
        this(new StackLayout());
    }

    public StableLayout(StackLayout fresh) {
        this.fresh = fresh;
    }

    @Override
    public Layout layout(TopologyGraph graph, Layout previous, BooleanSupplier cancelled) {
        if (previous == null || previous.rects().isEmpty()) {
            return chooseFresh(graph, cancelled);
        }
        // The fresh layout only says how big a new vertex is and where it would like to be: the one
        // candidate chosen last time gives that without scoring every candidate again.
        StackLayout.Choice choice = lastChoice;
        boolean best = choice == null;
        Layout full = best ? chooseFresh(graph, cancelled) : fresh.layoutWith(graph, choice, cancelled);
        try {
            return new Merge(graph, previous, full).run();
        } catch (NoRoom e) {
            if (DEBUG) {
                System.err.println("stable layout: no room for a new vertex, laid out afresh");
            }
            return best ? full : chooseFresh(graph, cancelled);
        }
    }

    private Layout chooseFresh(TopologyGraph graph, BooleanSupplier cancelled) {
        StackLayout.Chosen chosen = fresh.choose(graph, cancelled);
        lastChoice = chosen.choice();
        return chosen.layout();
    }

    /** Growing a box would overlap a neighbour: the stable placement is impossible. */
    private static final class NoRoom extends RuntimeException {
        NoRoom() {
            super(null, null, false, false);
        }
    }

    private static final class Merge {
        private final TopologyGraph g;
        private final Layout prev;
        private final Layout full;
        private final Map<String, Rect> out = new LinkedHashMap<>();
        private final Map<String, String> parents = new LinkedHashMap<>();
        private final Set<String> fromFull = new HashSet<>();

        Merge(TopologyGraph g, Layout prev, Layout full) {
            this.g = g;
            this.prev = prev;
            this.full = full;
        }

        Layout run() {
            List<TopoNode> drawn = new ArrayList<>();
            for (TopoNode n : g.nodes()) {
                if (full.rects().containsKey(n.id())) {
                    drawn.add(n);
                }
            }
            Map<String, Integer> depth = new java.util.HashMap<>();
            for (TopoNode n : drawn) {
                depth.put(n.id(), g.ancestors(n.id()).size());
            }
            drawn.sort(Comparator.comparingInt(n -> depth.get(n.id())));
            // Level by level, and in each level the vertices that stay first: a new vertex looks for a
            // free spot among all of its siblings, not only those that happen to come before it.
            for (int from = 0; from < drawn.size(); ) {
                int level = depth.get(drawn.get(from).id());
                int to = from;
                while (to < drawn.size() && depth.get(drawn.get(to).id()) == level) {
                    to++;
                }
                List<TopoNode> moving = new ArrayList<>();
                for (TopoNode n : drawn.subList(from, to)) {
                    Rect old = prev.rects().get(n.id());
                    boolean stayed = old != null && prev.parents().containsKey(n.id())
                            && Objects.equals(prev.parents().get(n.id()), n.parent())
                            && (n.parent() == null || out.containsKey(n.parent()) && !fromFull.contains(n.parent()));
                    if (stayed) {
                        put(n, old);
                    } else {
                        moving.add(n);
                    }
                }
                for (TopoNode n : moving) {
                    if (n.parent() != null && fromFull.contains(n.parent())) {
                        // Inside a box that was just placed: keep its place relative to that box.
                        Rect pf = full.rects().get(n.parent());
                        Rect po = out.get(n.parent());
                        put(n, full.rects().get(n.id()).moved(po.x() - pf.x(), po.y() - pf.y()));
                        fromFull.add(n.id());
                    } else {
                        put(n, findSpot(n));
                        fromFull.add(n.id());
                    }
                }
                from = to;
            }
            return new Layout(out, parents);
        }

        private void put(TopoNode n, Rect r) {
            out.put(n.id(), r);
            parents.put(n.id(), n.parent());
        }

        private List<Rect> siblings(String parent, String self) {
            List<Rect> s = new ArrayList<>();
            if (parent == null) {
                for (TopoNode n : g.nodes()) {
                    if (n.parent() == null && out.containsKey(n.id()) && !n.id().equals(self)) {
                        s.add(out.get(n.id()));
                    }
                }
            } else {
                for (String id : g.children(parent)) {
                    if (out.containsKey(id) && !id.equals(self)) {
                        s.add(out.get(id));
                    }
                }
            }
            return s;
        }

        private Rect findSpot(TopoNode n) {
            Rect size = full.rects().get(n.id());
            if (n.parent() == null || !out.containsKey(n.parent())) {
                double right = out.values().stream().mapToDouble(Rect::maxX).max().orElse(0);
                return size.at(right + StackLayout.HOST_GAP, 0);
            }
            Rect box = out.get(n.parent());
            TopoNode parent = g.node(n.parent()).orElseThrow();
            double title = parent.kind() == dev.netlens.graph.NodeKind.HOST ? StackLayout.HOST_TITLE : StackLayout.NS_TITLE;
            Rect inside = new Rect(box.x() + StackLayout.PAD, box.y() + title,
                    box.w() - 2 * StackLayout.PAD, box.h() - title - StackLayout.PAD);
            Rect pf = full.rects().get(n.parent());
            double wantX = box.x() + (size.x() - pf.x());
            double wantY = box.y() + (size.y() - pf.y());
            List<Rect> sibs = siblings(n.parent(), n.id());
            TreeSet<Double> xs = new TreeSet<>(List.of(inside.x(), wantX));
            TreeSet<Double> ys = new TreeSet<>(List.of(inside.y(), wantY));
            for (Rect s : sibs) {
                xs.add(s.maxX() + StackLayout.GAP);
                xs.add(s.x());
                ys.add(s.maxY() + StackLayout.GAP);
                ys.add(s.y());
            }
            Rect best = null;
            double bestD = Double.MAX_VALUE;
            Grid grid = new Grid(sibs);
            for (double x : xs) {
                for (double y : ys) {
                    double d0 = Math.hypot(x - wantX, (y - wantY) * 2);
                    if (d0 >= bestD) {
                        continue; // cannot beat the best spot so far
                    }
                    Rect c = size.at(x, y);
                    if (!inside.contains(c) || grid.overlaps(c, StackLayout.GAP - 1)) {
                        continue;
                    }
                    double d = Math.hypot(x - wantX, (y - wantY) * 2); // prefer staying in the same row
                    if (d < bestD) {
                        bestD = d;
                        best = c;
                    }
                }
            }
            if (best != null) {
                return best;
            }
            // No room: a new row at the bottom of the box, and the box grows to hold it.
            double bottom = sibs.stream().mapToDouble(Rect::maxY).max().orElse(inside.y() - StackLayout.GAP);
            double x = Math.max(inside.x(), Math.min(wantX, inside.maxX() - size.w()));
            Rect placed = size.at(x, bottom + StackLayout.GAP);
            grow(n.parent(), placed);
            return placed;
        }

        /** Sibling rectangles bucketed by area, so that a candidate spot is checked only against its neighbours. */
        private static final class Grid {
            private static final double CELL = 256;
            private final Map<Long, List<Rect>> cells = new java.util.HashMap<>();

            Grid(List<Rect> rects) {
                for (Rect r : rects) {
                    forCells(r, 0, key -> cells.computeIfAbsent(key, k -> new ArrayList<>()).add(r));
                }
            }

            boolean overlaps(Rect c, double gap) {
                boolean[] hit = {false};
                forCells(c, gap, key -> {
                    if (!hit[0]) {
                        for (Rect s : cells.getOrDefault(key, List.of())) {
                            if (s.overlaps(c, gap)) {
                                hit[0] = true;
                                return;
                            }
                        }
                    }
                });
                return hit[0];
            }

            private static void forCells(Rect r, double margin, java.util.function.LongConsumer action) {
                long x0 = (long) Math.floor((r.x() - margin) / CELL);
                long x1 = (long) Math.floor((r.maxX() + margin) / CELL);
                long y0 = (long) Math.floor((r.y() - margin) / CELL);
                long y1 = (long) Math.floor((r.maxY() + margin) / CELL);
                for (long cx = x0; cx <= x1; cx++) {
                    for (long cy = y0; cy <= y1; cy++) {
                        action.accept(cx * 1_000_003L + cy);
                    }
                }
            }
        }

        /** Grows a box (and its ancestors) to hold {@code r}, unless that would hit a neighbour. */
        private void grow(String boxId, Rect r) {
            Rect box = out.get(boxId);
            Rect grown = box.union(new Rect(r.x(), r.y(), r.w() + StackLayout.PAD, r.h() + StackLayout.PAD));
            if (grown.equals(box)) {
                return;
            }
            TopoNode node = g.node(boxId).orElseThrow();
            for (Rect s : siblings(node.parent(), boxId)) {
                if (s.overlaps(grown, 0)) {
                    throw new NoRoom();
                }
            }
            out.put(boxId, grown);
            if (node.parent() != null && out.containsKey(node.parent())) {
                grow(node.parent(), grown);
            }
        }
    }
}
