package dev.netlens.render;

import dev.netlens.graph.LinkKind;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.SubKind;
import dev.netlens.graph.TopoLink;
import dev.netlens.graph.TopoNode;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Colour, outline and line style per vertex and link kind: the one table the pictures draw with and
 * the window's stylesheet is generated from ({@link #css()}, joined to the palette's), so a picture
 * and the window cannot drift apart. The window's own touches (padding, fonts, the container card's
 * thick top edge, the high-contrast theme's heavier lines) stay in netlens.css.
 */
public final class Styles {
    private static final Set<SubKind.ContainerState> STOPPED =
            EnumSet.of(SubKind.ContainerState.EXITED, SubKind.ContainerState.CREATED, SubKind.ContainerState.DEAD);
    /** A leaf of no particular kind: the base every leaf's rule starts from. */
    private static final ShapeStyle LEAF = new ShapeStyle(Outline.ROUNDED, "paper", "ink", 2, List.of(), 6, "ink", "muted");

    /** A line: its palette colour, width and dash. */
    private record Line(String colour, double width, List<Double> dash) {
        StrokeSpec spec(Theme theme) {
            return new StrokeSpec(Palette.argb(theme, colour), width, dash);
        }
    }

    private static final Line MTU_MISMATCH = new Line("vermillion", 5, List.of(4.0, 4.0));

    private Styles() {
    }

    public static ShapeStyle of(NodeKind kind, SubKind sub) {
        switch (kind) {
            case HOST:
                return new ShapeStyle(Outline.ROUNDED, "paper", "ink", 3, List.of(), 10, "ink", "muted");
            case SUMMARY:
                // A collapsed group (its frame's colour) or network (the bridges' blue), drawn solid.
                return new ShapeStyle(Outline.ROUNDED, "paper", sub == SubKind.Summary.GROUP ? "purple" : "blue", 3,
                        List.of(), 10, "ink", "muted");
            case GROUP:
                // A compose project, stack or service: a dashed frame, named in its accent colour.
                return new ShapeStyle(Outline.ROUNDED, "paper", "purple", 2.5, List.of(10.0, 6.0), 12, "purple", "muted");
            case NAMESPACE:
                if (!(sub instanceof SubKind.Namespace ns)) {
                    return systemNamespace();
                }
                return switch (ns) {
                    case HOST -> box("ns-host", "ns-host-line", 2, List.of());
                    case CONTAINER -> box("ns-container", "ns-container-line", 2, List.of());
                    case OVERLAY -> box("ns-overlay", "ns-overlay-line", 2.5, List.of());
                    default -> systemNamespace();
                };
            case BRIDGE:
                return new ShapeStyle(Outline.RECT, "blue", "bridge-line", 3, List.of(), 0, "on-blue", "on-blue");
            case CONTAINER:
                return sub instanceof SubKind.ContainerState s && STOPPED.contains(s)
                        ? new ShapeStyle(Outline.ROUNDED, "stopped", "grey", 2, List.of(6.0, 4.0), 3, "ink", "muted")
                        : new ShapeStyle(Outline.ROUNDED, "orange", "container-line", 3, List.of(), 3, "on-accent", "on-accent");
            case PORT:
                return new ShapeStyle(Outline.TAG, "yellow", "port-line", 2, List.of(), 0, "on-accent", "on-accent");
            case NETWORK:
                return new ShapeStyle(Outline.PILL, "paper", "blue", 2.5, List.of(), 0, "ink", "muted");
            case UNDERLAY:
                return device();
            default:
                if (!(sub instanceof SubKind.Device d)) {
                    return LEAF;
                }
                return switch (d) {
                    case VETH -> new ShapeStyle(Outline.PILL, "veth", "veth-line", 2, List.of(), 0, "ink", "muted");
                    case VXLAN -> new ShapeStyle(Outline.HEXAGON, "vxlan", "vxlan-line", 2.5, List.of(), 0, "ink", "muted");
                    case MACVLAN, IPVLAN ->
                            new ShapeStyle(Outline.PARALLELOGRAM, "macvlan", "macvlan-line", 2.5, List.of(), 0, "ink", "muted");
                    case LOOPBACK -> new ShapeStyle(Outline.PILL, "loopback", "grey", 2, List.of(5.0, 4.0), 0, "muted", "muted");
                    case DEVICE, OTHER -> device();
                    default -> LEAF;
                };
        }
    }

