package dev.netlens.ui.legend;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;

/**
 * What each colour, shape and line means. The swatches carry the canvas's own style classes, so the
 * legend cannot drift from the picture.
 */
public final class LegendView extends VBox {
    private record Entry(String text, String... classes) {
    }

    private static final List<Entry> SHAPES = List.of(
            new Entry("container (running)", "kind-container", "sub-running"),
            new Entry("container (stopped)", "kind-container", "sub-exited"),
            new Entry("Linux bridge", "kind-bridge", "sub-bridge"),
            new Entry("veth end", "kind-interface", "sub-veth"),
            new Entry("VXLAN device", "kind-interface", "sub-vxlan"),
            new Entry("macvlan / ipvlan", "kind-interface", "sub-macvlan"),
            new Entry("physical / other device", "kind-interface", "sub-device"),
            new Entry("loopback", "kind-interface", "sub-loopback"),
            new Entry("published port", "kind-port", "sub-tcp"),
            new Entry("network without a device", "kind-network", "sub-null"));
    private static final List<Entry> BOXES = List.of(
            new Entry("host", "kind-host", "sub-kernel"),
            new Entry("host namespace", "kind-namespace", "sub-host"),
            new Entry("container namespace", "kind-namespace", "sub-container"),
            new Entry("overlay namespace", "kind-namespace", "sub-overlay"),
            new Entry("ingress / load balancer", "kind-namespace", "sub-loadbalancer"));
    private static final List<Entry> LINES = List.of(
            new Entry("veth pair", "link-veth"),
            new Entry("port of a bridge", "link-bridge_port"),
            new Entry("macvlan / vxlan parent", "link-parent"),
            new Entry("VXLAN tunnel (underlay)", "link-tunnel"),
            new Entry("container endpoint", "link-endpoint"),
            new Entry("published port", "link-published"),
            new Entry("MTU differs", "link-veth", "mtu-mismatch"));

    public LegendView() {
        getStyleClass().add("legend");
        Label title = new Label("Legend");
        title.getStyleClass().add("panel-title");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("legend-grid");
        int row = 0;
        for (Entry e : SHAPES) {
            grid.addRow(row++, swatch(e, "leaf", 46, 22), text(e));
        }
        for (Entry e : BOXES) {
            grid.addRow(row++, swatch(e, "box", 46, 22), text(e));
        }
        for (Entry e : LINES) {
            Line l = new Line(0, 0, 46, 0);
            l.getStyleClass().add("topo-link");
            l.getStyleClass().addAll(e.classes());
            grid.addRow(row++, l, text(e));
        }
        getChildren().addAll(title, grid);
    }

    private static Node swatch(Entry e, String role, double w, double h) {
        Region r = new Region();
        r.getStyleClass().addAll("topo-node", role);
        r.getStyleClass().addAll(e.classes());
        r.setMinSize(w, h);
        r.setPrefSize(w, h);
        r.setMaxSize(w, h);
        return r;
    }

    private static Label text(Entry e) {
        Label l = new Label(e.text());
        l.getStyleClass().add("legend-text");
        l.setAlignment(Pos.CENTER_LEFT);
        return l;
    }
}
