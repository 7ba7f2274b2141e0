package dev.netlens.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.netlens.discovery.Discovery;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.testing.RefusingEngine;
import dev.netlens.testing.ScanReplay;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine going away and coming back, on the recorded lab scan. The engine's death is simulated
 * (its event stream ends, its API refuses): killing the real engine would take the lab down. Time
 * is the {@link ManualScheduler}'s: the back-off and debounce are stepped through, never waited for.
 */
class LiveTopologyReconnectTest {
    private static final Path SCAN = Path.of("src/test/resources/captures/scan-lab");
    private static final String ENGINE1 = "unix:///var/run/docker.sock";
    private static final String NODE2 = "unix:///run/node2/docker.sock";

    @TempDir
    Path temp;
    private final ManualScheduler scheduler = new ManualScheduler();
    private final LinkedBlockingDeque<LiveUpdate> updates = new LinkedBlockingDeque<>();
    private final AtomicBoolean node2Up = new AtomicBoolean(true);
    private final Semaphore endNode2Stream = new Semaphore(0);
    private final AtomicInteger node2Connects = new AtomicInteger();
    private final Semaphore connected = new Semaphore(0);

    /** Streams that stay open until told to end; node2 refuses to connect while it is down. */
    private final EngineEvents events = new EngineEvents() {
        @Override
        public void stream(String endpoint, Runnable onConnected, Consumer<JsonNode> onEvent) throws Exception {
            if (endpoint.equals(NODE2)) {
                if (!node2Up.get()) {
                    throw new java.io.IOException("connect: connection refused");
                }
                node2Connects.incrementAndGet();
                onConnected.run();
                connected.release();
                endNode2Stream.acquire();
                return; // a normal end: the connection is gone
            }
            onConnected.run();
            connected.release();
            Thread.sleep(Long.MAX_VALUE);
        }

        @Override
        public void closeAll() {
        }
    };

    /** Waits for the watcher threads to connect (a guard against a hang, not a measure of time). */
    private void awaitConnects(int count) throws InterruptedException {
        assertTrue(connected.tryAcquire(count, 20, TimeUnit.SECONDS), "the event streams connect");
    }

    @Test
    void vanishedEngineGoesStaleAtOnceKeepsItsPictureAndComesBackAtTheFirstRetry() throws Exception {
        ScanReplay replay = new ScanReplay(SCAN);
        Path proc = replay.proc(temp.resolve("proc"));
        TopologySnapshot recorded = SnapshotJson.read(SCAN.resolve("expected-snapshot.json"));
        String node2Host = recorded.hosts().stream().filter(h -> h.endpoint().equals(NODE2)).findFirst().orElseThrow().id();
        try (Discovery discovery = new Discovery(endpoint -> {
                    if (endpoint.equals(NODE2) && !node2Up.get()) {
                        return new RefusingEngine(endpoint);
                    }
                    return replay.engine(endpoint);
                }, replay.commands(), replay.lister(), proc, Clock.systemUTC());
             LiveTopology live = new LiveTopology(List.of(ENGINE1, NODE2), discovery, events, Duration.ofSeconds(30),
                     scheduler.clock(), scheduler, updates::add)) {
            live.start();
            awaitConnects(2);
            scheduler.advance(LiveTopology.DEBOUNCE);
            LiveUpdate full = updates.getLast();
            assertEquals(2, full.snapshot().hosts().size());
            assertTrue(full.staleHosts().isEmpty());
            int containers = full.snapshot().containers().size();

            node2Up.set(false);
            endNode2Stream.release();
            scheduler.awaitSleepers(1); // node2's watcher backs off
            scheduler.runDue();
            LiveUpdate stale = updates.getLast();
            assertTrue(stale.staleHosts().contains(node2Host), "stale before any time passed");
            assertEquals(containers, stale.snapshot().containers().size(), "the last picture is kept");
            // A refresh while it is down still keeps node2's last picture, marked stale.
            live.requestRefresh();
            scheduler.advance(LiveTopology.DEBOUNCE);
            LiveUpdate during = updates.getLast();
            assertTrue(during.failures().stream().anyMatch(f -> f.endpoint().equals(NODE2)), during.failures().toString());
            assertTrue(during.staleHosts().contains(node2Host));
            assertEquals(containers, during.snapshot().containers().size());

            node2Up.set(true);
            scheduler.advance(LiveTopology.FIRST_RETRY);
            awaitConnects(1);
            scheduler.advance(LiveTopology.DEBOUNCE);
            LiveUpdate again = updates.getLast();
            assertTrue(again.staleHosts().isEmpty() && again.failures().isEmpty(), again.failures().toString());
            assertEquals(2, node2Connects.get());
            assertEquals(2, again.snapshot().hosts().size());
        }
    }

    @Test
    void engineThatNeverAnswersYieldsFailuresAndNeverAnotherEngine() throws Exception {
        String nowhere = "unix:///run/netlens-no-such-engine.sock";
        EngineEvents refusing = new EngineEvents() {
            @Override
            public void stream(String endpoint, Runnable onConnected, Consumer<JsonNode> onEvent) throws Exception {
                throw new java.io.IOException("connect: no such file");
            }

            @Override
            public void closeAll() {
            }
        };
        ScanReplay replay = new ScanReplay(SCAN);
        Path proc = replay.proc(temp.resolve("proc"));
        // The connector would answer for the default engine: it must never be asked for it.
        try (Discovery discovery = new Discovery(endpoint -> endpoint == null ? replay.engine(ENGINE1) : new RefusingEngine(endpoint),
                replay.commands(), replay.lister(), proc, Clock.systemUTC());
             LiveTopology live = new LiveTopology(List.of(nowhere), discovery, refusing, Duration.ofMillis(200),
                     scheduler.clock(), scheduler, updates::add)) {
            live.start();
            scheduler.awaitSleepers(1);
            scheduler.advance(Duration.ofMillis(200).plus(LiveTopology.DEBOUNCE)); // the first tick's pass
            assertFalse(updates.isEmpty(), "the tick's pass published");
            LiveUpdate update = updates.getLast();
            assertTrue(update.snapshot().hosts().isEmpty(), update.snapshot().hosts().toString());
            assertEquals(nowhere, update.failures().get(0).endpoint());
            scheduler.advance(Duration.ofMillis(600)); // three more ticks
            assertTrue(updates.size() >= 4, "every tick tries again: " + updates.size());
            assertTrue(updates.stream().allMatch(u -> u.snapshot().hosts().isEmpty()), "no other engine was discovered");
        }
    }
}
