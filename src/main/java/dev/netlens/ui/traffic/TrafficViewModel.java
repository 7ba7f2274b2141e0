package dev.netlens.ui.traffic;

import dev.netlens.graph.LinkKind;
import dev.netlens.graph.TopoLink;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.snapshot.Host;
import dev.netlens.traffic.InterfaceRate;
import dev.netlens.traffic.LinkRate;
import dev.netlens.traffic.LinkRates;
import dev.netlens.traffic.RateSampler;
import dev.netlens.traffic.RateSnapshot;
import dev.netlens.ui.state.TopologyFrame;
import dev.netlens.ui.state.TopologyState;
import dev.netlens.ui.language.UiLanguage;
import dev.netlens.ui.selection.SelectionModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.prefs.Preferences;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rates the sampler hands over, for the window (FX thread): each drawn link's rate for the
 * canvas, the selection's interfaces with their sparklines, the busiest links, a status line (off,
 * waiting for a second sample, unavailable and why), and the reveal step's caption. Rates are shown
 * for the live picture only: a snapshot file's interfaces are not the ones being sampled. The
 * sampling interval (null: off) is remembered in {@link Preferences}.
 */
public final class TrafficViewModel {
    /** The View menu's choices, in seconds. */
    public static final List<Integer> INTERVALS = List.of(1, 2, 5, 10);
    static final String KEY = "traffic.intervalSeconds";
    static final int BUSIEST = 15;
    private static final int LINES = 12;
    private final TopologyState state;
    private final SelectionModel selection;
    private final UiLanguage language;
    private final Preferences prefs;
    private final ObjectProperty<Duration> interval = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Map<String, LinkRate>> linkRates = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyObjectWrapper<RateSnapshot> latest = new ReadOnlyObjectWrapper<>(RateSnapshot.EMPTY);
    private final ObservableList<BusyLink> busiest = FXCollections.observableArrayList();
    private final ObservableList<InterfaceLine> selected = FXCollections.observableArrayList();
    // One read-only view each, kept: a view listens to its list weakly, so a view made per call loses its listeners.
    private final ObservableList<BusyLink> busiestView = FXCollections.unmodifiableObservableList(busiest);
    private final ObservableList<InterfaceLine> selectedView = FXCollections.unmodifiableObservableList(selected);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private LinkRates links;
    private TopologyFrame linksOf;

    /** @param prefs where the interval is remembered, or null for nowhere */
    public TrafficViewModel(TopologyState state, SelectionModel selection, UiLanguage language, Preferences prefs) {
        this.state = state;
        this.selection = selection;
        this.language = language;
        this.prefs = prefs;
        int stored = prefs == null ? (int) RateSampler.DEFAULT_INTERVAL.toSeconds()
                : prefs.getInt(KEY, (int) RateSampler.DEFAULT_INTERVAL.toSeconds());
        interval.set(stored > 0 ? Duration.ofSeconds(stored) : null);
        interval.addListener((o, a, b) -> {
            if (prefs != null) {
                prefs.putInt(KEY, b == null ? 0 : (int) b.toSeconds());
            }
            latest.set(RateSnapshot.EMPTY); // rates of the old interval no longer stand
            update();
        });
        selection.selectedProperty().addListener(o -> updateSelected());
        state.frameProperty().addListener(o -> update());
        language.localeProperty().addListener(o -> update());
        update();
    }

    /** One tick's rates (FX thread). */
    public void accept(RateSnapshot rates) {
        latest.set(interval.get() == null ? RateSnapshot.EMPTY : rates);
        update();
    }

    private boolean live() {
        String source = state.frame().snapshot().source();
        return source == null || source.equals("live");
    }

    private LinkRates links() {
        TopologyFrame f = state.frame();
        if (links == null || linksOf != f) {
            links = LinkRates.of(f.graph(), f.snapshot());
            linksOf = f;
        }
        return links;
    }

    private void update() {
        RateSnapshot r = latest.get();
        Map<String, LinkRate> rates = live() && interval.get() != null ? links().rates(r) : Map.of();
        linkRates.set(rates);
        TopologyGraph g = state.frame().graph();
        List<BusyLink> rows = new ArrayList<>();
        for (LinkRate l : LinkRates.busiest(rates, BUSIEST)) {
            TopoLink link = g.link(l.linkId()).orElse(null);
            if (link != null) {
                rows.add(new BusyLink(l.linkId(), "if:" + l.interfaceId(), label(g, link.source()) + " ↔ " + label(g, link.target()),
                        text("traffic.rate", RateFormat.bytes(l.bytesPerSecond())), l.troubled()));
            }
        }
        busiest.setAll(rows);
        status.set(statusText(r, rates));
        caption.set(captionText(rates));
        updateSelected();
    }

