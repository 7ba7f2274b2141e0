package dev.netlens.layout;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where every drawn vertex goes: one rectangle per vertex id, boxes included, in world coordinates.
 *
 * @param parents the box each placed vertex was laid out in, so a later layout can tell a vertex that
 *     moved to another box (a stopped container leaving its namespace) from one that stayed
 */
public record Layout(Map<String, Rect> rects, Map<String, String> parents) {
    public static final Layout EMPTY = new Layout(Map.of(), Map.of());

    public Layout {
        rects = Collections.unmodifiableMap(new LinkedHashMap<>(rects));
        parents = Collections.unmodifiableMap(new LinkedHashMap<>(parents));
    }

    public Optional<Rect> rect(String id) {
        return Optional.ofNullable(rects.get(id));
    }

    /** The smallest rectangle holding everything, or an empty one at the origin. */
    public Rect bounds() {
        return rects.values().stream().reduce(Rect::union).orElse(new Rect(0, 0, 0, 0));
    }
}
