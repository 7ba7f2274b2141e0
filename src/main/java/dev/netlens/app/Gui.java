package dev.netlens.app;

import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.DiscoveryResult;
import dev.netlens.discovery.engine.EngineEndpoints;
import dev.netlens.snapshot.DemoTopology;
import dev.netlens.snapshot.InvalidSnapshotException;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.TopologySnapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Starts the window: on a snapshot file, or on live engines (the demo while none answers). */
public final class Gui {
    private Gui() {
    }

    /** @return a process exit status when the window could not be opened; 0 once it has closed */
    public static int start(List<String> hosts, String snapshotFile, Duration resync, PrintWriter err) {
        if (snapshotFile != null) {
            Path path = Path.of(snapshotFile);
            try {
                SnapshotJson.readFile(path);
            } catch (InvalidSnapshotException e) {
                err.println("netlens: " + e.getMessage());
                return 2;
            }
            // The window opens it like File > Open: saved positions reused, marked as a snapshot.
            NetlensApp.initialSnapshot(() -> null);
            NetlensApp.onStarted(window -> window.files().open(path));
            NetlensApp.launch();
            return 0;
        }
        List<String> endpoints = hosts.isEmpty() ? List.of(EngineEndpoints.resolve(null)) : hosts;
        Discovery discovery = Discovery.local();
        // The first pass runs before the window exists, off the FX thread, so it opens on a real picture.
        DiscoveryResult first = discovery.discover(endpoints);
        Instant firstRead = Instant.now();
        TopologySnapshot initial = first.snapshot().hosts().isEmpty() ? DemoTopology.load() : first.snapshot();
        try (LiveConnection live = new LiveConnection(endpoints, discovery, resync, initial)) {
            NetlensApp.initialSnapshot(() -> initial);
            NetlensApp.onStarted(window -> {
                live.attach(window, first.failures(), firstRead);
                window.installLab(new ClassroomLabActions(endpoints.get(0)));
            });
            NetlensApp.launch();
        }
        return 0;
    }
}
