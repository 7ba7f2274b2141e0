package dev.netlens.app;

import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.EngineFailure;
import dev.netlens.live.DockerEngineEvents;
import dev.netlens.live.LiveTopology;
import dev.netlens.live.LiveUpdate;
import dev.netlens.live.SnapshotChange;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.state.EngineStatus;
import dev.netlens.ui.MainWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;

/**
 * Connects the window to live engines: each update from {@link LiveTopology} (made on its own
 * thread) is moved to the FX thread, and a snapshot is handed to the window only when the
 * topology changed. The demo stays up until an engine answers.
 */
final class LiveConnection implements AutoCloseable {
    private final List<String> endpoints;
    private final Discovery discovery;
    private final Duration resync;
    private volatile TopologySnapshot shown;
    private volatile boolean demoShown;
    private volatile boolean closed;
    private LiveTopology live;
    private volatile dev.netlens.traffic.RateSampler rates;
    /** The latest rates not yet shown: ticks coalesce when the FX thread is slow, never queue up. */
    private final java.util.concurrent.atomic.AtomicReference<dev.netlens.traffic.RateSnapshot> ratesPending =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** The window's sampling interval and this connection's listener on it (removed at close). */
    private javafx.beans.value.ObservableValue<Duration> intervalOf;
    private javafx.beans.value.ChangeListener<Duration> intervalListener;

    LiveConnection(List<String> endpoints, Discovery discovery, Duration resync, TopologySnapshot initial) {
        this.endpoints = List.copyOf(endpoints);
        this.discovery = discovery;
        this.resync = resync;
        this.shown = initial;
        this.demoShown = "demo".equals(initial.source());
    }

    /** The engines this connection watches. */
    List<String> endpoints() {
        return endpoints;
    }

    /** Called on the FX thread once the window is up. */
    void attach(MainWindow window, List<EngineFailure> firstFailures, Instant firstRead) {
        window.state().setEngineStatus(status(firstFailures, demoShown ? Map.of() : refreshedNow(firstRead)));
        // "Refresh counters": one host's firewall read again by discovery, on the panel's background executor.
        window.setFirewallRefresh(host -> discovery.readFirewall(host.endpoint()));
        live = new LiveTopology(endpoints, discovery, new DockerEngineEvents(), resync, Clock.systemUTC(),
                update -> onUpdate(window, update));
        live.start();
        window.offerKernelHelper(new LiveHelperOffer(discovery, live));
        startRates(window);
    }

    /**
     * Samples interface counters of the live picture's namespaces at the interval the window sets
     * (its View menu; off stops it), and hands the rates to the window. Stops with the connection.
     */
    private void startRates(MainWindow window) {
        rates = new dev.netlens.traffic.RateSampler(new dev.netlens.traffic.CounterReader(
                new dev.netlens.discovery.kernel.ProcessCommandRunner(Duration.ofSeconds(5)), java.nio.file.Path.of("/proc")),
                r -> {
                    if (ratesPending.getAndSet(r) == null) {
                        Platform.runLater(() -> {
                            dev.netlens.traffic.RateSnapshot latest = ratesPending.getAndSet(null);
                            if (!closed && latest != null) {
                                window.showRates(latest);
                            }
                        });
                    }
                });
        if (!demoShown) {
            rates.setTopology(shown);
        }
        intervalListener = (o, a, b) -> rates.setInterval(b);
        intervalOf = window.traffic().intervalProperty();
        intervalOf.addListener(intervalListener); // taken off at close: a later connection has its own
        rates.setInterval(window.traffic().intervalProperty().get());
    }

    private void onUpdate(MainWindow window, LiveUpdate update) {
        TopologySnapshot next = update.snapshot();
        boolean publish = !next.hosts().isEmpty() && !SnapshotChange.sameTopology(shown, next);
        if (publish) {
            shown = next;
            demoShown = false;
        }
        if (rates != null && !next.hosts().isEmpty()) {
            rates.setTopology(next); // the namespaces to sample: the latest pass's, even when the picture did not change
        }
        EngineStatus status = status(update.failures(), update.lastRefreshed());
        Platform.runLater(() -> {
            if (closed) {
                return; // the window may be gone: an update queued before close is dropped
            }
            if (publish) {
                window.showLive(next);
            } else if (!next.hosts().isEmpty()) {
                window.showFirewallCounters(next); // same topology, newer counters
            }
            if (!window.files().showingFile()) {
                window.setStaleHosts(update.staleHosts()); // a file on screen has no live engines
            }
            window.state().setEngineStatus(status);
        });
    }

    private Map<String, Instant> refreshedNow(Instant at) {
        return shown.hosts().stream().collect(java.util.stream.Collectors.toMap(h -> h.endpoint(), h -> at, (a, b) -> a));
    }

    static EngineStatus status(List<EngineFailure> failures, Map<String, Instant> refreshed) {
        return new EngineStatus(failures.stream()
                .map(f -> f.internal() ? f.message() : f.endpoint() + ": " + f.message()).toList(), refreshed);
    }

    @Override
    public void close() {
        closed = true;
        if (intervalOf != null) {
            intervalOf.removeListener(intervalListener);
        }
        if (rates != null) {
            rates.close();
        }
        if (live != null) {
            live.close();
        }
        discovery.close();
    }
}
