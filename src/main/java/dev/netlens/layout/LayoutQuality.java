package dev.netlens.layout;

import dev.netlens.graph.LinkKind;
import dev.netlens.graph.TopoLink;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How readable a layout is, measured on the lines the canvas draws: every link between two placed
 * vertices is the polyline {@link LinkPath} gives (tunnels, drawn as arcs over the hosts, are left
 * out); the segments of one link never count against each other.
 *
 * <ul>
 *   <li>{@link #crossings}: pairs of segments that cross, not counting pairs sharing an end;</li>
 *   <li>{@link #passThroughs}: a segment running through a shape that is neither of its ends nor a
 *       box holding one of them (a line that seems to join something it does not);</li>
 *   <li>{@link #fitZoom}: the zoom that fit-to-window gives on the canvas of a 1920x1080 window.</li>
 * </ul>
 * Uses a uniform grid, so a few thousand links are measured in well under a second.
 */
public final class LayoutQuality {
    /** The canvas beside the side panel in a 1920x1080 window, as measured in the real window. */
    public static final double CANVAS_W = 1580;
    public static final double CANVAS_H = 1004;
    private static final double FIT_MARGIN = 24;

    /**
     * What a layout is chosen to fill: the window's canvas, or a picture's page.
     *
     * @param margin room kept around the drawing on each side
     * @param tunnelShare how much of a tunnel arc's rise above the hosts counts (the window's fit
     *     lets the arc's top reach the margin; a picture draws it whole)
     * @param capAtOne whether a drawing that already fits at 1x gains nothing from being smaller, and one
     *     that does not fit loses half its score (a picture is read at 1x; a window zooms)
     */
    public record Viewport(double width, double height, double margin, double tunnelShare, boolean capAtOne) {
        /** The canvas beside the side panel in a 1920x1080 window. */
        public static final Viewport WINDOW = new Viewport(CANVAS_W, CANVAS_H, FIT_MARGIN, 0.8, false);
        /** A 1x picture for a 1440p screen, every name legible without zooming (issue 12's goal). */
        public static final Viewport PICTURE = new Viewport(2560, 1440, 24, 1, true); // margin: DrawingBuilder.MARGIN
    }

    private LayoutQuality() {
    }

    /** A drawn line: a link's id and the segment between its ends' borders. */
    public record Segment(String link, String a, String b, double x1, double y1, double x2, double y2) {
        double minX() {
            return Math.min(x1, x2);
        }

        double maxX() {
            return Math.max(x1, x2);
        }

        double minY() {
            return Math.min(y1, y2);
        }

        double maxY() {
            return Math.max(y1, y2);
        }
    }

    /** The straight segments the canvas draws for this layout. */
    public static List<Segment> segments(TopologyGraph g, Layout layout) {
        List<Segment> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TopoLink l : g.links()) {
            if (l.kind() == LinkKind.TUNNEL) {
                continue;
            }
            Rect a = layout.rects().get(l.source());
            Rect b = layout.rects().get(l.target());
            if (a == null || b == null || !seen.add(l.id())) {
                continue;
            }
            List<double[]> path = LinkPath.of(l.kind(), a, b);
            for (int i = 1; i < path.size(); i++) {
                double[] s = path.get(i - 1);
                double[] t = path.get(i);
                out.add(new Segment(l.id(), l.source(), l.target(), s[0], s[1], t[0], t[1]));
            }
        }
        return out;
    }

    /** Pairs of drawn segments that cross (segments sharing an end vertex never count). */
    public static int crossings(TopologyGraph g, Layout layout) {
        List<Segment> segs = segments(g, layout);
        Grid<Segment> grid = new Grid<>(segs, s -> new double[] {s.minX(), s.minY(), s.maxX(), s.maxY()});
        int count = 0;
        for (int i = 0; i < segs.size(); i++) {
            Segment s = segs.get(i);
            for (int j : grid.near(s.minX(), s.minY(), s.maxX(), s.maxY())) {
                if (j <= i) {
                    continue;
                }
                Segment t = segs.get(j);
                if (s.link().equals(t.link()) || s.a().equals(t.a()) || s.a().equals(t.b()) || s.b().equals(t.a()) || s.b().equals(t.b())) {
                    continue;
                }
                if (cross(s, t)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Segments running through a shape or box that is not one of their ends or the ends' boxes. */
    public static int passThroughs(TopologyGraph g, Layout layout) {
        List<Segment> segs = segments(g, layout);
        List<String> ids = new ArrayList<>(layout.rects().keySet());
        List<Rect> rects = new ArrayList<>();
        for (String id : ids) {
            rects.add(layout.rects().get(id));
        }
        Grid<Rect> grid = new Grid<>(rects, r -> new double[] {r.x(), r.y(), r.maxX(), r.maxY()});
        int count = 0;
        for (Segment s : segs) {
            Set<String> exempt = new HashSet<>();
            exempt.add(s.a());
            exempt.add(s.b());
            exempt.addAll(g.ancestors(s.a()));
            exempt.addAll(g.ancestors(s.b()));
            for (int j : grid.near(s.minX(), s.minY(), s.maxX(), s.maxY())) {
                if (exempt.contains(ids.get(j))) {
                    continue;
                }
                if (through(s, rects.get(j), 2)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** The zoom fit-to-window gives: everything, tunnel arcs included, on the 1920x1080 canvas. */
    public static double fitZoom(TopologyGraph g, Layout layout) {
        return fitZoom(g, layout, Viewport.WINDOW);
    }

    public static double fitZoom(TopologyGraph g, Layout layout, Viewport v) {
        boolean tunnels = g.links().stream().anyMatch(l -> l.kind() == LinkKind.TUNNEL
                && layout.rects().containsKey(l.source()) && layout.rects().containsKey(l.target()));
        return fitZoom(layout.bounds(), tunnels, v);
    }

    /** The zoom fit-to-window gives on the 1920x1080 canvas for everything inside {@code b}. */
    public static double fitZoom(Rect b, boolean tunnels) {
        return fitZoom(b, tunnels, Viewport.WINDOW);
    }

    /** The zoom at which everything inside {@code b} fits {@code v} (at most 1 when {@code v} caps it). */
    public static double fitZoom(Rect b, boolean tunnels, Viewport v) {
        double h = b.h() + (tunnels ? LinkPath.TUNNEL_RISE * v.tunnelShare() : 0);
        double zoom = Math.min((v.width() - 2 * v.margin()) / Math.max(1, b.w()), (v.height() - 2 * v.margin()) / Math.max(1, h));
        // A page is met or not: any drawing that fits at 1x beats every one that must be scaled down.
        return v.capAtOne() ? (zoom >= 1 ? 1 : zoom / 2) : zoom;
    }

    /** One line summary, for reports. */
    public static String summary(TopologyGraph g, Layout layout) {
        Rect b = layout.bounds();
        return String.format("%.0fx%.0f, fit zoom %.3f, %d crossings, %d pass-throughs",
                b.w(), b.h(), fitZoom(g, layout), crossings(g, layout), passThroughs(g, layout));
    }

    private static boolean cross(Segment s, Segment t) {
        double d1 = orient(t.x1(), t.y1(), t.x2(), t.y2(), s.x1(), s.y1());
        double d2 = orient(t.x1(), t.y1(), t.x2(), t.y2(), s.x2(), s.y2());
        double d3 = orient(s.x1(), s.y1(), s.x2(), s.y2(), t.x1(), t.y1());
        double d4 = orient(s.x1(), s.y1(), s.x2(), s.y2(), t.x2(), t.y2());
        return d1 * d2 < 0 && d3 * d4 < 0;
    }

    private static double orient(double ax, double ay, double bx, double by, double cx, double cy) {
        double v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
        return Math.abs(v) < 1e-9 ? 0 : v;
    }

    /** Whether the segment enters the rectangle shrunk by {@code inset} (Liang-Barsky clipping). */
    static boolean through(Segment s, Rect r, double inset) {
        double x0 = r.x() + inset;
        double y0 = r.y() + inset;
        double x1 = r.maxX() - inset;
        double y1 = r.maxY() - inset;
        if (x1 <= x0 || y1 <= y0) {
            return false;
        }
        double dx = s.x2() - s.x1();
        double dy = s.y2() - s.y1();
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {s.x1() - x0, x1 - s.x1(), s.y1() - y0, y1 - s.y1()};
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return false;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    lo = Math.max(lo, t);
                } else {
                    hi = Math.min(hi, t);
                }
            }
        }
        return hi - lo > 1e-6;
    }

    /** A uniform grid over bounding boxes, to find candidates near a query box. */
    private static final class Grid<T> {
        private static final double CELL = 200;
        private final Map<Long, List<Integer>> cells = new java.util.HashMap<>();

        Grid(List<T> items, java.util.function.Function<T, double[]> box) {
            for (int i = 0; i < items.size(); i++) {
                double[] b = box.apply(items.get(i));
                for (long cx = cell(b[0]); cx <= cell(b[2]); cx++) {
                    for (long cy = cell(b[1]); cy <= cell(b[3]); cy++) {
                        cells.computeIfAbsent(cx * 1_000_003L + cy, k -> new ArrayList<>()).add(i);
                    }
                }
            }
        }

        private static long cell(double v) {
            return (long) Math.floor(v / CELL);
        }

        Set<Integer> near(double minX, double minY, double maxX, double maxY) {
            Set<Integer> out = new java.util.TreeSet<>();
            for (long cx = cell(minX); cx <= cell(maxX); cx++) {
                for (long cy = cell(minY); cy <= cell(maxY); cy++) {
                    List<Integer> c = cells.get(cx * 1_000_003L + cy);
                    if (c != null) {
                        out.addAll(c);
                    }
                }
            }
            return out;
        }
    }
}
