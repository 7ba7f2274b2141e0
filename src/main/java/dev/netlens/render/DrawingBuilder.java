package dev.netlens.render;

import dev.netlens.graph.LinkKind;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoLink;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.Layout;
import dev.netlens.layout.LinkPath;
import dev.netlens.layout.StackLayout;
import dev.netlens.layout.TypeScale;
import dev.netlens.graph.Collapse;
import dev.netlens.layout.Rect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Turns graph + layout into a {@link Drawing}: boxes back to front by depth, then links, then the
 * small shapes with their labels, then link labels; optionally a title band and a legend. The
 * geometry is the window's: the same rectangles, tunnel arcs and line ends.
 */
public final class DrawingBuilder {
    static final double MARGIN = 24;
    static final double TITLE_BAND = 64;

    private final TopologyGraph graph;
    private final Layout layout;
    private final Predicate<String> shown;
    private final PictureOptions options;

    /**
     * @param shown which node and link ids to draw (the window's filters and reveal step); a link is
     *     drawn only when it and both its ends are shown
     */
    public DrawingBuilder(TopologyGraph graph, Layout layout, Predicate<String> shown, PictureOptions options) {
        this.graph = graph;
        this.layout = layout;
        this.shown = shown;
        this.options = options;
    }

    public static Drawing whole(TopologyGraph graph, Layout layout, PictureOptions options) {
        return new DrawingBuilder(graph, layout, id -> true, options).build();
    }

    public Drawing build() {
        Theme theme = options.theme();
        List<TopoNode> nodes = graph.nodes().stream()
                .filter(n -> layout.rects().containsKey(n.id()) && shown.test(n.id())).toList();
        List<TopoLink> links = graph.links().stream().filter(l -> shown.test(l.id())
                && layout.rects().containsKey(l.source()) && layout.rects().containsKey(l.target())
                && shown.test(l.source()) && shown.test(l.target())).toList();
        Rect world = options.region() != null ? options.region() : bounds(nodes, links);
        double titleH = options.title() == null || options.title().isBlank() ? 0 : TITLE_BAND;
        double dx = MARGIN - world.x();
        double dy = MARGIN + titleH - world.y();
        LegendPanel legend = options.legend() ? new LegendPanel(theme) : null;
        double width = world.w() + 2 * MARGIN + (legend == null ? 0 : legend.width() + MARGIN);
        double height = titleH + Math.max(world.h(), legend == null ? 0 : legend.height()) + 2 * MARGIN;

        List<Item> items = new ArrayList<>();
        nodes.stream().filter(n -> n.kind().isBox())
                .sorted(Comparator.comparingInt(n -> graph.ancestors(n.id()).size()))
                .forEach(n -> box(n, rect(n.id(), dx, dy), items));
        List<Item> labels = new ArrayList<>();
        for (TopoLink l : links) {
            link(l, dx, dy, items, labels);
        }
        nodes.stream().filter(n -> !n.kind().isBox()).forEach(n -> leaf(n, rect(n.id(), dx, dy), items));
        items.addAll(labels);
        int canvas = Palette.argb(theme, "canvas");
        if (titleH > 0) {
            items.add(new Item.Shape("title", Outline.RECT, new Rect(0, 0, width, titleH + MARGIN / 2), 0, canvas,
                    StrokeSpec.solid(canvas, 0)));
            items.add(new Item.Text("title", options.title(), MARGIN, MARGIN + 30, 32, true, Palette.argb(theme, "ink"),
                    false, width - 2 * MARGIN));
        }
        if (legend != null) {
            items.addAll(legend.items(MARGIN + world.w() + MARGIN, MARGIN + titleH));
        }
        return new Drawing(width, height, canvas, items);
    }

    private Rect rect(String id, double dx, double dy) {
        return layout.rects().get(id).moved(dx, dy);
    }

    private Rect bounds(List<TopoNode> nodes, List<TopoLink> links) {
        Rect b = null;
        for (TopoNode n : nodes) {
            Rect r = layout.rects().get(n.id());
            b = b == null ? r : b.union(r);
        }
        if (b == null) {
            return new Rect(0, 0, 400, 200);
        }
        if (links.stream().anyMatch(l -> l.kind() == LinkKind.TUNNEL)) {
            b = b.union(new Rect(b.x(), b.y() - LinkPath.TUNNEL_RISE + 4, 1, 1));
        }
        return b;
    }

