package dev.netlens.ui.topology;

import dev.netlens.traffic.LinkRate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.shape.Shape;

/**
 * Traffic as the canvas draws it: a link carrying bytes gets a style class for how much (wider and
 * orange: low, mid, high; see netlens.css), one whose drops or errors rose a red dotted one. Quiet
 * links, and links whose rate is unknown this interval (a counter reset), keep their own style: only
 * classes this class added are ever taken away.
 */
public final class TrafficMarks {
    /** Below this a link is quiet (a few keep-alives): drawn as without traffic. */
    public static final double LOW = 1_000;
    public static final double MID = 100_000;
    public static final double HIGH = 5_000_000;
    static final String LEVEL_LOW = "traffic-low";
    static final String LEVEL_MID = "traffic-mid";
    static final String LEVEL_HIGH = "traffic-high";
    static final String TROUBLED = "traffic-drops";
    private static final List<String> ALL = List.of(LEVEL_LOW, LEVEL_MID, LEVEL_HIGH, TROUBLED);
    /** The classes each link has from here now. */
    private final Map<String, List<String>> applied = new HashMap<>();

    /** The classes a rate gives a link: none for a quiet one. */
    public static List<String> classesOf(LinkRate r) {
        if (r == null || !r.known()) {
            return List.of();
        }
        double b = r.bytesPerSecond();
        String level = b >= HIGH ? LEVEL_HIGH : b >= MID ? LEVEL_MID : b >= LOW ? LEVEL_LOW : null;
        if (r.troubled()) {
            return level == null ? List.of(TROUBLED) : List.of(level, TROUBLED);
        }
        return level == null ? List.of() : List.of(level);
    }

    /**
     * Marks the links of {@code rates} drawn now ({@code linkOf}), and takes the marks off links that
     * are quiet again. A link drawn anew keeps none until the next call.
     *
     * @return the links whose shape changed (pictures of the drawing that hold them are out of date)
     */
    public java.util.Set<String> show(Map<String, LinkRate> rates, Function<String, Optional<Shape>> linkOf) {
        java.util.Set<String> changed = new java.util.HashSet<>();
        Map<String, List<String>> next = new HashMap<>();
        rates.forEach((id, r) -> {
            List<String> classes = classesOf(r);
            if (!classes.isEmpty()) {
                next.put(id, classes);
            }
        });
        for (String id : List.copyOf(applied.keySet())) {
            if (!next.containsKey(id)) {
                if (linkOf.apply(id).map(s -> s.getStyleClass().removeAll(ALL)).orElse(false)) {
                    changed.add(id);
                }
                applied.remove(id);
            }
        }
        for (Map.Entry<String, List<String>> e : next.entrySet()) {
            Optional<Shape> shape = linkOf.apply(e.getKey());
            if (shape.isEmpty()) {
                continue;
            }
            List<String> classes = shape.get().getStyleClass();
            List<String> now = classes.stream().filter(ALL::contains).toList();
            if (!now.equals(e.getValue())) {
                classes.removeAll(ALL);
                classes.addAll(e.getValue());
                changed.add(e.getKey());
            }
            applied.put(e.getKey(), e.getValue());
        }
        return changed;
    }

    /** The links marked now, with their classes (for tests and diagnostics). */
    public Map<String, List<String>> marked() {
        return Map.copyOf(applied);
    }
}
