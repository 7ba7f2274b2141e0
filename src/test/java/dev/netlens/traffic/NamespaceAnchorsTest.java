package dev.netlens.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.discovery.kernel.CommandResult;
import dev.netlens.discovery.kernel.CommandRunner;
import dev.netlens.discovery.kernel.ProcessCommandRunner;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.NamespaceKind;
import dev.netlens.snapshot.NetNamespace;
import dev.netlens.snapshot.TopologySnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Anchors in namespaces of our own that hold no process (made with {@code ip netns add nlanchor-*},
 * removed before and after): a steady tick starts no process, and no anchor outlives its namespace,
 * sampling, or this process. Needs root, as the kernel view does; under CI it must run.
 */
class NamespaceAnchorsTest {
    static final String NS = "nlanchor-a";
    static final Path PROC = Path.of("/proc");
    private final List<List<String>> commands = new ArrayList<>();
    private final ProcessCommandRunner real = new ProcessCommandRunner(Duration.ofSeconds(10));
    /** Every command the reader runs is counted. */
    private final CommandRunner counting = new CommandRunner() {
        @Override
        public CommandResult run(List<String> argv) throws IOException {
            commands.add(argv);
            return real.run(argv);
        }

        @Override
        public CommandResult run(List<String> argv, String input) throws IOException {
            commands.add(argv);
            return real.run(argv, input);
        }

        @Override
        public boolean isAvailable(String program) {
            return real.isAvailable(program);
        }
    };
    private final List<Process> launched = new ArrayList<>();
    private CounterReader reader;

    @BeforeEach
    void makeNamespace() throws Exception {
        boolean root = Files.readString(PROC.resolve("self/status")).lines()
                .anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[1].equals("0"));
        if (!root && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("namespace anchors are tested as root; under CI they must run, not skip");
        }
        Assumptions.assumeTrue(root, "needs root (ip netns add, nsenter)");
        ip("netns", "del", NS); // a leftover of an earlier run
        assertEquals(0, ip("netns", "add", NS), "ip netns add " + NS);
        reader = new CounterReader(counting, PROC, System::nanoTime, new NamespaceAnchors(argv -> {
            Process p = NamespaceAnchors.launch(argv);
            launched.add(p);
            return p;
        }, PROC, System::nanoTime));
    }

    @AfterEach
    void removeNamespace() throws Exception {
        if (reader != null) {
            reader.close();
        }
        for (Process p : launched) {
            p.destroyForcibly();
        }
        ip("netns", "del", NS);
    }

    @Test
    void aProcessLessNamespaceIsReadFromItsAnchorFromTheSecondTickOnWithNoProcessStarted() throws Exception {
        TopologySnapshot snapshot = snapshot();
        CounterRead first = reader.read(snapshot);
        assertEquals(1, commands.size(), "the first tick reads through ip: " + commands);
        assertNotNull(first.samples().get("h/ns/" + NS + "/lo"), "lo read through ip: " + first);
        assertEquals(1, launched.size(), "one anchor started");
        settle(launched.get(0));
        CounterRead second = reader.read(snapshot);
        CounterRead third = reader.read(snapshot);
        assertEquals(1, commands.size(), "later ticks start no process: " + commands);
        assertEquals(List.of(launched.get(0).pid()), reader.anchorPids());
        assertNotNull(second.samples().get("h/ns/" + NS + "/lo"), "lo read from the anchor: " + second);
        assertNotNull(third.samples().get("h/ns/" + NS + "/lo"));
        assertEquals(1, launched.size(), "still one anchor");
        assertEquals(List.of(), third.problems());
    }

    @Test
    void anAnchorIsKilledWhenItsNamespaceGoes() throws Exception {
        TopologySnapshot snapshot = snapshot();
        reader.read(snapshot);
        Process anchor = launched.get(0);
        settle(anchor);
        reader.read(snapshot);
        assertEquals(0, ip("netns", "del", NS));
        reader.read(snapshot);
        assertGone(anchor);
        assertEquals(List.of(), reader.anchorPids());
    }

    @Test
    void anAnchorIsKilledWhenItsNamespaceIsNoLongerShown() throws Exception {
        reader.read(snapshot());
        Process anchor = launched.get(0);
        reader.read(new TopologySnapshot(TopologySnapshot.SCHEMA, "2026-12-03T00:00:00Z", "live", List.of(host()),
                List.of(), List.of(), List.of(), List.of(), List.of()));
        assertGone(anchor);
    }

    @Test
    void samplingSwitchedOffLeavesNoProcessAndSwitchedOnStartsAnAnchorAgain() throws Exception {
        List<RateSnapshot> seen = new ArrayList<>();
        RateSampler sampler = new RateSampler(reader, seen::add);
        sampler.setTopology(snapshot());
        sampler.tick();
        Process first = launched.get(0);
        sampler.setInterval(null); // off: the release runs on the sampler's thread
        assertGone(first);
        sampler.tick();
        assertEquals(2, launched.size(), "a read after the release starts an anchor again");
        sampler.close();
        assertGone(launched.get(1));
        assertEquals(List.of(), reader.anchorPids());
    }

    @Test
    void anAnchorLeavesByItselfWhenThisProcessGoes() throws Exception {
        reader.read(snapshot());
        Process anchor = launched.get(0);
        settle(anchor);
        // What the kernel does to the pipe when this process ends, however it ends.
        anchor.getOutputStream().close();
        assertTrue(anchor.waitFor(30, TimeUnit.SECONDS), "the anchor ends when its pipe closes");
    }

    /** Waits (without timing anything) until nsenter has entered the namespace and become cat. */
    private static void settle(Process anchor) throws Exception {
        Long ns = CounterReader.inode(Path.of("/var/run/netns/" + NS));
        for (int i = 0; i < 300 && !ns.equals(CounterReader.inode(PROC.resolve(anchor.pid() + "/ns/net"))); i++) {
            Thread.sleep(100);
        }
        assertEquals(ns, CounterReader.inode(PROC.resolve(anchor.pid() + "/ns/net")), "the anchor stands in " + NS);
    }

    /** Killed and reaped (waited for, as the kill may run on the sampler's thread): nothing left in /proc. */
    private static void assertGone(Process anchor) {
        for (int i = 0; i < 300 && Files.exists(PROC.resolve(Long.toString(anchor.pid()))); i++) {
            try {
                Thread.sleep(100); // the JDK's reaper thread collects it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assertFalse(anchor.isAlive(), "anchor " + anchor.pid() + " still runs");
        assertFalse(Files.exists(PROC.resolve(Long.toString(anchor.pid()))), "anchor " + anchor.pid() + " left in /proc");
    }

    private static Host host() {
        return new Host("h", "unix:///var/run/docker.sock", "test", "20.10", "1.41", "linux", "6", null, null, false, true,
                "k", List.of(), null);
    }

    private static TopologySnapshot snapshot() {
        return new TopologySnapshot(TopologySnapshot.SCHEMA, "2026-12-03T00:00:00Z", "live", List.of(host()),
                List.of(new NetNamespace("h/ns/" + NS, "h", NamespaceKind.OTHER, NS, "/var/run/netns/" + NS, List.of())),
                List.of(), List.of(), List.of(), List.of());
    }

    private static int ip(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("ip"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor();
    }
}
