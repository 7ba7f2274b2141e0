package dev.netlens.app;

import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.DiscoveryResult;
import dev.netlens.discovery.EngineFailure;
import dev.netlens.discovery.engine.TlsFiles;
import dev.netlens.discovery.helper.KernelOptions;
import dev.netlens.reach.EngineChoice;
import dev.netlens.reach.EngineDirectory;
import dev.netlens.reach.ReachProblem;
import dev.netlens.snapshot.DemoTopology;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.concurrent.TaskControl;
import dev.netlens.ui.engines.EngineSwitch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The window's live engines, one {@link LiveConnection} at a time: the engines the command line (or
 * the remembered choice) names at start, and those chosen later in the Engines dialog. Both go the
 * same way: one discovery pass with a discovery of their own, then a live connection on it. A new
 * choice replaces the connection only once one of its engines was read.
 */
final class LiveEngines implements EngineSwitch, AutoCloseable {
    private final KernelOptions kernel;
    private final TlsFiles tls;
    private final Duration resync;
    private final EngineDirectory directory;
    private final AtomicReference<LiveConnection> connection = new AtomicReference<>();
    private volatile List<EngineChoice> shown = List.of();
    private volatile boolean closed;
    private MainWindow window;

    /** A first pass over some engines, and the discovery that made it (the live connection's from then on). */
    record Pass(List<String> endpoints, Discovery discovery, DiscoveryResult result, Instant at) {
    }

    LiveEngines(KernelOptions kernel, TlsFiles tls, Duration resync, EngineDirectory directory) {
        this.kernel = kernel;
        this.tls = tls;
        this.resync = resync;
        this.directory = directory;
    }

    /** A discovery as the command line's options ask (--kernel, --kernel-helper, the TLS files). */
    Discovery newDiscovery() {
        return Discovery.local(kernel, tls);
    }

    /** One full pass; blocks (off the FX thread). */
    static Pass read(List<String> endpoints, Discovery discovery) {
        DiscoveryResult result = discovery.discover(endpoints);
        return new Pass(List.copyOf(endpoints), discovery, result, Instant.now());
    }

    /**
     * FX thread, once the window is up: shows the start's engines live, the demo while none answers.
     *
     * @param pass the first pass, or null when it failed with {@code error}
     * @param extraFailures lines to show beside the pass's own (a remembered context that is gone)
     */
    void start(MainWindow window, List<String> endpoints, Discovery discovery, List<EngineChoice> choices, Pass pass,
            Throwable error, List<EngineFailure> extraFailures) {
        this.window = window;
        this.shown = List.copyOf(choices);
        List<EngineFailure> failures = new ArrayList<>(extraFailures);
        failures.addAll(pass != null ? pass.result().failures()
                : List.of(EngineFailure.internalError(endpoints.get(0), error.getCause() != null ? error.getCause() : error)));
        TopologySnapshot initial = pass == null || pass.result().snapshot().hosts().isEmpty()
                ? DemoTopology.load() : pass.result().snapshot();
        connect(endpoints, discovery, initial, failures, pass == null ? Instant.now() : pass.at());
    }

    private void connect(List<String> endpoints, Discovery discovery, TopologySnapshot initial, List<EngineFailure> failures,
            Instant at) {
        LiveConnection next = new LiveConnection(endpoints, discovery, resync, initial);
        LiveConnection before = connection.getAndSet(next);
        if (before != null) {
            before.close(); // its queued updates are dropped: it is closed before the new picture is shown
        }
        window.setStaleHosts(Set.of());
        window.showLive(initial);
        next.attach(window, failures, at);
    }

    @Override
    public List<EngineChoice> shown() {
        return shown;
    }

    @Override
    public Prepared prepare(List<EngineChoice> choices, TaskControl control) throws Exception {
        LinkedHashSet<String> endpoints = new LinkedHashSet<>();
        for (EngineChoice choice : choices) {
            endpoints.add(directory.endpoint(choice)); // the reason of the first unusable one, in one line
        }
        control.checkCancelled();
        Discovery discovery = newDiscovery();
        Pass pass;
        try {
            pass = read(List.copyOf(endpoints), discovery);
            control.checkCancelled();
        } catch (RuntimeException e) {
            discovery.close();
            throw e;
        }
        List<String> failures = pass.result().failures().stream().map(f -> f.internal() ? f.message()
                : f.endpoint() + ": " + f.message()).toList();
        if (pass.result().snapshot().hosts().isEmpty()) {
            discovery.close();
            throw new ReachProblem(ReachProblem.Kind.UNREACHABLE, failures.isEmpty() ? String.join(", ", endpoints)
                    : failures.get(0));
        }
        return new Prepared() {
            @Override
            public List<String> endpoints() {
                return pass.endpoints();
            }

            @Override
            public List<String> failures() {
                return failures;
            }

            @Override
            public void apply() {
                if (closed || window == null) {
                    discovery.close();
                    return;
                }
                shown = List.copyOf(choices);
                connect(pass.endpoints(), discovery, pass.result().snapshot(), pass.result().failures(), pass.at());
            }

            @Override
            public void discard() {
                discovery.close();
            }
        };
    }

    /** The engines watched now (tests). */
    List<String> endpoints() {
        LiveConnection c = connection.get();
        return c == null ? List.of() : c.endpoints();
    }

    @Override
    public void close() {
        closed = true;
        LiveConnection c = connection.getAndSet(null);
        if (c != null) {
            c.close(); // closes its discovery too
        }
    }
}
