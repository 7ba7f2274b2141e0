package dev.netlens.ui.legend;

import dev.netlens.graph.LinkKind;
import dev.netlens.graph.SubKind;
import dev.netlens.render.Styles;
import dev.netlens.ui.language.PanelTexts;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
    /** @param key the text's key in the panels' bundle */
    private record Entry(String key, String... classes) {
    }

    private static String sub(SubKind kind) {
        return Styles.subClass(kind);
    }

    private static final List<Entry> SHAPES = List.of(
            new Entry("legend.container.running", "kind-container", sub(SubKind.ContainerState.RUNNING)),
            new Entry("legend.container.stopped", "kind-container", sub(SubKind.ContainerState.EXITED)),
            new Entry("legend.linux.bridge", "kind-bridge", sub(SubKind.Device.BRIDGE)),
            new Entry("legend.veth.end", "kind-interface", sub(SubKind.Device.VETH)),
            new Entry("legend.vxlan.device", "kind-interface", sub(SubKind.Device.VXLAN)),
            new Entry("legend.macvlan.ipvlan", "kind-interface", sub(SubKind.Device.MACVLAN)),
            new Entry("legend.physical.other.device", "kind-interface", sub(SubKind.Device.DEVICE)),
            new Entry("legend.loopback", "kind-interface", sub(SubKind.Device.LOOPBACK)),
            new Entry("legend.published.port", "kind-port", sub(new SubKind.EngineWord("tcp"))),
            new Entry("legend.network.without.a.device", "kind-network", sub(new SubKind.EngineWord("null"))));
    private static final List<Entry> BOXES = List.of(
            new Entry("legend.host", "kind-host", sub(SubKind.Host.KERNEL)),
            new Entry("legend.host.namespace", "kind-namespace", sub(SubKind.Namespace.HOST)),
            new Entry("legend.container.namespace", "kind-namespace", sub(SubKind.Namespace.CONTAINER)),
            new Entry("legend.overlay.namespace", "kind-namespace", sub(SubKind.Namespace.OVERLAY)),
            new Entry("legend.ingress.load.balancer", "kind-namespace", sub(SubKind.Namespace.LOADBALANCER)));
    private static final List<Entry> LINES = List.of(
            new Entry("legend.veth.pair", Styles.linkClass(LinkKind.VETH)),
            new Entry("legend.port.of.a.bridge", Styles.linkClass(LinkKind.BRIDGE_PORT)),
            new Entry("legend.macvlan.vxlan.parent", Styles.linkClass(LinkKind.PARENT)),
            new Entry("legend.vxlan.tunnel.underlay", Styles.linkClass(LinkKind.TUNNEL)),
            new Entry("legend.container.endpoint", Styles.linkClass(LinkKind.ENDPOINT)),
            new Entry("legend.published.port", Styles.linkClass(LinkKind.PUBLISHED)),
            new Entry("legend.mtu.differs", Styles.linkClass(LinkKind.VETH), "mtu-mismatch"));

    private final ReadOnlyObjectProperty<Locale> locale;

    /** An English legend (pictures, tools). */
    public LegendView() {
        this(new ReadOnlyObjectWrapper<>(Locale.ENGLISH).getReadOnlyProperty());
    }

    /** A legend in the UI language, relabelled when it changes. */
    public LegendView(ReadOnlyObjectProperty<Locale> locale) {
        this.locale = locale;
        getStyleClass().add("legend");
        Label title = new Label();
        bind(title, "legend.title");
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

    private void bind(Label label, String key) {
        label.textProperty().bind(Bindings.createStringBinding(() -> PanelTexts.TEXTS.text(locale.get(), key), locale));
    }

    private Label text(Entry e) {
        Label l = new Label();
        bind(l, e.key());
        l.getStyleClass().add("legend-text");
        l.setAlignment(Pos.CENTER_LEFT);
        return l;
    }
}
