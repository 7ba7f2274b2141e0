package dev.netlens.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.discovery.kernel.CommandResult;
import dev.netlens.discovery.kernel.CommandRunner;
import dev.netlens.discovery.kernel.NamespaceLister;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.NetNamespace;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.testing.ScanReplay;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incremental refresh replayed on the recorded lab scan: it gives the snapshot a full pass gives,
 * enters only the namespaces it must, and treats a vanished container as a full pass does.
 */
class IncrementalRefreshReplayTest {
    static final Path SCAN = Path.of("src/test/resources/captures/scan-lab");
    static final String ENGINE1 = "unix:///var/run/docker.sock";
    static final String NODE2 = "unix:///run/node2/docker.sock";
    static final List<String> HOSTS = List.of(ENGINE1, NODE2);

    @TempDir
    Path temp;
    private ScanReplay replay;
    private TopologySnapshot expected;
    private Path proc;
    /** Namespace files entered by {@code ip} (its batch of addresses and routes), in order. */
    private final List<String> entered = new CopyOnWriteArrayList<>();
    /** What each namespace file's identity is now (a replay has no real files behind its listing). */
    private final Map<String, String> identity = new ConcurrentHashMap<>();

    @BeforeEach
    void load() throws Exception {
        replay = new ScanReplay(SCAN);
        expected = SnapshotJson.read(SCAN.resolve("expected-snapshot.json"));
        proc = replay.proc(temp.resolve("proc"));
    }

    private Discovery discovery() {
        CommandRunner recorded = replay.commands();
        CommandRunner counting = new CommandRunner() {
            @Override
            public CommandResult run(List<String> argv) throws IOException {
                return run(argv, null);
            }

            @Override
            public CommandResult run(List<String> argv, String input) throws IOException {
                if (argv.contains("-batch") && argv.get(0).equals("nsenter")) {
                    entered.add(argv.get(1).substring("--net=".length()));
                }
                return recorded.run(argv, input);
            }

            @Override
            public boolean isAvailable(String program) {
                return recorded.isAvailable(program);
            }
        };
        NamespaceLister listing = replay.lister();
        NamespaceLister lister = new NamespaceLister() {
            @Override
            public List<Path> list(Path dir) throws IOException {
                return listing.list(dir);
            }

            @Override
            public Object identity(Path file) {
                return identity.getOrDefault(file.toString(), "first " + file);
            }
        };
        return new Discovery(replay::engine, counting, lister, proc,
                Clock.fixed(Instant.parse(expected.capturedAt()), ZoneOffset.UTC));
    }

    private String json(TopologySnapshot s) {
        return SnapshotJson.toJson(s).replace(temp.resolve("proc").toString(), "/proc");
    }

