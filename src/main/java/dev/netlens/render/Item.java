package dev.netlens.render;

import dev.netlens.layout.Rect;
import java.util.List;


/** One drawing primitive, in picture coordinates (before the export scale). */
public sealed interface Item permits Item.Shape, Item.Curve, Item.Text {
    /** What the primitive stands for: a node or link id, or a role such as "legend" or "title". */
    String ref();

    /** A rectangle holding everything the primitive paints (generous for text), for culling. */
    Rect bounds();

    /** A filled, outlined shape: a box, an interface, a container, a legend swatch. */
    record Shape(String ref, Outline outline, Rect r, double radius, int fill, StrokeSpec stroke) implements Item {
        @Override
        public Rect bounds() {
            double s = stroke.width();
            return new Rect(r.x() - s, r.y() - s, r.w() + 2 * s, r.h() + 2 * s);
        }
    }

    /**
     * A line through points; with {@code cubic}, four points make one cubic Bézier curve.
     */
    record Curve(String ref, String kind, List<double[]> points, boolean cubic, StrokeSpec stroke) implements Item {
        public Curve {
            points = List.copyOf(points);
        }

        @Override
        public Rect bounds() {
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (double[] p : points) {
                minX = Math.min(minX, p[0]);
                minY = Math.min(minY, p[1]);
                maxX = Math.max(maxX, p[0]);
                maxY = Math.max(maxY, p[1]);
            }
            double s = stroke.width();
            return new Rect(minX - s, minY - s, maxX - minX + 2 * s, maxY - minY + 2 * s);
        }
    }

    /** A line of text; x is its left edge, or its centre when {@code centred}; y is its baseline. */
    record Text(String ref, String text, double x, double y, double size, boolean bold, int argb, boolean centred,
                double maxWidth) implements Item {
        @Override
        public Rect bounds() {
            double w = maxWidth > 0 ? maxWidth : text.length() * size;
            double left = centred ? x - w / 2 : x;
            return new Rect(left - size, y - 1.5 * size, w + 2 * size, 2.5 * size);
        }
    }
}