    public static ShapeStyle of(TopoNode n) {
        return of(n.kind(), n.subKind());
    }

    private static ShapeStyle box(String fill, String stroke, double width, List<Double> dash) {
        return new ShapeStyle(Outline.ROUNDED, fill, stroke, width, dash, 10, "muted", "muted");
    }

    private static ShapeStyle systemNamespace() {
        return box("ns-system", "grey", 2, List.of(8.0, 5.0));
    }

    private static ShapeStyle device() {
        return new ShapeStyle(Outline.RECT, "device", "ink", 3, List.of(), 0, "ink", "muted");
    }

    private static Line line(LinkKind kind) {
        return switch (kind) {
            case VETH -> new Line("link-veth", 4, List.of());
            case BRIDGE_PORT -> new Line("blue", 3, List.of());
            case PARENT -> new Line("green", 3, List.of(10.0, 6.0));
            case TUNNEL -> new Line("purple", 6, List.of(16.0, 8.0));
            case ENDPOINT -> new Line("link-endpoint", 2.5, List.of());
            case PUBLISHED -> new Line("link-published", 2.5, List.of(3.0, 5.0));
            case NETWORK_DEVICE -> new Line("ink", 3, List.of());
        };
    }

    public static StrokeSpec of(LinkKind kind, boolean mtuMismatch, Theme theme) {
        return (mtuMismatch ? MTU_MISMATCH : line(kind)).spec(theme);
    }

    public static StrokeSpec of(TopoLink l, Theme theme) {
        return of(l.kind(), l.mtuMismatch(), theme);
    }

    // ---- the window's stylesheet, from the same table ------------------------------------------

