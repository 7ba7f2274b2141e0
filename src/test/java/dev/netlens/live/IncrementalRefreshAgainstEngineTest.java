package dev.netlens.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.DiscoveryState;
import dev.netlens.discovery.EngineChanges;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.testing.EngineTest;
import dev.netlens.testing.Lab;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The incremental refresh, fed by the real engine's events, gives the snapshot a full rediscovery
 * gives at that moment: after a start, a connect, a disconnect, a stop, a start again and a removal
 * of a container of the test's own (labelled, removed afterwards).
 */
@EngineTest
class IncrementalRefreshAgainstEngineTest {
    private static final List<String> HOSTS = List.of(Lab.ENGINE1);
    private final String suffix = Long.toString(System.nanoTime(), 36);
    private final String name = "netlens-incr-" + suffix;
    private final String network = "netlens-incr-net-" + suffix;
    private final LinkedBlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final DockerEngineEvents stream = new DockerEngineEvents();
    private Thread watcher;

    @BeforeEach
    void subscribe() throws Exception {
        CountDownLatch connected = new CountDownLatch(1);
        watcher = new Thread(() -> {
            try {
                stream.stream(Lab.ENGINE1, connected::countDown, events::add);
            } catch (Exception e) {
                // closed at the end of the test
            }
        }, "test-events");
        watcher.setDaemon(true);
        watcher.start();
        assertTrue(connected.await(10, TimeUnit.SECONDS), "event stream connected");
    }

    @AfterEach
    void cleanUp() throws Exception {
        stream.closeAll();
        watcher.join(5000);
        try {
            Lab.docker(Lab.ENGINE1, "rm", "-f", name);
        } catch (RuntimeException ignored) {
            // already removed by the test
        }
        try {
            Lab.docker(Lab.ENGINE1, "network", "rm", network);
        } catch (RuntimeException ignored) {
            // never made, or removed
        }
    }

    @Test
    void incrementalRefreshEqualsAFullPassAfterEachChange() throws Exception {
        try (Discovery discovery = Discovery.local()) {
            Lab.docker(Lab.ENGINE1, "network", "create", "--label", "netlens.test=incremental", network);
            awaitEvent("network", "create", null);
            events.clear(); // the first pass comes after: nothing before it matters
            DiscoveryState state = discovery.discoverState(HOSTS);
            assertTrue(state.result().failures().isEmpty(), state.result().failures().toString());

            String id = Lab.docker(Lab.ENGINE1, "run", "-d", "--name", name, "--label", "netlens.test=incremental",
                    "netlens/busybox:lab", "sleep", "600").strip();
            awaitEvent("container", "start", id);
            state = compare(discovery, state, "after run");
            assertTrue(state.result().snapshot().containers().stream().anyMatch(c -> c.id().equals(id) && c.running()));

            Lab.docker(Lab.ENGINE1, "network", "connect", network, name);
            awaitEvent("network", "connect", null);
            state = compare(discovery, state, "after connect");

            Lab.docker(Lab.ENGINE1, "network", "disconnect", network, name);
            awaitEvent("network", "disconnect", null);
            state = compare(discovery, state, "after disconnect");

            Lab.docker(Lab.ENGINE1, "stop", "-t", "0", name);
            awaitEvent("container", "stop", id);
            state = compare(discovery, state, "after stop");

            Lab.docker(Lab.ENGINE1, "start", name);
            awaitEvent("container", "start", id);
            state = compare(discovery, state, "after a second start (a new sandbox)");

            Lab.docker(Lab.ENGINE1, "rm", "-f", name);
            awaitEvent("container", "destroy", id);
            state = compare(discovery, state, "after removal");
            assertTrue(state.result().snapshot().containers().stream().noneMatch(c -> c.id().equals(id)));
            assertTrue(state.hosts().get(Lab.ENGINE1).incremental(), "the last pass was an incremental one");
        }
    }

