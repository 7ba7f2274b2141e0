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
            Rect b = dev.netlens.layout.LinkPath.bounds(points);
            double s = stroke.width();
            return new Rect(b.x() - s, b.y() - s, b.w() + 2 * s, b.h() + 2 * s);
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
