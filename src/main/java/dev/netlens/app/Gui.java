package dev.netlens.app;

import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.EngineFailure;
import dev.netlens.discovery.engine.EngineEndpoints;
import dev.netlens.reach.ChosenEngines;
import dev.netlens.reach.DockerEngineDirectory;
import dev.netlens.reach.EngineChoice;
import dev.netlens.reach.EngineDirectory;
import dev.netlens.reach.ReachProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import dev.netlens.snapshot.InvalidSnapshotException;
import dev.netlens.snapshot.SnapshotFile;
import dev.netlens.snapshot.SnapshotJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/** Starts the window: on a snapshot file, or on live engines (the demo while none answers). */
public final class Gui {
    private Gui() {
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
            return launch(err);
        }
        DockerEngineDirectory directory = DockerEngineDirectory.fromEnvironment(tls);
        ChosenEngines remembered = ChosenEngines.forUser();
        List<EngineChoice> choices = new ArrayList<>();
        List<EngineFailure> unusable = new ArrayList<>();
        List<String> endpoints = startEngines(hosts, directory, remembered.load(), choices, unusable);
        LiveEngines engines = new LiveEngines(kernel, tls, resync, directory);
        Discovery discovery = engines.newDiscovery();
        // The first pass runs on its own thread while JavaFX starts: the window opens at once ("no
        // picture yet") and shows the engines when the pass is done, instead of after it.
        CompletableFuture<LiveEngines.Pass> first = CompletableFuture.supplyAsync(() -> LiveEngines.read(endpoints, discovery),
                runnable -> {
                    Thread t = new Thread(runnable, "netlens-first-pass");
                    t.setDaemon(true);
                    t.start();
                });
        AtomicBoolean started = new AtomicBoolean();
        AtomicBoolean closed = new AtomicBoolean();
        NetlensApp.initialSnapshot(() -> null);
        NetlensApp.onStarted(window -> first.whenComplete((pass, error) -> Platform.runLater(() -> {
            if (closed.get()) {
                return;
            }
            started.set(true);
            engines.start(window, endpoints, discovery, choices, pass, error, unusable);
            window.installLab(new ClassroomLabActions(endpoints.get(0)));
            window.installEngineChooser(directory, engines, remembered);
        })));
        try {
            return launch(err);
        } finally {
            closed.set(true);
            engines.close(); // the live connection, and its discovery
            if (!started.get()) {
                discovery.close();
            }
        }
    }

    /** Opens the window and returns once it has closed (0), or says why none can be opened here. */
    private static int launch(PrintWriter err) {
        try {
            NetlensApp.launch();
            return 0;
        } catch (RuntimeException e) {
            String why = WindowStartFailure.explain(e).orElseThrow(() -> e);
            err.println("netlens: cannot open a window: " + why);
            err.flush();
            return WindowStartFailure.STATUS;
        }
    }

    /**
     * The engines the window opens on: those of the command line; with none, the engines chosen last
     * in the Engines dialog (unless DOCKER_HOST is set: it wins, as over the docker CLI's current
     * context); else DOCKER_HOST, the current docker context or the local socket.
     *
     * @param choices filled with how the engines were chosen (the dialog checks them)
     * @param unusable filled with a line for each remembered choice that is no longer usable
     */
    static List<String> startEngines(List<String> hosts, EngineDirectory directory, List<EngineChoice> remembered,
            List<EngineChoice> choices, List<EngineFailure> unusable) {
        return startEngines(hosts, directory, remembered, System.getenv("DOCKER_HOST"), choices, unusable);
    }

    static List<String> startEngines(List<String> hosts, EngineDirectory directory, List<EngineChoice> remembered,
            String dockerHost, List<EngineChoice> choices, List<EngineFailure> unusable) {
        if (!hosts.isEmpty()) {
            hosts.forEach(h -> choices.add(EngineChoice.host(h)));
            return List.copyOf(hosts);
        }
        LinkedHashSet<String> endpoints = new LinkedHashSet<>();
        if (dockerHost == null || dockerHost.isBlank()) {
            for (EngineChoice choice : remembered) {
                try {
                    endpoints.add(directory.endpoint(choice));
                    choices.add(choice);
                } catch (ReachProblem e) {
                    unusable.add(new EngineFailure(choice.value(), "remembered engine not used: " + e.getMessage()));
                }
            }
        }
        if (endpoints.isEmpty()) {
            String endpoint = EngineEndpoints.resolve(null);
            choices.add(EngineChoice.host(endpoint));
            endpoints.add(endpoint);
        }
        return List.copyOf(endpoints);
    }
}
