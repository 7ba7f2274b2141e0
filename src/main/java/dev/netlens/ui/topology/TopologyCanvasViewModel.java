package dev.netlens.ui.topology;

import dev.netlens.graph.Detail;
import dev.netlens.graph.Fact;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.graph.ViewFilter;
import dev.netlens.ui.state.TopologyFrame;
import dev.netlens.ui.state.TopologyState;
import dev.netlens.ui.selection.SelectionModel;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the topology canvas, free of scene-graph nodes: what is visible under the filters, what
 * lies on the selected vertex's path, and where the view was asked to centre. The view renders it.
 */
public final class TopologyCanvasViewModel {
    /** A request to bring a vertex to the middle of the canvas; seq makes repeated requests distinct. */
    public record CentreRequest(String id, long seq) {
    }

    private final TopologyState state;
    private final SelectionModel selection;
    private final BooleanProperty hideStopped = new SimpleBooleanProperty(false);
    private final BooleanProperty hideSystem = new SimpleBooleanProperty(false);
    private final ObjectProperty<String> onlyNetwork = new SimpleObjectProperty<>();
    private final ObjectProperty<String> onlyHost = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Set<String>> visible = new ReadOnlyObjectWrapper<>(Set.of());
    /** Ids a presentation reveal step shows (vertices and links), or null for no reveal. */
    private final ObjectProperty<Set<String>> revealMask = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Set<String>> path = new ReadOnlyObjectWrapper<>(Set.of());
    private final ReadOnlyObjectWrapper<CentreRequest> centre = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Set<String>> ruleMatch = new ReadOnlyObjectWrapper<>(Set.of());
    private final ObjectProperty<TraceMarks> trace = new SimpleObjectProperty<>(TraceMarks.NONE);
    private final ObservableList<String> networkNames = FXCollections.observableArrayList();
    private final ObservableList<String> hostIds = FXCollections.observableArrayList();
    private long centreSeq;

    public TopologyCanvasViewModel(TopologyState state, SelectionModel selection) {
        this.state = state;
        this.selection = selection;
        state.frameProperty().addListener((o, a, b) -> frameChanged());
        hideStopped.addListener(o -> refilter());
        hideSystem.addListener(o -> refilter());
        onlyNetwork.addListener(o -> refilter());
        onlyHost.addListener(o -> refilter());
        revealMask.addListener(o -> refilter());
        selection.selectedProperty().addListener(o -> repath());
        frameChanged();
    }

    private void frameChanged() {
        TopologyGraph g = graph();
        Set<String> nets = new TreeSet<>();
        Set<String> hosts = new TreeSet<>();
        for (TopoNode n : g.nodes()) {
            if (n.kind() == NodeKind.NETWORK) {
                nets.add(n.label());
            } else if (n.kind() == NodeKind.HOST) {
                hosts.add(n.ref());
            }
        }
        if (!networkNames.equals(List.copyOf(nets))) {
            networkNames.setAll(nets);
        }
        if (!hostIds.equals(List.copyOf(hosts))) {
            hostIds.setAll(hosts);
        }
        if (selection.selected() != null && g.node(selection.selected()).isEmpty()) {
            selection.clear();
        }
        refilter();
        repath();
    }

    private void refilter() {
        Set<String> mask = revealMask.get();
        visible.set(Set.copyOf(mask == null ? filter().visible(graph())
                : filter().visible(graph()).stream().filter(mask::contains).toList()));
    }

    /** Whether a link may be drawn under the reveal step (its ends must be visible too). */
    public boolean linkRevealed(String linkId) {
        Set<String> mask = revealMask.get();
        return mask == null || mask.contains(linkId);
    }

    public ObjectProperty<Set<String>> revealMaskProperty() {
        return revealMask;
    }

    private void repath() {
        String id = selection.selected();
        path.set(id == null ? Set.of() : Set.copyOf(graph().pathFrom(id)));
    }

    public ViewFilter filter() {
        return new ViewFilter(hideStopped.get(), onlyNetwork.get(), onlyHost.get(), hideSystem.get());
    }

