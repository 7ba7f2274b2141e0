package dev.netlens.ui.dns;

import dev.netlens.dns.ContainerNames;
import dev.netlens.dns.DnsName;
import dev.netlens.dns.DnsNames;
import dev.netlens.dns.NetworkNames;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoNode;
import dev.netlens.i18n.Texts;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.Network;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.state.TopologyState;
import dev.netlens.ui.language.PanelTexts;
import dev.netlens.ui.language.UiLanguage;
import dev.netlens.ui.selection.SelectionModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The service discovery panel's state: for the chosen network, the names the embedded DNS answers
 * there and why (or why none resolves); for a selected container, the names it can resolve on each of
 * its networks. The chosen network follows the canvas selection (a network, its bridge, or a
 * container's first network) and can be changed with the chooser.
 */
public final class DnsPanelViewModel {
    /** A network in the chooser. */
    public record NetworkChoice(String hostId, String networkId, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** One name as the table shows it, in the current language. */
    public record NameRow(String network, String name, String kind, String addresses, String why) {
    }

    private static final Texts T = PanelTexts.TEXTS;

    private final TopologyState state;
    private final SelectionModel selection;
    private final UiLanguage language;
    private final ObservableList<NetworkChoice> networks = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<NetworkChoice> network = new ReadOnlyObjectWrapper<>();
    private final ObservableList<NameRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper containerMode = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper noEmbeddedDns = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper why = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper placeholder = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper networkLabel = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper nameHeader = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper kindHeader = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper addressesHeader = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper whyHeader = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper networkHeader = new ReadOnlyStringWrapper();

    private NetworkNames networkNames;
    private ContainerNames containerNames;

    public DnsPanelViewModel(TopologyState state, SelectionModel selection, UiLanguage language) {
        this.state = state;
        this.selection = selection;
        this.language = language;
        state.frameProperty().addListener(o -> frameChanged());
        selection.selectedProperty().addListener(o -> selectionChanged());
        language.localeProperty().addListener(o -> render());
        frameChanged();
    }

    /** The chooser picked a network: show its names (leaving a container's view). */
    public void chooseNetwork(NetworkChoice choice) {
        if (choice == null) {
            return;
        }
        if (!choice.equals(network.get()) || containerNames != null) {
            network.set(choice);
            containerNames = null;
            compute();
        }
    }

    private void frameChanged() {
        TopologySnapshot s = snapshot();
        boolean multiHost = s.hosts().size() > 1;
        List<NetworkChoice> now = s.networks().stream()
                .sorted(Comparator.comparing(Network::host).thenComparing(Network::name))
                .map(n -> new NetworkChoice(n.host(), n.id(), multiHost ? n.name() + "  ·  " + hostName(s, n.host()) : n.name()))
                .toList();
        if (!networks.equals(now)) {
            networks.setAll(now);
        }
        if (network.get() == null || !now.contains(network.get())) {
            network.set(defaultChoice(s, now));
        }
        selectionChanged();
    }

    private void selectionChanged() {
        TopologySnapshot s = snapshot();
        String id = selection.selected();
        TopoNode n = id == null ? null : state.frame().graph().node(id).orElse(null);
        containerNames = null;
        if (n != null && n.kind() == NodeKind.CONTAINER) {
            containerNames = DnsNames.forContainer(s, n.ref()).orElse(null);
            n.networks().stream().map(net -> choice(n.host(), net)).filter(Objects::nonNull).findFirst()
                    .ifPresent(network::set);
        } else if (n != null) {
            networkOf(s, n).ifPresent(network::set);
        }
        compute();
    }

    /** The network a vertex stands for: itself, or the one its bridge or device carries. */
    private Optional<NetworkChoice> networkOf(TopologySnapshot s, TopoNode n) {
        if (n.kind() == NodeKind.NETWORK) {
            return Optional.ofNullable(choice(n.host(), n.ref()));
        }
        for (Network net : s.networks()) {
            if (n.ref().equals(net.bridge()) || n.ref().equals(net.parent())) {
                return Optional.ofNullable(choice(net.host(), net.id()));
            }
        }
        return n.networks().stream().map(net -> choice(n.host(), net)).filter(Objects::nonNull).findFirst();
    }

    private void compute() {
        NetworkChoice c = network.get();
        networkNames = c == null ? null : DnsNames.forNetwork(snapshot(), c.hostId(), c.networkId()).orElse(null);
        render();
    }

    private void render() {
        Locale l = language.locale();
        title.set(T.text(l, "dns.title"));
        networkLabel.set(T.text(l, "dns.network"));
        nameHeader.set(T.text(l, "dns.column.name"));
        kindHeader.set(T.text(l, "dns.column.kind"));
        addressesHeader.set(T.text(l, "dns.column.addresses"));
        whyHeader.set(T.text(l, "dns.column.why"));
        networkHeader.set(T.text(l, "dns.column.network"));
        containerMode.set(containerNames != null);
        noEmbeddedDns.set(containerNames != null ? containerNames.containerCase() != dev.netlens.dns.ContainerCase.EMBEDDED
                && containerNames.containerCase() != dev.netlens.dns.ContainerCase.SHARED
                : networkNames != null && !networkNames.resolution().embeddedDns());
        List<NameRow> out = new ArrayList<>();
        if (containerNames != null) {
            heading.set(T.text(l, "dns.container.title", containerNames.containerName()));
            why.set(containerNames.why().in(l));
            containerNames.networks().forEach(nn -> nn.names().forEach(d -> out.add(row(nn, d, l))));
            placeholder.set(T.text(l, "dns.placeholder.none"));
        } else if (networkNames != null) {
            heading.set(T.text(l, "dns.network.title", networkNames.networkName(), hostName(snapshot(), networkNames.hostId())));
            why.set(networkNames.why().in(l));
            networkNames.names().forEach(d -> out.add(row(networkNames, d, l)));
            placeholder.set(T.text(l, "dns.placeholder.none"));
        } else {
            heading.set("");
            why.set("");
            placeholder.set(T.text(l, "dns.placeholder.noNetwork"));
        }
        rows.setAll(out);
    }

    private static NameRow row(NetworkNames nn, DnsName d, Locale l) {
        return new NameRow(nn.networkName(), d.name(), d.kind().label().in(l), String.join(", ", d.addresses()), d.why().in(l));
    }

    /** With nothing selected: the first network where names resolve, so the panel opens on something to see. */
    private static NetworkChoice defaultChoice(TopologySnapshot s, List<NetworkChoice> choices) {
        for (NetworkChoice c : choices) {
            if (DnsNames.forNetwork(s, c.hostId(), c.networkId()).map(n -> !n.names().isEmpty()).orElse(false)) {
                return c;
            }
        }
        return choices.isEmpty() ? null : choices.get(0);
    }

    private NetworkChoice choice(String hostId, String networkId) {
        return networks.stream().filter(c -> c.hostId().equals(hostId) && c.networkId().equals(networkId))
                .findFirst().orElse(null);
    }

    private static String hostName(TopologySnapshot s, String hostId) {
        return s.hosts().stream().filter(h -> h.id().equals(hostId)).map(Host::name).findFirst().orElse(hostId);
    }

    private TopologySnapshot snapshot() {
        return state.frame().snapshot();
    }

    public ObservableList<NetworkChoice> networks() {
        return FXCollections.unmodifiableObservableList(networks);
    }

    public ReadOnlyObjectProperty<NetworkChoice> networkProperty() {
        return network.getReadOnlyProperty();
    }

    public ObservableList<NameRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** True while a container's names are shown (then rows carry their network). */
    public ReadOnlyBooleanProperty containerModeProperty() {
        return containerMode.getReadOnlyProperty();
    }

    /** True when the embedded DNS does not serve the shown network or container: the reason is the news. */
    public ReadOnlyBooleanProperty noEmbeddedDnsProperty() {
        return noEmbeddedDns.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty whyProperty() {
        return why.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty placeholderProperty() {
        return placeholder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty networkLabelProperty() {
        return networkLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nameHeaderProperty() {
        return nameHeader.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty kindHeaderProperty() {
        return kindHeader.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty addressesHeaderProperty() {
        return addressesHeader.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty whyHeaderProperty() {
        return whyHeader.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty networkHeaderProperty() {
        return networkHeader.getReadOnlyProperty();
    }
}
