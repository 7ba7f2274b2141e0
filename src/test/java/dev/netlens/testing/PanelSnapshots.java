package dev.netlens.testing;

import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.InvalidSnapshotException;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.TopologySnapshot;
import java.nio.file.Path;

/** The snapshots the side panels are tested on, read the way the application reads a saved file. */
public final class PanelSnapshots {
    /** Real: two engines on one machine, every driver that works here (.ci/lab/topology-up.sh). */
    public static final Path SCAN_LAB = Path.of("src/test/resources/captures/scan-lab/expected-snapshot.json");
    /** Hand-made: two swarm nodes, appnet with an MTU mismatch, host/none containers without endpoints. */
    public static final Path SWARM = Path.of("src/test/resources/snapshots/swarm-two-hosts.json");

    private PanelSnapshots() {
    }

    public static TopologySnapshot scanLab() {
        return read(SCAN_LAB);
    }

    public static TopologySnapshot swarm() {
        return read(SWARM);
    }

    public static TopologySnapshot read(Path path) {
        try {
            return SnapshotJson.read(path);
        } catch (InvalidSnapshotException e) {
            throw new AssertionError(path + " does not read", e);
        }
    }

    /** The id of the lab host reached at an endpoint: ids are hashes that change when the lab is rebuilt. */
    public static String hostAt(TopologySnapshot s, String endpoint) {
        return s.hosts().stream().filter(h -> h.endpoint().equals(endpoint)).findFirst()
                .orElseThrow(() -> new AssertionError("no host at " + endpoint)).id();
    }

    public static final String ENGINE1 = "unix:///var/run/docker.sock";
    public static final String NODE2 = "unix:///run/node2/docker.sock";

    public static Container container(TopologySnapshot s, String name) {
        return s.containers().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    public static dev.netlens.snapshot.Network network(TopologySnapshot s, String host, String name) {
        return s.networks().stream().filter(n -> n.host().equals(host) && n.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no network " + name + " on " + host));
    }
}
