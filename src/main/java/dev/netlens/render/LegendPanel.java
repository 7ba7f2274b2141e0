package dev.netlens.render;

import dev.netlens.graph.LinkKind;
import dev.netlens.graph.NodeKind;
import dev.netlens.layout.Rect;
import java.util.ArrayList;
import java.util.List;

/** The picture's legend: the same entries as the window's legend, drawn with the same styles. */
final class LegendPanel {
    private record Entry(String text, NodeKind kind, String sub, LinkKind link, boolean mtu) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("container (running)", NodeKind.CONTAINER, "running", null, false),
            new Entry("container (stopped)", NodeKind.CONTAINER, "exited", null, false),
            new Entry("Linux bridge", NodeKind.BRIDGE, "bridge", null, false),
            new Entry("veth end", NodeKind.INTERFACE, "veth", null, false),
            new Entry("VXLAN device", NodeKind.INTERFACE, "vxlan", null, false),
            new Entry("macvlan / ipvlan", NodeKind.INTERFACE, "macvlan", null, false),
            new Entry("physical / other device", NodeKind.INTERFACE, "device", null, false),
            new Entry("loopback", NodeKind.INTERFACE, "loopback", null, false),
            new Entry("published port", NodeKind.PORT, "tcp", null, false),
            new Entry("network without a device", NodeKind.NETWORK, "null", null, false),
            new Entry("host", NodeKind.HOST, "kernel", null, false),
            new Entry("host namespace", NodeKind.NAMESPACE, "host", null, false),
            new Entry("container namespace", NodeKind.NAMESPACE, "container", null, false),
            new Entry("overlay namespace", NodeKind.NAMESPACE, "overlay", null, false),
            new Entry("ingress / load balancer", NodeKind.NAMESPACE, "loadbalancer", null, false),
            new Entry("veth pair", null, null, LinkKind.VETH, false),
            new Entry("port of a bridge", null, null, LinkKind.BRIDGE_PORT, false),
            new Entry("macvlan / vxlan parent", null, null, LinkKind.PARENT, false),
            new Entry("VXLAN tunnel (underlay)", null, null, LinkKind.TUNNEL, false),
            new Entry("container endpoint", null, null, LinkKind.ENDPOINT, false),
            new Entry("published port", null, null, LinkKind.PUBLISHED, false),
            new Entry("MTU differs", null, null, LinkKind.VETH, true));
    private static final double ROW = 30;
    private static final double PAD = 16;
    private final Theme theme;

    LegendPanel(Theme theme) {
        this.theme = theme;
    }

    double width() {
        return 300;
    }

    double height() {
        return PAD * 2 + 36 + ENTRIES.size() * ROW;
    }

    List<Item> items(double x, double y) {
        List<Item> out = new ArrayList<>();
        out.add(new Item.Shape("legend", Outline.ROUNDED, new Rect(x, y, width(), height()), 8,
                Palette.argb(theme, "paper"), StrokeSpec.solid(Palette.argb(theme, "grey"), 1.5)));
        out.add(new Item.Text("legend", "Legend", x + PAD, y + PAD + 20, 20, true, Palette.argb(theme, "ink"), false, 0));
        double rowY = y + PAD + 36;
        for (Entry e : ENTRIES) {
            Rect sw = new Rect(x + PAD, rowY + 4, 50, 22);
            if (e.link() != null) {
                out.add(new Item.Curve("legend", e.link().name(), List.of(new double[] {sw.x(), sw.centerY()},
                        new double[] {sw.maxX(), sw.centerY()}), false, Styles.of(e.link(), e.mtu(), theme)));
            } else {
                ShapeStyle s = Styles.of(e.kind(), e.sub());
                out.add(new Item.Shape("legend", s.outline(), sw, Math.min(s.radius(), 6), Palette.argb(theme, s.fill()),
                        s.strokeSpec(theme)));
            }
            out.add(new Item.Text("legend", e.text(), x + PAD + 64, rowY + 21, 15, false, Palette.argb(theme, "ink"), false, 0));
            rowY += ROW;
        }
        return out;
    }
}
