package dev.netlens.ui.status;

import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.concurrent.BackgroundExecutor;
import dev.netlens.ui.language.I18n;
import dev.netlens.ui.state.TopologyState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One line per host (what Netlens can and cannot see there) and the snapshot's origin. */
public final class StatusBarViewModel {
    /**
     * @param warning something is not visible; @param stale the engine stopped answering
     * @param helperOffer the button's text when a helper container may be offered for this host, else null
     */
    public record HostStatus(String hostId, String text, boolean warning, boolean stale, String endpoint,
            String helperOffer) {
        public HostStatus(String hostId, String text, boolean warning, boolean stale) {
            this(hostId, text, warning, stale, null, null);
        }
    }

    private static final java.time.format.DateTimeFormatter CLOCK =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneId.systemDefault());
    private final TopologyState state;
    private final ObservableList<HostStatus> hosts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("");
    /** One view, kept: a wrapper made per call listens weakly and would drop its listeners when collected. */
    private final ObservableList<HostStatus> hostsView = FXCollections.unmodifiableObservableList(hosts);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    /** Why the last helper request could not even be made (the engine's own refusals come in its host's line). */
    private final ReadOnlyStringWrapper helperProblem = new ReadOnlyStringWrapper();
    private KernelHelperOffer helperOffer;
    private BackgroundExecutor helperExecutor;
    private I18n i18n;
    /** Engines the user ran a helper on, with when: "reading" until a pass newer than that reads them. */
    private final Map<String, Instant> helperAsked = new HashMap<>();

    public StatusBarViewModel(TopologyState state) {
        this.state = state;
        state.frameProperty().addListener(o -> update());
        state.staleHostsProperty().addListener(o -> update());
        state.engineStatusProperty().addListener(o -> update());
        problem.bind(javafx.beans.binding.Bindings.createStringBinding(() -> state.problemProperty().get() != null
                ? state.problemProperty().get() : helperProblem.get(), state.problemProperty(), helperProblem));
        update();
    }

    /**
     * Offers a helper container for live engines whose kernel cannot be read (the live connection's
     * port). FX thread.
     *
     * @param executor where the port is called (never the FX thread)
     */
    public void offerKernelHelper(KernelHelperOffer offer, BackgroundExecutor executor, I18n texts) {
        this.helperOffer = offer;
        this.helperExecutor = executor;
        if (this.i18n == null) {
            texts.localeProperty().addListener(o -> update());
        }
        this.i18n = texts;
        update();
    }

    /**
     * Runs a helper container on this engine: call only after the user confirmed. The port is called
     * on the background executor; the host's line says the helper is reading until the next pass of
     * that engine, whose result (the kernel, or the helper's refusal) replaces it. FX thread.
     */
    public void runHelper(String endpoint) {
        if (helperOffer == null || helperAsked.containsKey(endpoint)) {
            return;
        }
        helperAsked.put(endpoint, Instant.now());
        helperProblem.set(null);
        update();
        helperExecutor.submit(() -> {
            helperOffer.runHelper(endpoint);
            return endpoint;
        }, done -> update(), failure -> {
            helperAsked.remove(endpoint);
            String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            helperProblem.set(i18n.get("helper.failed", endpoint, reason));
            update();
        });
    }

    /** The confirmation's texts for an engine, in the UI language: title, question, yes, no. */
    public List<String> helperQuestion(String endpoint) {
        return List.of(i18n.get("helper.confirm.title"), i18n.get("helper.confirm.text", endpoint),
                i18n.get("helper.confirm.yes"), i18n.get("helper.confirm.no"));
    }

    private void update() {
        TopologySnapshot s = state.frame().snapshot();
        List<HostStatus> out = new ArrayList<>();
        var refreshed = state.engineStatusProperty().get().lastRefreshed();
        boolean live = "live".equalsIgnoreCase(s.source());
        for (Host h : s.hosts()) {
            boolean stale = state.staleHostsProperty().get().contains(h.id());
            StringBuilder t = new StringBuilder(h.name());
            if (stale) {
                t.append(": not answering, last picture kept");
            } else {
                t.append(": engine ").append(h.engineVersion() == null ? "?" : h.engineVersion());
                t.append(h.kernelView() ? ", kernel view" : "");
            }
            if (refreshed.containsKey(h.endpoint())) {
                t.append(", refreshed ").append(CLOCK.format(refreshed.get(h.endpoint())));
            }
            Instant asked = helperAsked.get(h.endpoint());
            boolean reading = asked != null && !h.kernelView()
                    && (!refreshed.containsKey(h.endpoint()) || !refreshed.get(h.endpoint()).isAfter(asked));
            if (reading) {
                t.append("; ").append(i18n.get("helper.reading"));
            } else {
                // Discovery's reasons are whole sentences ("kernel view unavailable: not root ...").
                for (String m : h.missing()) {
                    t.append("; ").append(m);
                }
                if (!h.kernelView() && h.missing().isEmpty()) {
                    t.append("; kernel view unavailable");
                }
            }
            String offer = live && !stale && !h.kernelView() && asked == null && helperOffer != null && helperOffer.offers(h)
                    ? i18n.get("helper.offer", h.endpoint()) : null;
            out.add(new HostStatus(h.id(), t.toString(), !h.missing().isEmpty() || !h.kernelView(), stale,
                    h.endpoint(), offer));
        }
        for (String failure : state.engineStatusProperty().get().failures()) {
            out.add(new HostStatus(null, failure, true, false));
        }
        hosts.setAll(out);
        String src = s.source() == null ? "" : s.source().toLowerCase(Locale.ROOT);
        source.set(switch (src) {
            case "demo" -> "DEMO: built-in topology, no engine reachable";
            case "empty" -> "no picture yet: reading…";
            case "live" -> "live, captured " + s.capturedAt();
            default -> "snapshot " + (s.capturedAt() == null ? "" : s.capturedAt()) + " (" + src + ")";
        });
    }

    public boolean isDemo() {
        return "demo".equalsIgnoreCase(state.frame().snapshot().source());
    }

    public ObservableList<HostStatus> hosts() {
        return hostsView;
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
