package dev.netlens.cli;

import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.DiscoveryResult;
import dev.netlens.discovery.EngineFailure;
import dev.netlens.discovery.engine.TlsFiles;
import dev.netlens.discovery.helper.KernelOptions;
import dev.netlens.discovery.swarm.SwarmHosts;
import dev.netlens.snapshot.InvalidSnapshotException;
import dev.netlens.snapshot.SnapshotFile;
import dev.netlens.snapshot.SnapshotJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a headless command's topology comes from: a saved snapshot, else one discovery pass over the
 * engines given. Failures are told on standard error in one line each, prefixed with the command.
 */
final class TopologySource {
    /** Exit status for an unreadable snapshot file. */
    static final int BAD_FILE = 2;
    /** Exit status when no engine could be read. */
    static final int NO_ENGINE = 3;
    /** Exit status for a wrong option value. */
    static final int USAGE = 2;

    /** The topology read, or the exit status to end with (the reason already told). */
    record Loaded(SnapshotFile file, int status) {
        boolean failed() {
            return file == null;
        }
    }

    private TopologySource() {
    }

    static Loaded load(Path snapshotFile, List<String> hosts, PrintWriter err, String command) {
        return load(snapshotFile, hosts, null, null, err, command);
    }

    /**
     * @param access --kernel, --kernel-helper and TLS files, or null for the defaults
     * @param reach --context and --swarm, or null for the hosts alone
     */
    static Loaded load(Path snapshotFile, List<String> hosts, EngineAccessFlags access, EngineReachOptions reach,
            PrintWriter err, String command) {
        if (snapshotFile != null) {
            try {
                return new Loaded(SnapshotJson.readFile(snapshotFile), 0);
            } catch (InvalidSnapshotException e) {
                err.println(command + ": " + e.getMessage());
                return new Loaded(null, BAD_FILE);
            }
        }
        EngineReachOptions.Engines engines;
        try {
            engines = reach == null ? new EngineReachOptions.Engines(List.copyOf(hosts), List.of())
                    : reach.resolve(hosts, err, command);
        } catch (EngineReachOptions.Refused e) {
            return new Loaded(null, e.status);
        }
        DiscoveryResult result;
        KernelOptions kernel = access == null ? KernelOptions.DEFAULT : access.kernelOptions(err, command, err);
        TlsFiles tls = access == null ? TlsFiles.NONE : access.tls(err, command);
        if (kernel == null || tls == null) {
            return new Loaded(null, USAGE);
        }
        try (Discovery discovery = Discovery.local(kernel, tls)) {
            result = discovery.discover(engines.hosts());
        }
        for (EngineFailure failure : result.failures()) {
            err.println(command + ": " + (failure.internal() ? failure.message()
                    : "engine " + failure.endpoint() + " skipped: " + failure.message()));
        }
        if (kernel.helperWanted()) {
            // Asked for the kernel view: an engine that still has none says why, in one line.
            result.snapshot().hosts().stream().filter(h -> !h.kernelView() && !h.missing().isEmpty())
                    .forEach(h -> err.println(command + ": engine " + h.endpoint() + ": " + h.missing().get(0)));
        }
        if (result.snapshot().hosts().isEmpty()) {
            err.println(command + ": no engine could be read; nothing written");
            return new Loaded(null, NO_ENGINE);
        }
        // Swarm nodes that could not be read are drawn, each with its reason.
        var snapshot = SwarmHosts.withUnreachable(result.snapshot(), engines.swarm(), result.failures());
        return new Loaded(new SnapshotFile(snapshot, Map.of()), 0);
    }
}