    private void box(TopoNode n, Rect r, List<Item> out) {
        ShapeStyle s = Styles.of(n);
        Theme t = options.theme();
        out.add(new Item.Shape(n.id(), s.outline(), r, s.radius(), Palette.argb(t, s.fill()), s.strokeSpec(t)));
        if (n.kind() == NodeKind.HOST) {
            out.add(new Item.Text(n.id(), n.label(), r.x() + 12, r.y() + 8 + TypeScale.HOST_TITLE, TypeScale.HOST_TITLE, true,
                    Palette.argb(t, s.text()), false, r.w() - 24));
            if (n.caption() != null) {
                out.add(new Item.Text(n.id(), n.caption(), r.x() + 12, r.y() + 12 + TypeScale.HOST_TITLE + TypeScale.HOST_CAPTION,
                        TypeScale.HOST_CAPTION, false, Palette.argb(t, s.caption()), false, r.w() - 24));
            }
        } else if (n.kind() == NodeKind.GROUP) {
            String title = n.caption() == null ? n.label() : n.label() + "  ·  " + n.caption();
            // Centred: the lines into the group's first gutter come down through the left of its band.
            out.add(new Item.Text(n.id(), title, r.centerX(), r.y() + 6 + TypeScale.GROUP_TITLE, TypeScale.GROUP_TITLE, true,
                    Palette.argb(t, s.text()), true, r.w() - 24));
        } else {
            String title = n.caption() == null ? n.label() : n.label() + "  ·  " + n.caption();
            out.add(new Item.Text(n.id(), title, r.x() + 9, r.y() + 5 + TypeScale.BOX_TITLE, TypeScale.BOX_TITLE, true,
                    Palette.argb(t, s.text()), false,
                    r.w() - 20));
        }
    }

    private void leaf(TopoNode n, Rect r, List<Item> out) {
        ShapeStyle s = Styles.of(n);
        Theme t = options.theme();
        out.add(new Item.Shape(n.id(), s.outline(), r, s.radius(), Palette.argb(t, s.fill()), s.strokeSpec(t)));
        double maxW = r.w() - 8;
        if (n.kind() == NodeKind.SUMMARY) {
            // Name, counts, then the running containers it stands for, one a line.
            double y = r.y() + 4 + TypeScale.LABEL;
            out.add(new Item.Text(n.id(), n.label(), r.centerX(), y, TypeScale.LABEL, true, Palette.argb(t, s.text()), true, maxW));
            y += StackLayout.SUMMARY_LINE;
            out.add(new Item.Text(n.id(), n.caption(), r.centerX(), y, TypeScale.CAPTION, false, Palette.argb(t, s.caption()), true, maxW));
            y += StackLayout.SUMMARY_LINE;
            for (String m : Collapse.memberNames(n)) {
                out.add(new Item.Text(n.id(), m, r.centerX(), y, TypeScale.CAPTION, false, Palette.argb(t, s.text()), true, maxW));
                y += StackLayout.SUMMARY_LINE;
            }
        } else if (n.caption() == null) {
            out.add(new Item.Text(n.id(), n.label(), r.centerX(), r.centerY() + 0.36 * TypeScale.LABEL, TypeScale.LABEL, true,
                    Palette.argb(t, s.text()), true, maxW));
        } else {
            // Two lines centred as the window's box centres them: the name's baseline, then the caption's.
            double top = r.centerY() - (TypeScale.LABEL + TypeScale.CAPTION + 2) / 2;
            out.add(new Item.Text(n.id(), n.label(), r.centerX(), top + 0.92 * TypeScale.LABEL, TypeScale.LABEL, true,
                    Palette.argb(t, s.text()), true, maxW));
            out.add(new Item.Text(n.id(), n.caption(), r.centerX(), top + TypeScale.LABEL + 2 + 0.92 * TypeScale.CAPTION,
                    TypeScale.CAPTION, false, Palette.argb(t, s.caption()), true, maxW));
        }
    }

    private void link(TopoLink l, double dx, double dy, List<Item> out, List<Item> labels) {
        Rect a = rect(l.source(), dx, dy);
        Rect b = rect(l.target(), dx, dy);
        StrokeSpec stroke = Styles.of(l, options.theme());
        String kind = l.kind().name().toLowerCase(java.util.Locale.ROOT);
        List<double[]> path = LinkPath.of(l.kind(), a, b);
        out.add(new Item.Curve(l.id(), kind, path, l.kind() == LinkKind.TUNNEL, stroke));
        double[] at = LinkPath.labelAt(l.kind(), path);
        double lx = at[0];
        double ly = at[1];
        if (l.label() != null) {
            Theme t = options.theme();
            double w = l.label().length() * 0.62 * TypeScale.LINK_LABEL + 18;
            int line = l.mtuMismatch() ? Palette.argb(t, "vermillion") : Palette.argb(t, "purple");
            labels.add(new Item.Shape(l.id(), Outline.ROUNDED, new Rect(lx - w / 2, ly - 11, w, 22), 4,
                    Palette.argb(t, "paper"), StrokeSpec.solid(line, 2)));
            labels.add(new Item.Text(l.id(), l.label(), lx, ly + 0.36 * TypeScale.LINK_LABEL, TypeScale.LINK_LABEL, true, Palette.argb(t, "ink"), true, w - 6));
        }
    }
}
