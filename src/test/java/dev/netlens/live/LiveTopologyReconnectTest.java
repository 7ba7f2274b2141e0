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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine going away and coming back, on the recorded lab scan. The engine's death is simulated
 * (its event stream ends, its API refuses): killing the real engine would take the lab down.
 */
class LiveTopologyReconnectTest {
    private static final Path SCAN = Path.of("src/test/resources/captures/scan-lab");
    private static final String ENGINE1 = "unix:///var/run/docker.sock";
    private static final String NODE2 = "unix:///run/node2/docker.sock";

    @TempDir
    Path temp;
    private final LinkedBlockingQueue<LiveUpdate> updates = new LinkedBlockingQueue<>();
    private final AtomicBoolean node2Up = new AtomicBoolean(true);
    private final Semaphore endNode2Stream = new Semaphore(0);
    private final AtomicInteger node2Connects = new AtomicInteger();

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
                endNode2Stream.acquire();
                return; // a normal end: the connection is gone
            }
            onConnected.run();
            Thread.sleep(Long.MAX_VALUE);
        }

        @Override
        public void closeAll() {
        }
    };

    private LiveUpdate await(Predicate<LiveUpdate> condition, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            LiveUpdate u = updates.poll(50, TimeUnit.MILLISECONDS);
            if (u != null && condition.test(u)) {
                return u;
            }
        }
        throw new AssertionError("no such update within " + millis + " ms");
    }

    @Test
    void vanishedEngineGoesStaleWithinASecondKeepsItsPictureAndComesBackByItself() throws Exception {
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
                     Clock.systemUTC(), updates::add)) {
            live.start();
            LiveUpdate full = await(u -> u.snapshot().hosts().size() == 2 && u.staleHosts().isEmpty(), 5000);
            int containers = full.snapshot().containers().size();

            node2Up.set(false);
            endNode2Stream.release();
            long lost = System.nanoTime();
            LiveUpdate stale = await(u -> u.staleHosts().contains(node2Host), 1000);
            assertTrue(System.nanoTime() - lost < TimeUnit.SECONDS.toNanos(1));
            assertEquals(containers, stale.snapshot().containers().size(), "the last picture is kept");
            // A refresh while it is down still keeps node2's last picture, marked stale.
            live.requestRefresh();
            LiveUpdate during = await(u -> u.failures().stream().anyMatch(f -> f.endpoint().equals(NODE2)), 2000);
            assertTrue(during.staleHosts().contains(node2Host));
            assertEquals(containers, during.snapshot().containers().size());

            node2Up.set(true);
            long back = System.nanoTime();
            LiveUpdate again = await(u -> u.staleHosts().isEmpty() && u.failures().isEmpty(), 5000);
            assertTrue(System.nanoTime() - back < TimeUnit.SECONDS.toNanos(4), "the first retries come within 3 s");
            assertTrue(node2Connects.get() >= 2);
            assertFalse(again.snapshot().hosts().isEmpty());
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
                     Clock.systemUTC(), updates::add)) {
            live.start();
            LiveUpdate update = await(u -> !u.failures().isEmpty(), 3000);
            assertTrue(update.snapshot().hosts().isEmpty(), update.snapshot().hosts().toString());
            assertEquals(nowhere, update.failures().get(0).endpoint());
            Thread.sleep(600);
            assertTrue(updates.stream().allMatch(u -> u.snapshot().hosts().isEmpty()), "no other engine was discovered");
        }
    }
}