    private static Container container(TopologySnapshot s, String name) {
        return s.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private NetNamespace namespaceOf(String name) {
        String id = container(expected, name).namespace();
        return expected.namespaces().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }

    /** Engine 1's events named these containers; node 2's nothing. */
    private static Map<String, EngineChanges> changed(String host, String... containers) {
        return Map.of(host, new EngineChanges(Set.of(containers), Set.of()), NODE2, EngineChanges.NONE);
    }

    @Test
    void refreshWithAChangedContainerGivesTheFullPassSnapshotAndEntersOnlyWhatItMust() {
        try (Discovery discovery = discovery()) {
            DiscoveryState first = discovery.discoverState(HOSTS);
            assertEquals(json(expected), json(first.result().snapshot()));
            entered.clear();
            Container a = container(expected, "lab-bridge-a");
            DiscoveryState next = discovery.refresh(first, HOSTS, changed(ENGINE1, a.id()));
            assertEquals(json(expected), json(next.result().snapshot()));
            assertTrue(next.hosts().get(ENGINE1).incremental());
            // Engine 1: its changed container's namespace only (it is on no overlay: the overlay, load
            // balancer and ingress namespaces are kept). Node 2 had no change: not read at all.
            Set<String> namespaces = Set.copyOf(entered);
            assertEquals(Set.of(namespaceOf("lab-bridge-a").path()), namespaces);
            assertFalse(namespaces.contains("/var/run/docker/netns/1-plrsres906"), namespaces.toString());
            assertFalse(namespaces.contains(namespaceOf("lab-bridge-b").path()), namespaces.toString());
            assertFalse(namespaces.contains(namespaceOf("lab-none").path()), namespaces.toString());
            assertTrue(namespaces.stream().noneMatch(n -> n.startsWith("/run/node2/")), namespaces.toString());
            assertEquals(first.hosts().get(NODE2), next.hosts().get(NODE2));
        }
    }

    @Test
    void aChangedContainerOnAnOverlayBringsTheOverlayNamespacesAgain() {
        try (Discovery discovery = discovery()) {
            DiscoveryState first = discovery.discoverState(HOSTS);
            entered.clear();
            Container o1 = container(expected, "lab-o1");
            DiscoveryState next = discovery.refresh(first, HOSTS, changed(ENGINE1, o1.id()));
            assertEquals(json(expected), json(next.result().snapshot()));
            assertTrue(entered.contains(namespaceOf("lab-o1").path()), entered.toString());
            assertTrue(entered.contains("/var/run/docker/netns/1-plrsres906"), entered.toString());
            assertTrue(entered.contains("/var/run/docker/netns/lb_plrsres90"), entered.toString());
            assertFalse(entered.contains(namespaceOf("lab-bridge-a").path()), entered.toString());
        }
    }

    @Test
    void aStaleNamespaceFileIsNotEnteredAgainWhileItIsTheSameFile() {
        String none = namespaceOf("lab-none").path();
        replay.withStaleNamespace(none);
        try (Discovery discovery = discovery()) {
            DiscoveryState first = discovery.discoverState(HOSTS);
            TopologySnapshot full = discovery.discover(HOSTS).snapshot();
            entered.clear();
            Container a = container(expected, "lab-bridge-a");
            DiscoveryState next = discovery.refresh(first, HOSTS, changed(ENGINE1, a.id()));
            assertFalse(entered.contains(none), entered.toString());
            assertEquals(json(full), json(next.result().snapshot()));
            assertTrue(next.result().snapshot().hosts().get(0).missing().contains(
                    "stale namespace file " + none + " (Invalid argument): skipped"));
            // Once it is another file (a new sandbox at that path), it is entered again.
            identity.put(none, "a new sandbox");
            entered.clear();
            discovery.refresh(next, HOSTS, changed(ENGINE1, a.id()));
            assertTrue(entered.contains(none), entered.toString());
        }
    }

    @Test
    void aNamespaceFileThatIsAnotherNamespaceNowIsEnteredAgain() {
        try (Discovery discovery = discovery()) {
            DiscoveryState first = discovery.discoverState(HOSTS);
            entered.clear();
            String none = namespaceOf("lab-none").path();
            identity.put(none, "a new sandbox at the same path");
            Container a = container(expected, "lab-bridge-a");
            DiscoveryState next = discovery.refresh(first, HOSTS, changed(ENGINE1, a.id()));
            assertTrue(entered.contains(none), entered.toString());
            assertFalse(entered.contains(namespaceOf("lab-bridge-b").path()), entered.toString());
            assertEquals(json(expected), json(next.result().snapshot()));
        }
    }

    @Test
    void aContainerWhoseListedStateDiffersIsInspectedAgainEvenWithoutAnEvent() {
        try (Discovery discovery = discovery()) {
            DiscoveryState first = discovery.discoverState(HOSTS);
            // The earlier scan believed lab-user-a stopped: the list says running, so it is read again.
            DiscoveryState.HostState h = first.hosts().get(ENGINE1);
            var engine = h.scan().engine();
            List<dev.netlens.discovery.engine.EngineContainer> altered = engine.containers().stream()
                    .map(c -> c.name().equals("lab-user-a") ? new dev.netlens.discovery.engine.EngineContainer(c.id(),
                            c.name(), c.image(), "exited", 0, c.networkMode(), "", List.of(), List.of(), c.labels()) : c).toList();
            var scan = new HostScan(h.scan().endpoint(), new dev.netlens.discovery.engine.EngineFacts(engine.info(),
                    engine.networks(), altered, engine.problems()), h.scan().kernel(), h.scan().kernelMissing());
            DiscoveryState stale = new DiscoveryState(first.result(), Map.of(ENGINE1,
                    new DiscoveryState.HostState(scan, h.identities(), false), NODE2, first.hosts().get(NODE2)));
            Container b = container(expected, "lab-bridge-b");
            DiscoveryState next = discovery.refresh(stale, HOSTS, changed(ENGINE1, b.id()));
            assertEquals(json(expected), json(next.result().snapshot()));
        }
    }

    @Test
    void containerVanishingMidRefreshIsSkippedAndNotedAsInAFullPass() {
        try (Discovery discovery = discovery()) {
            DiscoveryState first = discovery.discoverState(HOSTS);
            Container gone = container(expected, "lab-user-b");
            replay.withVanished("/containers/" + gone.id() + "/json");
            replay.withStaleNamespace(namespaceOf("lab-user-b").path());
            TopologySnapshot full = discovery.discover(HOSTS).snapshot();
            DiscoveryState next = discovery.refresh(first, HOSTS, changed(ENGINE1, gone.id()));
            TopologySnapshot s = next.result().snapshot();
            assertEquals(json(full), json(s));
            assertTrue(s.containers().stream().noneMatch(c -> c.name().equals("lab-user-b")));
            Host host = s.hosts().stream().filter(x -> x.id().equals(gone.host())).findFirst().orElseThrow();
            assertTrue(host.missing().contains("container " + gone.id().substring(0, 12) + " vanished during the scan; skipped"),
                    host.missing().toString());
        }
    }

    @Test
    void anEngineNotNamedInTheChangesIsReadInFull() {
        try (Discovery discovery = discovery()) {
            DiscoveryState first = discovery.discoverState(HOSTS);
            entered.clear();
            DiscoveryState next = discovery.refresh(first, HOSTS, Map.of(NODE2, EngineChanges.NONE));
            assertFalse(next.hosts().get(ENGINE1).incremental());
            assertTrue(entered.contains(namespaceOf("lab-bridge-b").path()));
            assertEquals(json(expected), json(next.result().snapshot()));
        }
    }
}
