package dev.netlens.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.DiscoveryResult;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.testing.EngineTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tracer's predictions against real traffic on the two-engine lab (issue 13): each case of
 * {@link TraceCase#matrix()} is built here, its packet sent for real with busybox while both engines'
 * rule counters are read before and after, and the same packet traced on one snapshot of both engines.
 */
@EngineTest
class TraceAgainstLabTest {
    private static TraceLab lab;
    private static TopologySnapshot snapshot;
    private static final Map<String, RealTraffic.Outcome> REALITY = new LinkedHashMap<>();

    @BeforeAll
    static void buildSendAndDiscover() {
        TraceLab.removeAll();
        lab = new TraceLab();
        lab.build();
        lab.addDockerUserDrop();
        warmUpOverlay();
        // One discovery of both engines, beside the real traffic (it reads, it sends nothing).
        CompletableFuture<DiscoveryResult> discovered = CompletableFuture.supplyAsync(() -> {
            try (Discovery discovery = Discovery.local()) {
                return discovery.discover(List.of(Commands.ENGINE1, Commands.NODE2));
            }
        });
        // One packet at a time, so the counters that rose belong to it.
        for (TraceCase c : TraceCase.matrix()) {
            REALITY.put(c.name(), RealTraffic.send(lab, c));
        }
        DiscoveryResult result = discovered.join();
        assertEquals(List.of(), result.failures(), "both engines discovered");
        snapshot = result.snapshot();
    }

    @AfterAll
    static void removeEverythingOfOurs() {
        try {
            TraceLab.removeAll();
        } finally {
            if (lab != null) {
                lab.close();
            }
        }
    }

    static List<TraceCase> cases() {
        return TraceCase.matrix();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void realTrafficGoesWhereDockerSendsIt(TraceCase c) {
        RealTraffic.Outcome real = REALITY.get(c.name());
        assertEquals(c.reaches(), real.reached(), c.name() + ": " + real.detail() + "\nrules hit: " + real.hits());
    }

    /**
     * The overlay's first packets wait for the peers to learn each other (seconds after attaching); the
     * recorded probe must see the settled overlay, as the tracer does.
     */
    private static void warmUpOverlay() {
        for (int i = 0; i < 20; i++) {
            boolean there = Commands.run(Commands.docker(Commands.ENGINE1, "exec", "trace-o1", "ping", "-c", "1", "-W", "1",
                    lab.address("trace-o2")), null, 10).ok();
            boolean back = Commands.run(Commands.docker(Commands.NODE2, "exec", "trace-o2", "ping", "-c", "1", "-W", "1",
                    lab.address("trace-o1")), null, 10).ok();
            if (there && back) {
                return;
            }
        }
        assertTrue(false, "trace-o1 and trace-o2 never reached each other over trace-ovl");
    }
}
