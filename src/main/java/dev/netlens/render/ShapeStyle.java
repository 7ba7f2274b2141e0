package dev.netlens.render;

import java.util.List;

/**
 * How one kind of vertex is drawn, with colours named as in {@link Palette}. Mirrors the
 * stylesheet's rules for the same kinds (netlens.css), which take the same colours.
 */
public record ShapeStyle(Outline outline, String fill, String stroke, double strokeWidth, List<Double> dash,
                         double radius, String text, String caption) {
    public ShapeStyle {
        dash = List.copyOf(dash);
    }

    public StrokeSpec strokeSpec(Theme theme) {
        return new StrokeSpec(Palette.argb(theme, stroke), strokeWidth, dash);
    }
}
