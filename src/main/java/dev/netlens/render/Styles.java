package dev.netlens.render;

import dev.netlens.graph.LinkKind;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoLink;
import dev.netlens.graph.TopoNode;
import java.util.List;
import java.util.Set;

/**
 * Colour, outline and line style per vertex and link kind: one table for pictures, kept in step
 * with the stylesheet's rules for the on-screen shapes (same outlines, same palette names).
 */
public final class Styles {
    private static final Set<String> STOPPED = Set.of("exited", "created", "dead");

    private Styles() {
    }

    public static ShapeStyle of(NodeKind kind, String subKind) {
        String sub = subKind == null ? "" : subKind;
        switch (kind) {
            case HOST:
                return new ShapeStyle(Outline.ROUNDED, "paper", "ink", 3, List.of(), 10, "ink", "muted");
            case SUMMARY:
                // A collapsed group (its frame's colour) or network (the bridges' blue), drawn solid.
                return new ShapeStyle(Outline.ROUNDED, "paper", "group".equals(sub) ? "purple" : "blue", 3, List.of(), 10,
                        "ink", "muted");
            case GROUP:
                // A compose project, stack or service: a dashed frame, named in its accent colour.
                return new ShapeStyle(Outline.ROUNDED, "paper", "purple", 2.5, List.of(10.0, 6.0), 12, "purple", "muted");
            case NAMESPACE:
                return switch (sub) {
                    case "host" -> box("ns-host", "ns-host-line", 2, List.of());
                    case "container" -> box("ns-container", "ns-container-line", 2, List.of());
                    case "overlay" -> box("ns-overlay", "ns-overlay-line", 2.5, List.of());
                    default -> box("ns-system", "grey", 2, List.of(8.0, 5.0));
                };
            case BRIDGE:
                return new ShapeStyle(Outline.RECT, "blue", "bridge-line", 3, List.of(), 0, "on-blue", "on-blue");
            case CONTAINER:
                return STOPPED.contains(sub)
                        ? new ShapeStyle(Outline.ROUNDED, "stopped", "grey", 2, List.of(6.0, 4.0), 3, "ink", "muted")
                        : new ShapeStyle(Outline.ROUNDED, "orange", "container-line", 3, List.of(), 3, "on-accent", "on-accent");
            case PORT:
                return new ShapeStyle(Outline.TAG, "yellow", "port-line", 2, List.of(), 0, "on-accent", "on-accent");
            case NETWORK:
                return new ShapeStyle(Outline.PILL, "paper", "blue", 2.5, List.of(), 0, "ink", "muted");
            case UNDERLAY:
                return device();
            default:
                return switch (sub) {
                    case "veth" -> new ShapeStyle(Outline.PILL, "veth", "veth-line", 2, List.of(), 0, "ink", "muted");
                    case "vxlan" -> new ShapeStyle(Outline.HEXAGON, "vxlan", "vxlan-line", 2.5, List.of(), 0, "ink", "muted");
                    case "macvlan", "ipvlan" ->
                            new ShapeStyle(Outline.PARALLELOGRAM, "macvlan", "macvlan-line", 2.5, List.of(), 0, "ink", "muted");
                    case "loopback" -> new ShapeStyle(Outline.PILL, "loopback", "grey", 2, List.of(5.0, 4.0), 0, "muted", "muted");
                    case "device", "other" -> device();
                    default -> new ShapeStyle(Outline.ROUNDED, "paper", "ink", 2, List.of(), 6, "ink", "muted");
                };
        }
    }

    public static ShapeStyle of(TopoNode n) {
        return of(n.kind(), n.subKind());
    }

    private static ShapeStyle box(String fill, String stroke, double width, List<Double> dash) {
        return new ShapeStyle(Outline.ROUNDED, fill, stroke, width, dash, 10, "muted", "muted");
    }

    private static ShapeStyle device() {
        return new ShapeStyle(Outline.RECT, "device", "ink", 3, List.of(), 0, "ink", "muted");
    }

    public static StrokeSpec of(LinkKind kind, boolean mtuMismatch, Theme theme) {
        if (mtuMismatch) {
            return new StrokeSpec(Palette.argb(theme, "vermillion"), 5, List.of(4.0, 4.0));
        }
        return switch (kind) {
            case VETH -> StrokeSpec.solid(Palette.argb(theme, "link-veth"), 4);
            case BRIDGE_PORT -> StrokeSpec.solid(Palette.argb(theme, "blue"), 3);
            case PARENT -> new StrokeSpec(Palette.argb(theme, "green"), 3, List.of(10.0, 6.0));
            case TUNNEL -> new StrokeSpec(Palette.argb(theme, "purple"), 6, List.of(16.0, 8.0));
            case ENDPOINT -> StrokeSpec.solid(Palette.argb(theme, "link-endpoint"), 2.5);
            case PUBLISHED -> new StrokeSpec(Palette.argb(theme, "link-published"), 2.5, List.of(3.0, 5.0));
            case NETWORK_DEVICE -> StrokeSpec.solid(Palette.argb(theme, "ink"), 3);
        };
    }

    public static StrokeSpec of(TopoLink l, Theme theme) {
        return of(l.kind(), l.mtuMismatch(), theme);
    }
}
