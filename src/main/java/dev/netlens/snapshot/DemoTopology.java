package dev.netlens.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The built-in demo: a snapshot captured from a real two-engine swarm with every driver that works
 * there (see .ci/lab), shown when no engine is reachable and always labelled as a demo.
 */
public final class DemoTopology {
    static final String RESOURCE = "/dev/netlens/demo/demo-topology.json";

    private DemoTopology() {
    }

    public static TopologySnapshot load() {
        try (InputStream in = DemoTopology.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the demo topology is missing from this build");
            }
            return SnapshotJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).withSource("demo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidSnapshotException e) {
            throw new IllegalStateException("the built-in demo topology is invalid: " + e.getMessage(), e);
        }
    }
}
