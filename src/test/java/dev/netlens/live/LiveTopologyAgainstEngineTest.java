package dev.netlens.live;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.discovery.Discovery;
import dev.netlens.testing.EngineTest;
import dev.netlens.testing.Lab;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The live topology follows a container started and removed on the real engine. */
@EngineTest
class LiveTopologyAgainstEngineTest {
    private final LinkedBlockingQueue<LiveUpdate> updates = new LinkedBlockingQueue<>();

    private LiveUpdate awaitUpdate(Predicate<LiveUpdate> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            LiveUpdate update = updates.poll(200, TimeUnit.MILLISECONDS);
            if (update != null && condition.test(update)) {
                return update;
            }
        }
        throw new AssertionError("no such update within 20 s");
    }

    private static boolean has(LiveUpdate u, String name) {
        return u.snapshot().containers().stream().anyMatch(c -> c.name().equals(name) && c.running());
    }

    @Test
    void containerStartedAppearsAndRemovedDisappearsWithoutWaitingForTheResync() throws Exception {
        String name = "netlens-live-" + System.nanoTime();
        // A long resync period: only the event stream can bring the change in time.
        try (Discovery discovery = Discovery.local();
             LiveTopology live = new LiveTopology(List.of(Lab.ENGINE1), discovery, new DockerEngineEvents(),
                     Duration.ofMinutes(10), Clock.systemUTC(), updates::add)) {
            live.start();
            LiveUpdate first = awaitUpdate(u -> has(u, "lab-bridge-a"));
            assertTrue(first.staleHosts().isEmpty());
            try {
                Lab.docker(Lab.ENGINE1, "run", "-d", "--name", name, "--label", "netlens.test=live",
                        "netlens/busybox:lab", "sleep", "600");
                LiveUpdate added = awaitUpdate(u -> has(u, name));
                assertTrue(added.snapshot().interfaces().stream().anyMatch(i -> i.namespace().equals(
                        added.snapshot().containers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().namespace())),
                        "its namespace and interfaces came with it");
                assertTrue(live.scanCounts()[1] >= 1, "the event was followed by an incremental scan, not a full one");
            } finally {
                Lab.docker(Lab.ENGINE1, "rm", "-f", name);
            }
            awaitUpdate(u -> !has(u, name) && u.snapshot().containers().stream().noneMatch(c -> c.name().equals(name)));
        }
    }
}
