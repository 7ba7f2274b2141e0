package dev.netlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netlens.discovery.engine.DockerContexts;
import dev.netlens.testing.EngineTest;
import dev.netlens.testing.Lab;
import java.io.File;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** netlens export with --swarm and --context against the real lab. */
@EngineTest
class EngineReachAgainstLabTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path temp;
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CliRun.run(new StringWriter(), err, args);
    }

    private static List<String> endpoints(JsonNode snapshot) {
        return StreamSupport.stream(snapshot.get("hosts").spliterator(), false).map(h -> h.get("endpoint").asText()).sorted().toList();
    }

    @Test
    void swarmFromTheManagerAloneExportsBothNodesAndTheOverlayTunnel() throws Exception {
        Path out = temp.resolve("swarm.json");
        assertEquals(0, run("export", "-f", "json", "-o", out.toString(), "--swarm", Lab.ENGINE1), err.toString());
        JsonNode snapshot = JSON.readTree(out.toFile());
        assertEquals(List.of(Lab.NODE2, Lab.ENGINE1), endpoints(snapshot));
        assertTrue(StreamSupport.stream(snapshot.get("tunnels").spliterator(), false)
                .anyMatch(t -> t.get("networkName").asText().equals("lab-overlay")), snapshot.get("tunnels").toString());
        assertTrue(err.toString().contains("swarm node vm (198.18.0.2, worker, active, ready): " + Lab.NODE2), err.toString());
    }

    @Test
    void aWorkerGivenAsManagerIsOneLineAndNothingIsWritten() {
        Path out = temp.resolve("none.json");
        assertEquals(TopologySource.NO_ENGINE, run("export", "-f", "json", "-o", out.toString(), "--swarm", Lab.NODE2));
        assertTrue(err.toString().startsWith("netlens export: --swarm " + Lab.NODE2 + ": "), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertFalse(Files.exists(out));
    }

    @Test
    void anUnknownContextIsOneLine() {
        assertEquals(2, run("export", "-f", "json", "-o", temp.resolve("x.json").toString(), "--context", "nlreach-no-such-context"));
        assertTrue(err.toString().startsWith("netlens export: no docker context named 'nlreach-no-such-context'"), err.toString());
    }

    /** A docker context store in a temp DOCKER_CONFIG with one context, nlreach-node2, on node2's socket. */
    private Path contextStore() throws Exception {
        Path config = temp.resolve("docker-config");
        Path meta = Files.createDirectories(config.resolve("contexts/meta").resolve(DockerContexts.sha256("nlreach-node2")));
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"nlreach-node2\",\"Metadata\":{},\"Endpoints\":{\"docker\":"
                + "{\"Host\":\"" + Lab.NODE2 + "\",\"SkipTLSVerify\":false}}}");
        return config;
    }

    /** Runs netlens export in a JVM of its own, with that environment (DOCKER_CONFIG cannot be set in this one). */
    private JsonNode exportIn(Map<String, String> env, String... args) throws Exception {
        Path out = temp.resolve("export-" + System.nanoTime() + ".json");
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.netlens.Launcher", "export", "-f", "json", "-o", out.toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(temp.resolve("child.log").toFile());
        pb.environment().remove("DOCKER_HOST");
        pb.environment().remove("DOCKER_CONTEXT");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "export did not end");
        String log = Files.readString(temp.resolve("child.log"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), log);
        return JSON.readTree(out.toFile());
    }

    @Test
    void aContextOnNode2ReadsNode2WithItsKernelView() throws Exception {
        Path config = contextStore();
        JsonNode named = exportIn(Map.of("DOCKER_CONFIG", config.toString()), "--context", "nlreach-node2");
        assertEquals(List.of(Lab.NODE2), endpoints(named));
        assertTrue(named.get("hosts").get(0).get("kernelView").asBoolean());
        // The same context as the current one: DOCKER_CONTEXT, no option.
        JsonNode current = exportIn(Map.of("DOCKER_CONFIG", config.toString(), "DOCKER_CONTEXT", "nlreach-node2"));
        assertEquals(List.of(Lab.NODE2), endpoints(current));
        // DOCKER_HOST wins over the current context, as for the docker CLI.
        JsonNode host = exportIn(Map.of("DOCKER_CONFIG", config.toString(), "DOCKER_CONTEXT", "nlreach-node2",
                "DOCKER_HOST", Lab.ENGINE1));
        assertEquals(List.of(Lab.ENGINE1), endpoints(host));
    }
}
