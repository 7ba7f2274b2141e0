package dev.netlens.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.discovery.engine.EngineApi;
import dev.netlens.logging.Logs;
import dev.netlens.testing.ScanReplay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bug of ours while reading an engine is told as an internal error with the log file, not blamed on the address. */
class DiscoveryInternalErrorTest {
    private static final Path SCAN = Path.of("src/test/resources/captures/scan-lab");
    private static final String ENGINE1 = "unix:///var/run/docker.sock";

    @TempDir
    Path temp;

    @AfterEach
    void quietAgain() {
        System.clearProperty(Logs.FILE_PROPERTY);
        Logs.configure(false);
    }

    private Discovery withParserBug() throws Exception {
        System.setProperty(Logs.FILE_PROPERTY, temp.resolve("log/netlens.log").toString());
        Logs.configure(false);
        ScanReplay replay = new ScanReplay(SCAN);
        Path proc = replay.proc(temp.resolve("proc"));
        EngineApi engine = replay.engine(ENGINE1, (path, recorded) -> {
            if (path.startsWith("/networks")) {
                throw new IllegalStateException("parser bug: unexpected token");
            }
            return recorded;
        });
        return new Discovery(h -> engine, replay.commands(), replay.lister(), proc, Clock.systemUTC());
    }

    @Test
    void aRuntimeExceptionWhileReadingIsAnInternalErrorNamingTheLogFile() throws Exception {
        try (Discovery discovery = withParserBug()) {
            List<EngineFailure> failures = discovery.discover(List.of(ENGINE1)).failures();
            assertEquals(1, failures.size());
            EngineFailure f = failures.get(0);
            assertTrue(f.internal());
            assertTrue(f.message().startsWith("internal error while reading " + ENGINE1 + ": parser bug: unexpected token; details in "),
                    f.message());
            assertFalse(f.message().contains("cannot use this engine address"), f.message());
            Path log = temp.resolve("log/netlens.log");
            assertTrue(f.message().endsWith(log.toString()), f.message());
            String logged = Files.readString(log);
            assertTrue(logged.contains("internal error while reading " + ENGINE1) && logged.contains("IllegalStateException"), logged);
        }
    }

    @Test
    void theIncrementalPassSaysTheSame() throws Exception {
        try (Discovery discovery = withParserBug()) {
            List<EngineFailure> failures = discovery.refresh(null, List.of(ENGINE1), Map.of()).result().failures();
            assertTrue(failures.get(0).internal());
            assertTrue(failures.get(0).message().startsWith("internal error while reading "), failures.get(0).message());
        }
    }

    @Test
    void aMalformedAddressIsStillTheAddresssFault() {
        try (Discovery discovery = new Discovery(h -> {
            throw new IllegalArgumentException("unsupported protocol scheme: foo");
        }, null, null, temp, Clock.systemUTC())) {
            EngineFailure f = discovery.discover(List.of("foo://x")).failures().get(0);
            assertFalse(f.internal());
            assertEquals("cannot use this engine address: unsupported protocol scheme: foo", f.message());
        }
    }
}