    private String statusText(RateSnapshot r, Map<String, LinkRate> rates) {
        if (interval.get() == null) {
            return text("traffic.status.off");
        }
        if (!live()) {
            return text("traffic.status.file");
        }
        List<String> lines = new ArrayList<>();
        for (Host h : state.frame().snapshot().hosts()) {
            String why = r.unavailable().get(h.id());
            if (why != null) {
                lines.add(text("traffic.status.unavailable", h.name(), why));
            }
        }
        if (r.sequence() < 2) {
            lines.add(0, text("traffic.status.waiting", interval.get().toSeconds()));
        } else {
            lines.add(0, text("traffic.status.on", interval.get().toSeconds(), LinkRates.busiest(rates, Integer.MAX_VALUE).size()));
        }
        return String.join("\n", lines);
    }

    private String captionText(Map<String, LinkRate> rates) {
        if (interval.get() == null) {
            return text("step.traffic", text("step.traffic.off"));
        }
        List<LinkRate> busy = LinkRates.busiest(rates, Integer.MAX_VALUE);
        if (busy.isEmpty()) {
            return text("step.traffic", text("step.traffic.quiet"));
        }
        TopologyGraph g = state.frame().graph();
        LinkRate top = busy.get(0);
        String name = g.link(top.linkId()).map(l -> label(g, l.source()) + " ↔ " + label(g, l.target())).orElse(top.linkId());
        return text("step.traffic", text("step.traffic.busiest", busy.size(), name,
                text("traffic.rate", RateFormat.bytes(top.bytesPerSecond()))));
    }

    private void updateSelected() {
        String id = selection.selected();
        TopologyGraph g = state.frame().graph();
        if (id == null || g.node(id).isEmpty() || !live()) {
            selected.clear();
            return;
        }
        RateSnapshot r = latest.get();
        List<InterfaceLine> lines = new ArrayList<>();
        for (String iface : interfacesOf(g, id)) {
            InterfaceRate rate = r.rate(iface);
            String shown = null;
            String detail = "";
            if (rate != null && !rate.known()) {
                shown = text("traffic.rate.unknown");
            } else if (rate != null) {
                shown = text("traffic.rate", RateFormat.bytes(rate.bytesPerSecond()));
                detail = text("traffic.rate.detail", RateFormat.bytes(rate.rxBytesPerSecond()),
                        RateFormat.bytes(rate.txBytesPerSecond()), Math.round(rate.packetsPerSecond()));
                if (rate.dropsRose() > 0) {
                    detail += "  " + text("traffic.drops", rate.dropsRose());
                }
                if (rate.errorsRose() > 0) {
                    detail += "  " + text("traffic.errors", rate.errorsRose());
                }
            }
            lines.add(new InterfaceLine(iface, label(g, "if:" + iface), shown, detail, r.series(iface),
                    rate != null && rate.troubled()));
            if (lines.size() == LINES) {
                break;
            }
        }
        selected.setAll(lines);
    }

    /** The interfaces of a vertex: itself, those drawn inside it, or those its links lead to (a container's). */
    static List<String> interfacesOf(TopologyGraph g, String id) {
        Set<String> out = new LinkedHashSet<>();
        if (id.startsWith("if:")) {
            out.add(id.substring(3));
        }
        for (String d : g.descendants(id)) {
            if (d.startsWith("if:")) {
                out.add(d.substring(3));
            }
        }
        for (TopoLink l : g.linksOf(id)) {
            if (l.kind() == LinkKind.ENDPOINT || l.kind() == LinkKind.NETWORK_DEVICE) {
                String other = l.source().equals(id) ? l.target() : l.source();
                if (other.startsWith("if:")) {
                    out.add(other.substring(3));
                }
            }
        }
        return List.copyOf(out);
    }

    private static String label(TopologyGraph g, String vertex) {
        return g.node(vertex).map(TopoNode::label).orElse(vertex);
    }

    private String text(String key, Object... args) {
        return TrafficTexts.TEXTS.text(language.locale(), key, args);
    }

    /** Selects the interface a busy link's rate was read on. */
    public void select(BusyLink row) {
        selection.select(row.vertexId());
    }

    /** The sampling interval, null when off; remembered. */
    public ObjectProperty<Duration> intervalProperty() {
        return interval;
    }

    public ReadOnlyObjectProperty<Map<String, LinkRate>> linkRatesProperty() {
        return linkRates.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RateSnapshot> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    public ObservableList<BusyLink> busiest() {
        return busiestView;
    }

    public ObservableList<InterfaceLine> selected() {
        return selectedView;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The reveal's traffic step caption, in the UI language. */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    public UiLanguage language() {
        return language;
    }
}
