package dev.netlens.app;

import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.DiscoveryResult;
import dev.netlens.discovery.EngineFailure;
import dev.netlens.discovery.engine.EngineEndpoints;
import dev.netlens.snapshot.DemoTopology;
import dev.netlens.snapshot.InvalidSnapshotException;
import dev.netlens.snapshot.SnapshotFile;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.TopologySnapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;

/** Starts the window: on a snapshot file, or on live engines (the demo while none answers). */
public final class Gui {
    private Gui() {
    }

    /** The first discovery pass and when it was done. */
    private record FirstPass(DiscoveryResult result, Instant at) {
    }

    /** @return a process exit status when the window could not be opened; 0 once it has closed */
    public static int start(List<String> hosts, String snapshotFile, Duration resync, PrintWriter err) {
        return start(hosts, snapshotFile, resync, err, dev.netlens.discovery.helper.KernelOptions.DEFAULT,
                dev.netlens.discovery.engine.TlsFiles.NONE);
    }

    /** As above, reading engine kernels as {@code kernel} says (--kernel, --kernel-helper) over {@code tls}. */
    public static int start(List<String> hosts, String snapshotFile, Duration resync, PrintWriter err,
            dev.netlens.discovery.helper.KernelOptions kernel, dev.netlens.discovery.engine.TlsFiles tls) {
        if (snapshotFile != null) {
            Path path = Path.of(snapshotFile);
            SnapshotFile read;
            try {
                read = SnapshotJson.readFile(path);
            } catch (InvalidSnapshotException e) {
                err.println("netlens: " + e.getMessage());
                return 2;
            }
            // The window shows it like File > Open: saved positions reused, marked as a snapshot.
            NetlensApp.initialSnapshot(() -> null);
            NetlensApp.onStarted(window -> window.files().opened(path, read));
            NetlensApp.launch();
            return 0;
        }
        List<String> endpoints = hosts.isEmpty() ? List.of(EngineEndpoints.resolve(null)) : hosts;
        Discovery discovery = Discovery.local(kernel, tls);
        // The first pass runs on its own thread while JavaFX starts: the window opens at once ("no
        // picture yet") and shows the engines when the pass is done, instead of after it.
        CompletableFuture<FirstPass> first = CompletableFuture.supplyAsync(() -> {
            DiscoveryResult result = discovery.discover(endpoints);
            return new FirstPass(result, Instant.now());
        }, runnable -> {
            Thread t = new Thread(runnable, "netlens-first-pass");
            t.setDaemon(true);
            t.start();
        });
        AtomicReference<LiveConnection> live = new AtomicReference<>();
        AtomicBoolean closed = new AtomicBoolean();
        NetlensApp.initialSnapshot(() -> null);
        NetlensApp.onStarted(window -> first.whenComplete((pass, error) -> Platform.runLater(() -> {
            if (closed.get()) {
                return;
            }
            List<EngineFailure> failures = pass != null ? pass.result().failures()
                    : List.of(EngineFailure.internalError(endpoints.get(0), error.getCause() != null ? error.getCause() : error));
            TopologySnapshot initial = pass == null || pass.result().snapshot().hosts().isEmpty()
                    ? DemoTopology.load() : pass.result().snapshot();
            LiveConnection connection = new LiveConnection(endpoints, discovery, resync, initial);
            live.set(connection);
            window.showLive(initial);
            connection.attach(window, failures, pass == null ? Instant.now() : pass.at());
            window.installLab(new ClassroomLabActions(endpoints.get(0)));
        })));
        try {
            NetlensApp.launch();
        } finally {
            closed.set(true);
            LiveConnection connection = live.get();
            if (connection != null) {
                connection.close(); // closes the discovery too
            } else {
                discovery.close();
            }
        }
        return 0;
    }
}
