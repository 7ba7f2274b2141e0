package dev.netlens.render;

import java.util.Locale;

/**
 * The outline of a shape, for the pictures (Java2D) and the window (the stylesheet's {@code -fx-shape},
 * generated from the same corners by {@link Styles#css()}).
 */
public enum Outline {
    RECT, ROUNDED, PILL,
    HEXAGON(0.1, 0, 0.9, 0, 1, 0.5, 0.9, 1, 0.1, 1, 0, 0.5),
    PARALLELOGRAM(0.12, 0, 1, 0, 0.88, 1, 0, 1),
    TAG(0, 0, 0.85, 0, 1, 0.5, 0.85, 1, 0, 1);

    /** The window's pill: corners this round (px), as the pictures' pills up to 40 px tall. */
    static final double PILL_RADIUS = 20;

    private final double[] corners;

    Outline(double... corners) {
        this.corners = corners;
    }

    /** A polygon's corners as x, y fractions of the shape's box, in order; empty for the others. */
    double[] corners() {
        return corners.clone();
    }

    /** The polygon as a stylesheet {@code -fx-shape} path on a 100 x 100 box, or null for the others. */
    String cssPath() {
        if (corners.length == 0) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < corners.length; i += 2) {
            b.append(i == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.0f,%.0f", corners[i] * 100, corners[i + 1] * 100));
        }
        return b.append(" Z").toString();
    }
}
