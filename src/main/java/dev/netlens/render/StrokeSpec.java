package dev.netlens.render;

import java.util.List;

/** A line's colour (ARGB), width and dash pattern (empty: solid). */
public record StrokeSpec(int argb, double width, List<Double> dash) {
    public StrokeSpec {
        dash = List.copyOf(dash);
    }

    public static StrokeSpec solid(int argb, double width) {
        return new StrokeSpec(argb, width, List.of());
    }
}
