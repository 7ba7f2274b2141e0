package dev.netlens.ui.drivers;

import dev.netlens.drivers.Driver;
import dev.netlens.drivers.DriverCard;
import dev.netlens.drivers.DriverCards;
import dev.netlens.drivers.DriverMatrix;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoNode;
import dev.netlens.i18n.Texts;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Network;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.state.TopologyState;
import dev.netlens.ui.language.PanelTexts;
import dev.netlens.ui.language.UiLanguage;
import dev.netlens.ui.selection.SelectionModel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The driver tradeoffs panel's state: the comparison matrix and one card per driver in the UI
 * language, with live facts from the snapshot, and the driver of the network behind the canvas
 * selection (a network, its bridge or device, or a container by its first network) highlighted.
 */
public final class DriverPanelViewModel {
    private static final Texts T = PanelTexts.TEXTS;

    private final TopologyState state;
    private final SelectionModel selection;
    private final UiLanguage language;
    private final ReadOnlyObjectWrapper<Driver> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<DriverMatrix> matrix = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<DriverCard>> cards = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper selectionLine = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper cardsTitle = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper factsTitle = new ReadOnlyStringWrapper();

    /** The network the selection stands for, and its engine driver name (a plugin's too). */
    private record Picked(Network network, String driverName) {
    }

    private Picked picked;

    public DriverPanelViewModel(TopologyState state, SelectionModel selection, UiLanguage language) {
        this.state = state;
        this.selection = selection;
        this.language = language;
        state.frameProperty().addListener(o -> update());
        selection.selectedProperty().addListener(o -> update());
        language.localeProperty().addListener(o -> update());
        update();
    }

    private void update() {
        TopologySnapshot s = state.frame().snapshot();
        picked = pick(s, selection.selected()).orElse(null);
        Driver d = picked == null ? null : Driver.fromEngine(picked.driverName()).orElse(null);
        selected.set(d);
        Locale l = language.locale();
        TopologySnapshot facts = s.hosts().isEmpty() ? null : s;
        matrix.set(DriverMatrix.build(facts, l, d));
        cards.set(DriverCards.build(facts, l, d));
        title.set(T.text(l, "drv.title"));
        cardsTitle.set(T.text(l, "drv.cards"));
        factsTitle.set(T.text(l, "drv.facts"));
        if (picked == null) {
            selectionLine.set(T.text(l, "drv.selected.none"));
        } else if (d == null) {
            selectionLine.set(T.text(l, "drv.selected.plugin", picked.network().name(), picked.driverName()));
        } else {
            selectionLine.set(T.text(l, "drv.selected", picked.network().name(), d.engineName()));
        }
    }

    /** The network a vertex stands for: itself, the one its device implements, or a container's first. */
    private Optional<Picked> pick(TopologySnapshot s, String nodeId) {
        TopoNode n = nodeId == null ? null : state.frame().graph().node(nodeId).orElse(null);
        if (n == null) {
            return Optional.empty();
        }
        if (n.kind() == NodeKind.CONTAINER) {
            return container(s, n.ref(), 0);
        }
        if (n.kind() == NodeKind.NETWORK) {
            return network(s, n.host(), n.ref());
        }
        if (n.kind() == NodeKind.BRIDGE || n.kind() == NodeKind.INTERFACE) {
            Optional<Picked> device = s.networks().stream()
                    .filter(net -> n.ref().equals(net.bridge()) || n.ref().equals(net.parent()) || n.ref().equals(net.vxlan()))
                    .findFirst().map(net -> new Picked(net, net.driver()));
            if (device.isPresent()) {
                return device;
            }
        }
        for (String netId : n.networks()) {
            Optional<Picked> p = network(s, n.host(), netId);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private Optional<Picked> container(TopologySnapshot s, String id, int depth) {
        Container c = s.containers().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
        if (c == null || depth > 8) {
            return Optional.empty();
        }
        String mode = c.networkMode() == null ? "" : c.networkMode();
        if (Container.sharedNetworkRef(mode).isPresent()) {
            return s.networkOwner(c).flatMap(owner -> container(s, owner.id(), depth + 1));
        }
        for (var e : c.endpoints()) {
            Optional<Picked> p = network(s, c.host(), e.network());
            if (p.isPresent()) {
                return p;
            }
        }
        // host and none containers may come without endpoints: the mode names the network.
        return s.networks().stream().filter(net -> net.host().equals(c.host()) && net.name().equals(mode))
                .findFirst().map(net -> new Picked(net, net.driver()));
    }

    private static Optional<Picked> network(TopologySnapshot s, String host, String id) {
        return s.networks().stream().filter(net -> net.id().equals(id) && (host == null || net.host().equals(host)))
                .findFirst().map(net -> new Picked(net, net.driver()));
    }

    public ReadOnlyObjectProperty<Driver> selectedDriverProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DriverMatrix> matrixProperty() {
        return matrix.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<DriverCard>> cardsProperty() {
        return cards.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectionLineProperty() {
        return selectionLine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cardsTitleProperty() {
        return cardsTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty factsTitleProperty() {
        return factsTitle.getReadOnlyProperty();
    }
}