    /**
     * The canvas's shape and line rules, generated from this table: the same selectors, and the same
     * properties on each, as netlens.css had by hand, so that what wins where is unchanged. Joined to
     * the palette's stylesheet (declared before netlens.css), whose colours they name.
     */
    public static String css() {
        ShapeStyle veth = of(NodeKind.INTERFACE, SubKind.Device.VETH);
        ShapeStyle bridge = of(NodeKind.BRIDGE, SubKind.Device.BRIDGE);
        ShapeStyle vxlan = of(NodeKind.INTERFACE, SubKind.Device.VXLAN);
        ShapeStyle macvlan = of(NodeKind.INTERFACE, SubKind.Device.MACVLAN);
        ShapeStyle device = of(NodeKind.INTERFACE, SubKind.Device.DEVICE);
        ShapeStyle loopback = of(NodeKind.INTERFACE, SubKind.Device.LOOPBACK);
        ShapeStyle container = of(NodeKind.CONTAINER, SubKind.ContainerState.RUNNING);
        ShapeStyle stopped = of(NodeKind.CONTAINER, SubKind.ContainerState.EXITED);
        ShapeStyle port = of(NodeKind.PORT, new SubKind.EngineWord("tcp"));
        ShapeStyle network = of(NodeKind.NETWORK, new SubKind.EngineWord("null"));
        ShapeStyle nsHost = of(NodeKind.NAMESPACE, SubKind.Namespace.HOST);
        ShapeStyle nsContainer = of(NodeKind.NAMESPACE, SubKind.Namespace.CONTAINER);
        ShapeStyle nsOverlay = of(NodeKind.NAMESPACE, SubKind.Namespace.OVERLAY);
        ShapeStyle nsSystem = systemNamespace();
        ShapeStyle host = of(NodeKind.HOST, SubKind.Host.KERNEL);
        ShapeStyle summary = of(NodeKind.SUMMARY, SubKind.Summary.NETWORK);
        ShapeStyle summaryGroup = of(NodeKind.SUMMARY, SubKind.Summary.GROUP);
        ShapeStyle group = of(NodeKind.GROUP, SubKind.Group.COMPOSE);
        String stoppedSel = selectors(STOPPED, s -> ".topo-node.kind-container." + sub(s));
        StringBuilder b = new StringBuilder();
        rule(b, ".topo-node.leaf", fill(LEAF), stroke(LEAF), width(LEAF), radius(LEAF));
        rule(b, ".topo-node.leaf .name", text(LEAF.text()));
        rule(b, ".topo-node.leaf .caption", text(LEAF.caption()));
        rule(b, leafSub(SubKind.Device.VETH), fill(veth), stroke(veth), radius(veth));
        rule(b, ".topo-node.kind-bridge", fill(bridge), stroke(bridge), width(bridge), radius(bridge));
        rule(b, ".topo-node.kind-bridge .name", text(bridge.text()));
        rule(b, ".topo-node.kind-bridge .caption", text(bridge.caption()));
        rule(b, leafSub(SubKind.Device.VXLAN), shape(vxlan), fill(vxlan), stroke(vxlan), width(vxlan));
        rule(b, selectors(List.of(SubKind.Device.MACVLAN, SubKind.Device.IPVLAN), Styles::leafSub),
                shape(macvlan), fill(macvlan), stroke(macvlan), width(macvlan));
        rule(b, selectors(List.of(SubKind.Device.DEVICE, SubKind.Device.OTHER), Styles::leafSub) + ", .topo-node.kind-underlay",
                fill(device), stroke(device), width(device), radius(device));
        rule(b, leafSub(SubKind.Device.LOOPBACK), fill(loopback), stroke(loopback), dash(loopback), radius(loopback));
        rule(b, leafSub(SubKind.Device.LOOPBACK) + " .name", text(loopback.text()));
        rule(b, leafSub(SubKind.Device.LOOPBACK) + " .caption", text(loopback.caption()));
        // The card's border widths are the window's own (a thick top edge): see netlens.css.
        rule(b, ".topo-node.kind-container", fill(container), stroke(container), radius(container));
        rule(b, ".topo-node.kind-container .name", text(container.text()));
        rule(b, ".topo-node.kind-container .caption", text(container.caption()));
        rule(b, selectors(STOPPED, s -> ".topo-node.kind-container." + sub(s)), fill(stopped), stroke(stopped), dash(stopped));
        rule(b, stoppedSel.replace(", ", " .name, ") + " .name", text(stopped.text()));
        rule(b, stoppedSel.replace(", ", " .caption, ") + " .caption", text(stopped.caption()));
        rule(b, ".topo-node.kind-port", shape(port), fill(port), stroke(port), width(port));
        rule(b, ".topo-node.kind-port .name", text(port.text()));
        rule(b, ".topo-node.kind-port .caption", text(port.caption()));
        rule(b, ".topo-node.kind-network", fill(network), stroke(network), width(network), radius(network));
        rule(b, ".topo-node.box", width(nsContainer), radius(nsContainer));
        rule(b, ".topo-node.box .box-title", text(nsContainer.text()));
        rule(b, ".topo-node.kind-host", fill(host), stroke(host), width(host));
        rule(b, ".topo-node.kind-host .box-title", text(host.text()));
        rule(b, ".topo-node.kind-host .box-caption", text(host.caption()));
        rule(b, ".topo-node.kind-summary", fill(summary), stroke(summary), width(summary), radius(summary));
        rule(b, ".topo-node.kind-summary." + sub(SubKind.Summary.GROUP), stroke(summaryGroup));
        rule(b, ".topo-node.kind-summary .member", text(summary.text()));
        rule(b, ".topo-node.kind-group", fill(group), stroke(group), width(group), dash(group), radius(group));
        rule(b, ".topo-node.kind-group .box-title", text(group.text()));
        rule(b, namespace(SubKind.Namespace.HOST), fill(nsHost), stroke(nsHost));
        rule(b, namespace(SubKind.Namespace.CONTAINER), fill(nsContainer), stroke(nsContainer));
        rule(b, namespace(SubKind.Namespace.OVERLAY), fill(nsOverlay), stroke(nsOverlay), width(nsOverlay));
        rule(b, selectors(List.of(SubKind.Namespace.INGRESS, SubKind.Namespace.LOADBALANCER, SubKind.Namespace.OTHER),
                Styles::namespace), fill(nsSystem), stroke(nsSystem), dash(nsSystem));
        Line base = line(LinkKind.NETWORK_DEVICE);
        rule(b, ".topo-link", stroke(base), strokeWidth(base));
        for (LinkKind k : LinkKind.values()) {
            if (k != LinkKind.NETWORK_DEVICE) {
                Line l = line(k);
                rule(b, ".topo-link." + linkClass(k), stroke(l), strokeWidth(l), strokeDash(l));
            }
        }
        rule(b, ".topo-link.mtu-mismatch", stroke(MTU_MISMATCH), strokeWidth(MTU_MISMATCH), strokeDash(MTU_MISMATCH));
        return b.toString();
    }

