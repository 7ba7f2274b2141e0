package dev.netlens.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.SnapshotValidator;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.testing.EngineTest;
import dev.netlens.testing.Lab;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A container started as docker compose starts one (its labels, a {@code <project>_default} network
 * with an explicit subnet in 100.80.0.0/16) is discovered with its grouping labels, and only those:
 * not its other labels, never its environment. Everything made here carries a label of this run and
 * is removed by that label after the test, whatever its outcome.
 */
@EngineTest
class GroupingLabelsAgainstEngineTest {
    private static final String TEST_LABEL = "netlens.test=grouping-labels";
    private final String suffix = Long.toString(System.nanoTime(), 36);
    private final String runLabel = "netlens.test.run=" + suffix;
    private final String project = "nlgroup" + suffix;
    private final String network = project + "_default";
    private final String name = project + "-web-1";

    @BeforeEach
    void makeNetwork() {
        // Several engineers share the engine: take a free /24, trying a few at random.
        RuntimeException last = null;
        for (int attempt = 0; attempt < 8; attempt++) {
            int third = ThreadLocalRandom.current().nextInt(1, 255);
            try {
                Lab.docker(Lab.ENGINE1, "network", "create", "--label", TEST_LABEL, "--label", runLabel,
                        "--label", "com.docker.compose.project=" + project, "--label", "com.docker.compose.network=default",
                        "--subnet", "100.80." + third + ".0/24", network);
                return;
            } catch (RuntimeException e) {
                last = e;
                if (!String.valueOf(e.getMessage()).contains("overlap")) {
                    throw e;
                }
            }
        }
        throw last;
    }

    @AfterEach
    void removeWhatThisRunMade() {
        List<String> errors = new ArrayList<>();
        try {
            String ids = Lab.docker(Lab.ENGINE1, "ps", "-aq", "--filter", "label=" + runLabel).strip();
            if (!ids.isEmpty()) {
                List<String> argv = new ArrayList<>(List.of("rm", "-f"));
                argv.addAll(List.of(ids.split("\\s+")));
                Lab.docker(Lab.ENGINE1, argv.toArray(String[]::new));
            }
        } catch (RuntimeException e) {
            errors.add(e.getMessage());
        }
        try {
            String nets = Lab.docker(Lab.ENGINE1, "network", "ls", "-q", "--filter", "label=" + runLabel).strip();
            if (!nets.isEmpty()) {
                List<String> argv = new ArrayList<>(List.of("network", "rm"));
                argv.addAll(List.of(nets.split("\\s+")));
                Lab.docker(Lab.ENGINE1, argv.toArray(String[]::new));
            }
        } catch (RuntimeException e) {
            errors.add(e.getMessage());
        }
        assertEquals(List.of(), errors, "clean-up of label " + runLabel);
    }

    @Test
    void composeLabelsAreDiscoveredAndNothingElse() throws Exception {
        String id = Lab.docker(Lab.ENGINE1, "run", "-d", "--name", name, "--network", network, "--network-alias", "web",
                "--label", TEST_LABEL, "--label", runLabel,
                "--label", "com.docker.compose.project=" + project,
                "--label", "com.docker.compose.service=web",
                "--label", "com.docker.compose.container-number=1",
                "--label", "com.docker.compose.oneoff=False",
                "--label", "com.docker.compose.config-hash=0123abcd",
                "--label", "org.example.owner=not-for-netlens",
                "--env", "NETLENS_TEST_SECRET=do-not-read-" + suffix,
                "netlens/busybox:lab", "sleep", "600").strip();

        TopologySnapshot snapshot;
        try (Discovery discovery = Discovery.local()) {
            DiscoveryResult result = discovery.discover(List.of(Lab.ENGINE1));
            assertEquals(List.of(), result.failures());
            snapshot = result.snapshot();
        }
        Container c = snapshot.containers().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        assertTrue(c.running(), c.state());
        assertEquals(Map.of("com.docker.compose.project", project, "com.docker.compose.service", "web"), c.labels());
        assertEquals(network, c.endpoints().get(0).networkName());
        assertTrue(c.endpoints().get(0).ipv4().startsWith("100.80."), c.endpoints().get(0).ipv4());

        // Containers of the lab carry no grouping label: they have none.
        assertTrue(snapshot.containers().stream().filter(x -> x.name().startsWith("lab-")).allMatch(x -> x.labels().isEmpty()));

        String json = SnapshotJson.toJson(snapshot);
        assertFalse(json.contains("do-not-read-" + suffix), "the environment never reaches the snapshot");
        assertFalse(json.contains("not-for-netlens"), "other labels never reach the snapshot");
        assertFalse(json.contains("0123abcd"), "other compose labels never reach the snapshot");
        assertEquals(List.of(), SnapshotValidator.problems(snapshot));
        assertEquals(snapshot, SnapshotJson.parse(json));
    }
}
