package dev.netlens.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.netlens.discovery.Discovery;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.testing.ScanReplay;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which pass an event brings, on the recorded lab: incremental for what events name, full otherwise. */
class LiveTopologyIncrementalTest {
    private static final Path SCAN = Path.of("src/test/resources/captures/scan-lab");
    private static final String ENGINE1 = "unix:///var/run/docker.sock";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    private final ManualScheduler scheduler = new ManualScheduler();
    private final LinkedBlockingQueue<LiveUpdate> updates = new LinkedBlockingQueue<>();
    private final Semaphore connected = new Semaphore(0);
    /** The stream's event callback: the test raises events on its own thread, in order. */
    private volatile Consumer<JsonNode> emit;

    private final EngineEvents events = new EngineEvents() {
        @Override
        public void stream(String endpoint, Runnable onConnected, Consumer<JsonNode> onEvent) throws Exception {
            emit = onEvent;
            onConnected.run();
            connected.release();
            Thread.sleep(Long.MAX_VALUE);
        }

        @Override
        public void closeAll() {
        }
    };

    private static JsonNode event(String type, String action, String id) {
        ObjectNode e = JSON.createObjectNode();
        e.put("Type", type).put("Action", action);
        e.putObject("Actor").put("ID", id);
        return e;
    }

    @Test
    void containerEventsBringIncrementalPassesACreateWaitsForItsStartAndAnUnknownEventAFullPass() throws Exception {
        ScanReplay replay = new ScanReplay(SCAN);
        Path proc = replay.proc(temp.resolve("proc"));
        TopologySnapshot recorded = SnapshotJson.read(SCAN.resolve("expected-snapshot.json"));
        String bridgeA = recorded.containers().stream().filter(c -> c.name().equals("lab-bridge-a")).findFirst()
                .orElseThrow().id();
        try (Discovery discovery = new Discovery(replay::engine, replay.commands(), replay.lister(), proc, Clock.systemUTC());
             LiveTopology live = new LiveTopology(List.of(ENGINE1), discovery, events, Duration.ofMinutes(10),
                     scheduler.clock(), scheduler, updates::add)) {
            live.start();
            assertTrue(connected.tryAcquire(20, TimeUnit.SECONDS), "the event stream connects");
            scheduler.advance(LiveTopology.DEBOUNCE);
            assertEquals(1, live.scanCounts()[0], "the first, full pass");
            LiveUpdate first = updates.poll();
            assertTrue(first != null && !first.snapshot().containers().isEmpty());

            emit.accept(event("container", "restart", bridgeA));
            scheduler.advance(LiveTopology.DEBOUNCE);
            assertEquals(1, live.scanCounts()[1], "an incremental pass for a container event");
            assertEquals(1, live.scanCounts()[0], "no full pass for it");

            // docker run: create, connect, start within a few hundred ms make one pass, not one per event.
            emit.accept(event("container", "create", "0123456789abcdef"));
            ObjectNode connect = (ObjectNode) event("network", "connect", "some-network");
            ((ObjectNode) connect.get("Actor")).putObject("Attributes").put("container", "0123456789abcdef");
            emit.accept(connect);
            scheduler.advance(Duration.ofMillis(150));
            assertEquals(1, live.scanCounts()[1], "the create waits for its start");
            emit.accept(event("container", "start", "0123456789abcdef"));
            scheduler.advance(LiveTopology.DEBOUNCE);
            assertEquals(2, live.scanCounts()[1], "one pass for the whole docker run");
            scheduler.advance(LiveTopology.CREATE_GRACE.plusMillis(200));
            assertEquals(2, live.scanCounts()[1], "no pass of the create's own afterwards");

            emit.accept(event("plugin", "enable", "x"));
            scheduler.advance(LiveTopology.DEBOUNCE);
            assertEquals(2, live.scanCounts()[0], "a full pass for an event that names no container or network");
        }
    }
}