    /**
     * Refreshes incrementally from the events seen since {@code before}, then rediscovers in full, and
     * compares. Others may change the engine meanwhile (it is shared): when its fingerprint moved
     * during the comparison, the events that came are added and the pair is taken again.
     */
    private DiscoveryState compare(Discovery discovery, DiscoveryState before, String when) throws Exception {
        PendingChanges pending = new PendingChanges();
        Thread.sleep(300); // the events that follow the awaited one (connects, a stop's die)
        for (int attempt = 0; attempt < 6; attempt++) {
            List<JsonNode> seen = new java.util.ArrayList<>();
            events.drainTo(seen);
            seen.forEach(pending::add);
            String fingerprintBefore = discovery.fingerprint(HOSTS);
            EngineChanges changes = snapshotOf(pending);
            assertNotNull(changes, "every event of the container and network types maps to a change");
            DiscoveryState incremental = discovery.refresh(before, HOSTS, Map.of(Lab.ENGINE1, changes));
            TopologySnapshot full = discovery.discover(HOSTS).snapshot();
            if (!discovery.fingerprint(HOSTS).equals(fingerprintBefore) || !events.isEmpty()) {
                Thread.sleep(300);
                continue; // the engine changed under the comparison
            }
            assertTrue(incremental.result().failures().isEmpty(), incremental.result().failures().toString());
            assertTrue(incremental.hosts().get(Lab.ENGINE1).incremental(), when + ": read incrementally");
            TopologySnapshot inc = incremental.result().snapshot();
            String a = comparable(full);
            String b = comparable(inc);
            if (!a.equals(b)) {
                fail(when + ": incremental refresh differs from a full pass:\n" + difference(a, b));
            }
            return incremental;
        }
        fail(when + ": the engine never stood still long enough to compare");
        return null;
    }

    /** The changes noted so far, leaving them noted (attempts add to them). */
    private static EngineChanges snapshotOf(PendingChanges pending) {
        EngineChanges taken = pending.take();
        if (taken != null) {
            // put them back: a retry refreshes from the same earlier state with more events
            taken.containers().forEach(c -> pending.add(event("container", c)));
            taken.networks().forEach(n -> pending.add(event("network", n)));
        }
        return taken;
    }

    private static JsonNode event(String type, String id) {
        var node = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        node.put("Type", type);
        node.putObject("Actor").put("ID", id);
        return node;
    }

    /**
     * The snapshot as JSON, less what differs between any two passes: the capture time, the firewall
     * dumps' time stamps and rule counters (traffic between the two reads moves them).
     */
    static String comparable(TopologySnapshot s) {
        String json = SnapshotJson.toJson(new TopologySnapshot(s.schema(), "-", s.source(), s.hosts(), s.namespaces(),
                s.interfaces(), s.networks(), s.containers(), s.tunnels()));
        return json.replaceAll("# (Generated by|Completed on) [^\\\\\"]*", "#")
                .replaceAll("\\[\\d+:\\d+\\]", "[c]")
                .replaceAll("\\{\\\\\"packets\\\\\": \\d+, \\\\\"bytes\\\\\": \\d+\\}", "{}");
    }

    /** The lines of one JSON that the other lacks, each way (at most 20 each). */
    static String difference(String expected, String actual) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        java.util.Set<String> inA = new java.util.HashSet<>(a);
        java.util.Set<String> inB = new java.util.HashSet<>(b);
        StringBuilder out = new StringBuilder("only in the full pass:\n");
        a.stream().filter(l -> !inB.contains(l)).limit(20).forEach(l -> out.append("  ").append(l).append('\n'));
        out.append("only in the incremental one:\n");
        b.stream().filter(l -> !inA.contains(l)).limit(20).forEach(l -> out.append("  ").append(l).append('\n'));
        return out.toString();
    }

    private void awaitEvent(String type, String action, String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<JsonNode> kept = new java.util.ArrayList<>();
        try {
            while (System.nanoTime() < deadline) {
                JsonNode e = events.poll(200, TimeUnit.MILLISECONDS);
                if (e == null) {
                    continue;
                }
                kept.add(e);
                if (type.equals(e.path("Type").asText()) && action.equals(e.path("Action").asText())
                        && (id == null || id.equals(e.path("Actor").path("ID").asText()))) {
                    return;
                }
            }
            fail("no " + type + " " + action + " event within 20 s");
        } finally {
            // keep them for the refresh: they name what changed
            List<JsonNode> rest = new java.util.ArrayList<>();
            events.drainTo(rest);
            events.addAll(kept);
            events.addAll(rest);
        }
    }
}
