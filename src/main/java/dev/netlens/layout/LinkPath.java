package dev.netlens.layout;

import dev.netlens.graph.LinkKind;
import java.util.List;

/**
 * The one geometry of a drawn link, read by the canvas, the pictures and {@link LayoutQuality}, so
 * that a picture and the window cannot drift apart. A path is a function of the link's kind and its
 * two rectangles only (no stored bend points), so saved and stable layouts get the same lines.
 *
 * <ul>
 *   <li>A tunnel arcs {@link #TUNNEL_RISE} above the hosts it joins.</li>
 *   <li>A leg down to a namespace (veth, macvlan parent, published port) whose lower end lies below
 *       and to the right of its upper end's left edge runs in the gutter beside the cards: out of the
 *       upper end's left side, down a track {@link #TRACK} px to its left, and into the lower end's
 *       left side. The layout puts the ends so that these tracks never cross.</li>
 *   <li>A bridge port under its bridge leaves the port's right side and rises {@link #TRACK} px to its
 *       right into the bridge's bottom edge; a shape right under its bridge (a collapsed group or
 *       network) goes straight up.</li>
 *   <li>A container to an interface further below it than the next row (a second leg) leaves the
 *       container's right side and runs down beside the card's content into the interface's right.</li>
 *   <li>Everything else is the straight segment between the two borders.</li>
 * </ul>
 */
public final class LinkPath {
    /** How far a tunnel arcs above the hosts it joins. */
    public static final double TUNNEL_RISE = 120;
    /** How far a routed line's track runs beside the shape it leaves. */
    public static final double TRACK = 4;

    private LinkPath() {
    }

    /** The polyline of a link from {@code a} (its source's rectangle) to {@code b} (its target's). */
    public static List<double[]> of(LinkKind kind, Rect a, Rect b) {
        if (kind == LinkKind.TUNNEL) {
            double top = Math.min(a.y(), b.y()) - TUNNEL_RISE;
            return List.of(new double[] {a.centerX(), a.y()}, new double[] {a.centerX(), top},
                    new double[] {b.centerX(), top}, new double[] {b.centerX(), b.y()});
        }
        if (kind == LinkKind.VETH || kind == LinkKind.PARENT || kind == LinkKind.PUBLISHED) {
            List<double[]> down = gutter(a, b);
            if (down == null) {
                down = reversed(gutter(b, a));
            }
            if (down != null) {
                return down;
            }
        }
        if (kind == LinkKind.ENDPOINT && b.y() > a.maxY() + 3 * TRACK && b.x() < a.maxX() && b.maxX() > a.x()) {
            // A container to a leg below another leg: down the card's right side, into the leg's right.
            double side = Math.max(a.maxX(), b.maxX()) + 2 * TRACK;
            return List.of(new double[] {a.maxX(), a.centerY()}, new double[] {side, a.centerY()},
                    new double[] {side, b.centerY()}, new double[] {b.maxX(), b.centerY()});
        }
        if (kind == LinkKind.BRIDGE_PORT) {
            List<double[]> up = rise(a, b);
            if (up != null) {
                return up;
            }
            if (b.maxY() <= a.y() && a.x() < b.maxX() - 16 && a.maxX() > b.x() + 16) {
                // Right under its bridge (a collapsed group or network): straight up.
                double x = Math.max(Math.max(a.x(), b.x()) + 8, Math.min(Math.min(a.maxX(), b.maxX()) - 8, b.centerX()));
                return List.of(new double[] {x, a.y()}, new double[] {x, b.maxY()});
            }
        }
        return List.of(border(a, b.centerX(), b.centerY()), border(b, a.centerX(), a.centerY()));
    }

    /** Upper end out of its left side, down the track, into the lower end's left side; or null. */
    private static List<double[]> gutter(Rect upper, Rect lower) {
        double track = upper.x() - TRACK;
        if (lower.y() < upper.maxY() + TRACK || lower.x() <= track + 1 || lower.centerY() <= upper.maxY()) {
            return null;
        }
        return List.of(new double[] {upper.x(), upper.centerY()}, new double[] {track, upper.centerY()},
                new double[] {track, lower.centerY()}, new double[] {lower.x(), lower.centerY()});
    }

    /** A port out of its right side and up into the bridge above it; or null when it is not under it. */
    private static List<double[]> rise(Rect port, Rect bridge) {
        double track = port.maxX() + TRACK;
        if (bridge.maxY() > port.y() || track < bridge.x() + 1 || track > bridge.maxX() - 1) {
            return null;
        }
        return List.of(new double[] {port.maxX(), port.centerY()}, new double[] {track, port.centerY()},
                new double[] {track, bridge.maxY()});
    }

    private static List<double[]> reversed(List<double[]> path) {
        if (path == null) {
            return null;
        }
        List<double[]> out = new java.util.ArrayList<>(path);
        java.util.Collections.reverse(out);
        return List.copyOf(out);
    }

    /** The smallest rectangle holding a path's points. */
    public static Rect bounds(List<double[]> path) {
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (double[] p : path) {
            x0 = Math.min(x0, p[0]);
            y0 = Math.min(y0, p[1]);
            x1 = Math.max(x1, p[0]);
            y1 = Math.max(y1, p[1]);
        }
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }

    /** Where a label along the path sits: the middle of its longest segment (an arc: near its top). */
    public static double[] labelAt(LinkKind kind, List<double[]> path) {
        if (kind == LinkKind.TUNNEL) {
            double[] a = path.get(0);
            double[] b = path.get(path.size() - 1);
            double top = path.get(1)[1];
            return new double[] {(a[0] + b[0]) / 2, 0.25 * (a[1] + b[1]) / 2 + 0.75 * top};
        }
        double best = -1;
        double[] at = path.get(0);
        for (int i = 1; i < path.size(); i++) {
            double[] p = path.get(i - 1);
            double[] q = path.get(i);
            double len = Math.hypot(q[0] - p[0], q[1] - p[1]);
            if (len > best) {
                best = len;
                at = new double[] {(p[0] + q[0]) / 2, (p[1] + q[1]) / 2};
            }
        }
        return at;
    }

    /** Where the segment from r's centre toward (tx, ty) leaves r. */
    public static double[] border(Rect r, double tx, double ty) {
        double ddx = tx - r.centerX();
        double ddy = ty - r.centerY();
        if (ddx == 0 && ddy == 0) {
            return new double[] {r.centerX(), r.centerY()};
        }
        double sx = ddx == 0 ? Double.MAX_VALUE : (r.w() / 2) / Math.abs(ddx);
        double sy = ddy == 0 ? Double.MAX_VALUE : (r.h() / 2) / Math.abs(ddy);
        double s = Math.min(sx, sy);
        return new double[] {r.centerX() + ddx * s, r.centerY() + ddy * s};
    }
}
