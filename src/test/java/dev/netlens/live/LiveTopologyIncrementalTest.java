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
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
    private final LinkedBlockingQueue<JsonNode> toSend = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<LiveUpdate> updates = new LinkedBlockingQueue<>();

    private final EngineEvents events = new EngineEvents() {
        @Override
        public void stream(String endpoint, Runnable onConnected, Consumer<JsonNode> onEvent) throws Exception {
            onConnected.run();
            while (true) {
                onEvent.accept(toSend.take());
            }
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

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 5 s: " + what);
            }
            Thread.sleep(20);
        }
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
                     Clock.systemUTC(), updates::add)) {
            live.start();
            await(() -> live.scanCounts()[0] == 1, "the first, full pass");
            LiveUpdate first = updates.poll(5, TimeUnit.SECONDS);
            assertTrue(first != null && !first.snapshot().containers().isEmpty());

            toSend.add(event("container", "restart", bridgeA));
            await(() -> live.scanCounts()[1] == 1, "an incremental pass for a container event");
            assertEquals(1, live.scanCounts()[0], "no full pass for it");

            // docker run: create, connect, start within a few hundred ms make one pass, not one per event.
            toSend.add(event("container", "create", "0123456789abcdef"));
            ObjectNode connect = (ObjectNode) event("network", "connect", "some-network");
            ((ObjectNode) connect.get("Actor")).putObject("Attributes").put("container", "0123456789abcdef");
            toSend.add(connect);
            Thread.sleep(150);
            assertEquals(1, live.scanCounts()[1], "the create waits for its start");
            toSend.add(event("container", "start", "0123456789abcdef"));
            await(() -> live.scanCounts()[1] == 2, "one pass for the whole docker run");
            Thread.sleep(LiveTopology.CREATE_GRACE.toMillis() + 200);
            assertEquals(2, live.scanCounts()[1], "no pass of the create's own afterwards");

            toSend.add(event("plugin", "enable", "x"));
            await(() -> live.scanCounts()[0] == 2, "a full pass for an event that names no container or network");
        }
    }
}
