package dev.netlens.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.engine.EngineApi;
import dev.netlens.testing.ScanReplay;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resync timer rediscovers only when the cheap fingerprint changed (on the recorded lab): a new
 * namespace file, which no engine event announces, brings a full pass; the engine's lists are not
 * even asked for (its event stream reports their changes).
 */
class LiveTopologyResyncTest {
    private static final Path SCAN = Path.of("src/test/resources/captures/scan-lab");
    private static final String ENGINE1 = "unix:///var/run/docker.sock";

    @TempDir
    Path temp;

    @Test
    void unchangedEngineIsNotRediscoveredAtEveryTickButAChangeIs() throws Exception {
        ScanReplay replay = new ScanReplay(SCAN);
        Path proc = replay.proc(temp.resolve("proc"));
        AtomicInteger fullPasses = new AtomicInteger();
        AtomicInteger listsAsked = new AtomicInteger();
        AtomicBoolean changed = new AtomicBoolean();
        EngineApi engine = replay.engine(ENGINE1, (path, recorded) -> {
            if (path.equals("/info")) {
                fullPasses.incrementAndGet(); // only a full pass asks for /info
            }
            if (path.equals("/containers/json?all=1")) {
                listsAsked.incrementAndGet();
            }
            return recorded;
        });
        ManualScheduler scheduler = new ManualScheduler();
        Semaphore connected = new Semaphore(0);
        EngineEvents quiet = new EngineEvents() {
            @Override
            public void stream(String endpoint, Runnable onConnected, Consumer<JsonNode> onEvent) throws Exception {
                onConnected.run();
                connected.release();
                Thread.sleep(Long.MAX_VALUE);
            }

            @Override
            public void closeAll() {
            }
        };
        dev.netlens.discovery.kernel.NamespaceLister recordedFiles = replay.lister();
        dev.netlens.discovery.kernel.NamespaceLister files = dir -> {
            List<Path> listed = new java.util.ArrayList<>(recordedFiles.list(dir));
            if (changed.get() && !listed.isEmpty()) {
                listed.add(dir.resolve("0123456789ab")); // a sandbox made without an event we saw
            }
            return listed;
        };
        try (Discovery discovery = new Discovery(h -> engine, replay.commands(), files, proc, Clock.systemUTC());
             LiveTopology live = new LiveTopology(List.of(ENGINE1), discovery, quiet, Duration.ofMillis(100),
                     scheduler.clock(), scheduler, u -> { })) {
            live.start();
            assertTrue(connected.tryAcquire(20, TimeUnit.SECONDS), "the event stream connects");
            scheduler.advance(LiveTopology.DEBOUNCE);
            assertEquals(1, fullPasses.get(), "the first, full pass");
            scheduler.advance(Duration.ofMillis(1200));
            assertEquals(1, fullPasses.get(), "twelve quiet ticks, no other full pass");
            assertEquals(1, listsAsked.get(), "the ticks do not list the engine's containers: only the full pass does");
            changed.set(true);
            scheduler.advance(Duration.ofMillis(100).plus(LiveTopology.DEBOUNCE));
            assertEquals(2, fullPasses.get(), "the next tick's changed fingerprint brings a full pass");
        }
    }
}
