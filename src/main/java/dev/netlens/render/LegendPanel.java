package dev.netlens.render;

import dev.netlens.graph.LinkKind;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.SubKind;
import dev.netlens.layout.Rect;
import java.util.ArrayList;
import java.util.List;

/** The picture's legend: the same entries as the window's legend, drawn with the same styles. */
final class LegendPanel {
    private record Entry(String text, NodeKind kind, SubKind sub, LinkKind link, boolean mtu) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("container (running)", NodeKind.CONTAINER, SubKind.ContainerState.RUNNING, null, false),
            new Entry("container (stopped)", NodeKind.CONTAINER, SubKind.ContainerState.EXITED, null, false),
            new Entry("Linux bridge", NodeKind.BRIDGE, SubKind.Device.BRIDGE, null, false),
            new Entry("veth end", NodeKind.INTERFACE, SubKind.Device.VETH, null, false),
            new Entry("VXLAN device", NodeKind.INTERFACE, SubKind.Device.VXLAN, null, false),
            new Entry("macvlan / ipvlan", NodeKind.INTERFACE, SubKind.Device.MACVLAN, null, false),
            new Entry("physical / other device", NodeKind.INTERFACE, SubKind.Device.DEVICE, null, false),
            new Entry("loopback", NodeKind.INTERFACE, SubKind.Device.LOOPBACK, null, false),
            new Entry("published port", NodeKind.PORT, new SubKind.EngineWord("tcp"), null, false),
            new Entry("network without a device", NodeKind.NETWORK, new SubKind.EngineWord("null"), null, false),
            new Entry("host", NodeKind.HOST, SubKind.Host.KERNEL, null, false),
            new Entry("host namespace", NodeKind.NAMESPACE, SubKind.Namespace.HOST, null, false),
            new Entry("container namespace", NodeKind.NAMESPACE, SubKind.Namespace.CONTAINER, null, false),
            new Entry("overlay namespace", NodeKind.NAMESPACE, SubKind.Namespace.OVERLAY, null, false),
            new Entry("ingress / load balancer", NodeKind.NAMESPACE, SubKind.Namespace.LOADBALANCER, null, false),
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
