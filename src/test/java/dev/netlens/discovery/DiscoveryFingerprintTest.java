package dev.netlens.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netlens.discovery.engine.EngineApi;
import dev.netlens.testing.ScanReplay;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resync fingerprint: equal for the same engine state whatever order the engine lists it in. */
class DiscoveryFingerprintTest {
    private static final Path SCAN = Path.of("src/test/resources/captures/scan-lab");
    private static final String ENGINE1 = "unix:///var/run/docker.sock";

    @TempDir
    Path temp;

    @Test
    void sameContainersInAnotherOrderGiveTheSameFingerprintAndANewOneAnother() throws Exception {
        ScanReplay replay = new ScanReplay(SCAN);
        Path proc = replay.proc(temp.resolve("proc"));
        AtomicReference<String> containers = new AtomicReference<>(
                "[{\"Id\":\"a\",\"State\":\"running\"},{\"Id\":\"b\",\"State\":\"exited\"}]");
        EngineApi recorded = replay.engine(ENGINE1);
        EngineApi engine = new EngineApi() {
            @Override
            public JsonNode get(String path) throws dev.netlens.discovery.engine.EngineApiException,
                    dev.netlens.discovery.engine.EngineUnreachableException {
                if (path.equals("/containers/json?all=1")) {
                    try {
                        return new ObjectMapper().readTree(containers.get());
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return recorded.get(path);
            }

            @Override
            public String endpoint() {
                return ENGINE1;
            }

            @Override
            public void close() {
            }
        };
        try (Discovery discovery = new Discovery(h -> engine, replay.commands(), replay.lister(), proc, Clock.systemUTC())) {
            String first = discovery.fingerprint(List.of(ENGINE1));
            containers.set("[{\"Id\":\"b\",\"State\":\"exited\"},{\"Id\":\"a\",\"State\":\"running\"}]");
            assertEquals(first, discovery.fingerprint(List.of(ENGINE1)));
            containers.set("[{\"Id\":\"b\",\"State\":\"running\"},{\"Id\":\"a\",\"State\":\"running\"}]");
            assertNotEquals(first, discovery.fingerprint(List.of(ENGINE1)));
        }
    }

    @Test
    void kernelFingerprintAsksTheEngineForNoListAndStillSeesTheEngineNamespace() throws Exception {
        ScanReplay replay = new ScanReplay(SCAN);
        Path proc = replay.proc(temp.resolve("proc"));
        EngineApi recorded = replay.engine(ENGINE1);
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        EngineApi engine = new EngineApi() {
            @Override
            public JsonNode get(String path) throws dev.netlens.discovery.engine.EngineApiException,
                    dev.netlens.discovery.engine.EngineUnreachableException {
                asked.add(path);
                return recorded.get(path);
            }

            @Override
            public String endpoint() {
                return ENGINE1;
            }

            @Override
            public void close() {
            }
        };
        try (Discovery discovery = new Discovery(h -> engine, replay.commands(), replay.lister(), proc, Clock.systemUTC())) {
            String kernel = discovery.kernelFingerprint(List.of(ENGINE1));
            assertEquals(List.of(), asked);
            org.junit.jupiter.api.Assertions.assertTrue(kernel.contains("\nl "), "the engine namespace's links: " + kernel);
            org.junit.jupiter.api.Assertions.assertTrue(kernel.contains("\nf "), "the namespace files: " + kernel);
            assertEquals(kernel, discovery.kernelFingerprint(List.of(ENGINE1)));
        }
    }
}
