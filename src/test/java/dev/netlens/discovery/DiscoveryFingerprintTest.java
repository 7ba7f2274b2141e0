package dev.netlens.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
        EngineApi engine = replay.engine(ENGINE1, (path, recorded) -> {
            if (!path.equals("/containers/json?all=1")) {
                return recorded;
            }
            try {
                return new ObjectMapper().readTree(containers.get());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
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
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        EngineApi engine = replay.engine(ENGINE1, (path, recorded) -> {
            asked.add(path);
            return recorded;
        });
        try (Discovery discovery = new Discovery(h -> engine, replay.commands(), replay.lister(), proc, Clock.systemUTC())) {
            String kernel = discovery.kernelFingerprint(List.of(ENGINE1));
            assertEquals(List.of(), asked);
            org.junit.jupiter.api.Assertions.assertTrue(kernel.contains("\nl "), "the engine namespace's links: " + kernel);
            org.junit.jupiter.api.Assertions.assertTrue(kernel.contains("\nf "), "the namespace files: " + kernel);
            assertEquals(kernel, discovery.kernelFingerprint(List.of(ENGINE1)));
        }
    }
}
