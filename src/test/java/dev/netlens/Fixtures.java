package dev.netlens;

import dev.netlens.snapshot.InvalidSnapshotException;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.TopologySnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Recorded snapshots under src/test/resources/snapshots. */
public final class Fixtures {
    public static final String SWARM = "swarm-two-hosts.json";
    public static final String SWARM_AFTER = "swarm-two-hosts-after.json";
    public static final String LAB = "lab.json";

    private Fixtures() {
    }

    public static TopologySnapshot load(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/snapshots/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return SnapshotJson.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidSnapshotException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean exists(String name) {
        return Fixtures.class.getResource("/snapshots/" + name) != null;
    }

    /** Every recorded whole-lab snapshot: the hand-made one, and the real capture once it is there. */
    public static List<String> recorded() {
        List<String> out = new ArrayList<>(List.of(SWARM));
        if (exists(LAB)) {
            out.add(LAB);
        }
        return out;
    }
}