    /** The style class the canvas gives a vertex of this sub-kind: {@code sub-running}. */
    public static String subClass(SubKind s) {
        return "sub-" + cssName(s.wireName());
    }

    /** The style class the canvas gives a link of this kind: {@code link-bridge-port}. */
    public static String linkClass(LinkKind kind) {
        return "link-" + cssName(kind.name());
    }

    /** A name as a style class may hold it (the canvas's rule): lower case, anything else a hyphen. */
    private static String cssName(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    private static String sub(SubKind s) {
        return subClass(s);
    }

    private static String leafSub(SubKind s) {
        return ".topo-node." + sub(s);
    }

    private static String namespace(SubKind.Namespace s) {
        return ".topo-node.kind-namespace." + sub(s);
    }

    private static <T> String selectors(java.util.Collection<T> values, Function<T, String> selector) {
        return values.stream().map(selector).collect(Collectors.joining(", "));
    }

    private static void rule(StringBuilder b, String selector, String... declarations) {
        b.append(selector).append(" {\n");
        for (String d : declarations) {
            if (d != null) {
                b.append("    ").append(d).append('\n');
            }
        }
        b.append("}\n");
    }

    private static String fill(ShapeStyle s) {
        return "-fx-background-color: -nl-" + s.fill() + ";";
    }

    private static String stroke(ShapeStyle s) {
        return "-fx-border-color: -nl-" + s.stroke() + ";";
    }

    private static String width(ShapeStyle s) {
        return "-fx-border-width: " + px(s.strokeWidth()) + ";";
    }

    private static String radius(ShapeStyle s) {
        String r = px(s.outline() == Outline.PILL ? Outline.PILL_RADIUS : s.outline() == Outline.ROUNDED ? s.radius() : 0);
        return "-fx-background-radius: " + r + ";\n    -fx-border-radius: " + r + ";";
    }

    private static String dash(ShapeStyle s) {
        return s.dash().isEmpty() ? null
                : "-fx-border-style: segments(" + s.dash().stream().map(Styles::num).collect(Collectors.joining(", ")) + ");";
    }

    private static String shape(ShapeStyle s) {
        return "-fx-shape: \"" + s.outline().cssPath() + "\";";
    }

    private static String text(String colour) {
        return "-fx-fill: -nl-" + colour + ";";
    }

    private static String stroke(Line l) {
        return "-fx-stroke: -nl-" + l.colour() + ";";
    }

    private static String strokeWidth(Line l) {
        return "-fx-stroke-width: " + px(l.width()) + ";";
    }

    private static String strokeDash(Line l) {
        return l.dash().isEmpty() ? null
                : "-fx-stroke-dash-array: " + l.dash().stream().map(Styles::num).collect(Collectors.joining(" ")) + ";";
    }

    private static String px(double v) {
        return num(v) + "px";
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
