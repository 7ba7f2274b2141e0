package dev.netlens.render;

import dev.netlens.graph.Collapse;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.LayoutEngine;
import java.util.Locale;
import java.util.Set;

/**
 * What a picture collapses ({@code netlens export --collapse}, the window's export dialog): AUTO what
 * {@link AutoCollapse} picks for the picture to fit a 1440p screen at 1x, NONE nothing, ALL every group
 * (compose project, swarm stack, service). Networks are folded only by AUTO, or by hand in the window.
 */
public enum Collapsing {
    AUTO, NONE, ALL;

    /** The ids to collapse in {@code whole} (the graph with nothing folded) for a picture with {@code options}. */
    public Set<String> ids(TopologyGraph whole, LayoutEngine engine, PictureOptions options) {
        return switch (this) {
            case AUTO -> AutoCollapse.choose(whole, engine, options);
            case NONE -> Set.of();
            case ALL -> Collapse.allGroups(whole);
        };
    }

    /** The choice named {@code name} (any case), or null when it is none of auto, none, all. */
    public static Collapsing parse(String name) {
        for (Collapsing c : values()) {
            if (c.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return c;
            }
        }
        return null;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