    /**
     * Finds a container, network, interface or address (exact name first, then a prefix, then a
     * substring; addresses match without their prefix length), selects it and asks to centre it.
     */
    public Optional<String> search(String query) {
        if (query == null || query.isBlank()) {
            return Optional.empty();
        }
        String q = query.trim().toLowerCase(Locale.ROOT);
        TopologyGraph g = graph();
        Optional<TopoNode> hit = g.nodes().stream()
                .filter(n -> !n.kind().isBox() || n.kind() == NodeKind.HOST)
                .filter(n -> score(n, q) > 0)
                .max(Comparator.comparingInt((TopoNode n) -> score(n, q)).thenComparing(n -> -kindRank(n)));
        hit.ifPresent(n -> {
            String target = g.representative(n.id());
            selection.select(target);
            centreOn(target);
        });
        return hit.map(n -> g.representative(n.id()));
    }

    private static int kindRank(TopoNode n) {
        return switch (n.kind()) {
            case CONTAINER -> 0;
            case NETWORK -> 1;
            case BRIDGE -> 2;
            case INTERFACE -> 3;
            default -> 4;
        };
    }

    private static int score(TopoNode n, String q) {
        String label = n.label().toLowerCase(Locale.ROOT);
        if (label.equals(q)) {
            return 100;
        }
        for (Detail d : n.details()) {
            if (d.value() == null) {
                continue;
            }
            for (String part : d.value().toLowerCase(Locale.ROOT).split("[ ,]+")) {
                if (part.equals(q) || part.startsWith(q + "/")) {
                    // An address, with or without its prefix length: the interface holding it wins
                    // over the container whose endpoint lists it.
                    return d.fact() == Fact.ADDRESSES ? 95 : 90;
                }
            }
        }
        if (label.startsWith(q)) {
            return 50;
        }
        return label.contains(q) ? 20 : 0;
    }

    /**
     * Lights up the vertices a firewall rule applies to (the {@code :rule-match} pseudo-class), apart
     * from the selection's path; an empty set clears it. Vertices no longer in the graph are dropped.
     */
    public void highlightRuleMatch(Set<String> ids) {
        TopologyGraph g = graph();
        ruleMatch.set(ids.stream().filter(id -> g.node(id).isPresent()).collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    public void clearRuleMatch() {
        ruleMatch.set(Set.of());
    }

    public ReadOnlyObjectProperty<Set<String>> ruleMatchProperty() {
        return ruleMatch.getReadOnlyProperty();
    }

    /** A packet trace drawn on the canvas ({@link TraceMarks#NONE}: none). */
    public ObjectProperty<TraceMarks> traceProperty() {
        return trace;
    }

    public void centreOn(String id) {
        centre.set(new CentreRequest(id, ++centreSeq));
    }

    private static final java.util.Set<Fact> TOOLTIP_FACTS = java.util.EnumSet.of(Fact.KIND, Fact.ADDRESSES, Fact.MTU,
            Fact.IMAGE, Fact.STATE, Fact.NETWORK_MODE, Fact.VETH_PEER, Fact.MASTER, Fact.PARENT, Fact.VNI,
            Fact.PUBLISHED_PORT, Fact.UNDERLAY);

    /** A few lines for the hover tooltip. */
    public String tooltip(String id) {
        return graph().node(id).map(n -> {
            StringBuilder b = new StringBuilder(n.label());
            for (Detail d : n.details()) {
                if (d.value() != null && !d.value().isEmpty() && TOOLTIP_FACTS.contains(d.fact())) {
                    b.append('\n').append(d.name()).append(": ").append(d.value());
                }
            }
            return b.toString();
        }).orElse("");
    }

    public TopologyGraph graph() {
        return state.frame().graph();
    }

    public ReadOnlyObjectProperty<TopologyFrame> frameProperty() {
        return state.frameProperty();
    }

    public ReadOnlyObjectProperty<Set<String>> staleHostsProperty() {
        return state.staleHostsProperty();
    }

    public SelectionModel selection() {
        return selection;
    }

    public BooleanProperty hideStoppedProperty() {
        return hideStopped;
    }

    public BooleanProperty hideSystemProperty() {
        return hideSystem;
    }

    public ObjectProperty<String> onlyNetworkProperty() {
        return onlyNetwork;
    }

    public ObjectProperty<String> onlyHostProperty() {
        return onlyHost;
    }

    public ReadOnlyObjectProperty<Set<String>> visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Set<String>> pathProperty() {
        return path.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CentreRequest> centreProperty() {
        return centre.getReadOnlyProperty();
    }

    public ObservableList<String> networkNames() {
        return FXCollections.unmodifiableObservableList(networkNames);
    }

    public ObservableList<String> hostIds() {
        return FXCollections.unmodifiableObservableList(hostIds);
    }
}
