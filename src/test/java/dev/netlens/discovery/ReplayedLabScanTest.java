package dev.netlens.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.discovery.engine.EngineApi;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.InterfaceKind;
import dev.netlens.snapshot.NetInterface;
import dev.netlens.snapshot.NetNamespace;
import dev.netlens.snapshot.Network;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.SnapshotValidator;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.testing.RefusingEngine;
import dev.netlens.testing.ScanReplay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery replayed from a recorded scan of the real two-engine lab (captures/scan-lab): the
 * engine's answers, the commands' outputs and /proc as they were. Runs with no engine.
 */
class ReplayedLabScanTest {
    static final Path SCAN = Path.of("src/test/resources/captures/scan-lab");
    static final String ENGINE1 = "unix:///var/run/docker.sock";
    static final String NODE2 = "unix:///run/node2/docker.sock";

    @TempDir
    Path temp;
    private ScanReplay replay;
    private TopologySnapshot expected;

    @BeforeEach
    void load() throws Exception {
        replay = new ScanReplay(SCAN);
        expected = SnapshotJson.read(SCAN.resolve("expected-snapshot.json"));
    }

    private DiscoveryResult discover(Function<String, EngineApi> connector, List<String> hosts) {
        Clock clock = Clock.fixed(Instant.parse(expected.capturedAt()), ZoneOffset.UTC);
        Path proc = replay.proc(temp.resolve("proc"));
        try (Discovery discovery = new Discovery(connector, replay.commands(), replay.lister(), proc, clock)) {
            return discovery.discover(hosts);
        }
    }

    private TopologySnapshot discoverLab() {
        DiscoveryResult result = discover(replay::engine, List.of(ENGINE1, NODE2));
        assertEquals(List.of(), result.failures());
        return result.snapshot();
    }

    @Test
    void replayingTheRecordedScanGivesTheSnapshotDiscoveryMadeThen() {
        // The stand-in /proc lives in a temporary folder; the recorded paths name the real one.
        String replayed = SnapshotJson.toJson(discoverLab()).replace(temp.resolve("proc").toString(), "/proc");
        assertEquals(SnapshotJson.toJson(expected), replayed);
    }

    @Test
    void recordedSnapshotIsConsistent() {
        assertEquals(List.of(), SnapshotValidator.problems(expected));
        assertEquals(2, expected.hosts().size());
        assertTrue(expected.hosts().stream().allMatch(Host::kernelView));
    }

    @Test
    void sharedNamespaceMemberAndOwnerSitInOneBox() {
        TopologySnapshot s = discoverLab();
        Container owner = container(s, "lab-bridge-b");
        Container member = container(s, "lab-shared");
        assertEquals(owner.namespace(), member.namespace());
        NetNamespace ns = s.namespaces().stream().filter(n -> n.id().equals(owner.namespace())).findFirst().orElseThrow();
        assertEquals(2, ns.containers().size());
    }

    @Test
    void containerEth0PairsWithAHostVethOnItsBridge() {
        TopologySnapshot s = discoverLab();
        Container a = container(s, "lab-bridge-a");
        NetInterface eth0 = iface(s, a.namespace() + "/eth0");
        NetInterface hostEnd = iface(s, eth0.peer());
        assertEquals(eth0.id(), hostEnd.peer());
        assertTrue(hostEnd.master().endsWith("/ns/host/docker0"));
        assertEquals(a.endpoints().get(0).interfaceId(), eth0.id());
    }

    @Test
    void overlayVxlanSitsOnBr0WithItsVniAndOneTunnelJoinsTheHosts() {
        TopologySnapshot s = discoverLab();
        for (Network overlay : s.networks().stream().filter(n -> n.name().equals("lab-overlay")).toList()) {
            NetInterface vxlan = iface(s, overlay.vxlan());
            assertEquals(InterfaceKind.VXLAN, vxlan.kind());
            assertEquals(overlay.bridge(), vxlan.master());
            assertEquals(overlay.vni(), vxlan.vni());
            assertEquals(4789, vxlan.vxlanPort());
        }
        assertEquals(1, s.tunnels().stream().filter(t -> t.networkName().equals("lab-overlay")).count());
    }

    @Test
    void containerNeverStartedHasNoNamespaceButKeepsItsEndpoint() {
        Container created = container(discoverLab(), "lab-created");
        assertNull(created.namespace());
        assertEquals("created", created.state());
    }

    @Test
    void containerVanishingMidScanIsSkippedAndNoted() {
        Container gone = container(expected, "lab-user-b");
        replay.withVanished("/containers/" + gone.id() + "/json");
        TopologySnapshot s = discoverLab();
        assertTrue(s.containers().stream().noneMatch(c -> c.name().equals("lab-user-b")));
        assertTrue(s.containers().stream().anyMatch(c -> c.name().equals("lab-user-a")));
        Host host = s.hosts().stream().filter(h -> h.id().equals(gone.host())).findFirst().orElseThrow();
        assertTrue(host.missing().contains("container " + gone.id().substring(0, 12) + " vanished during the scan; skipped"), host.missing().toString());
        assertEquals(List.of(), SnapshotValidator.problems(s));
    }

    @Test
    void staleNamespaceFileIsSkippedWithTheReason() {
        Container none = container(expected, "lab-none");
        NetNamespace ns = expected.namespaces().stream().filter(n -> n.id().equals(none.namespace())).findFirst().orElseThrow();
        replay.withStaleNamespace(ns.path());
        TopologySnapshot s = discoverLab();
        Host host = s.hosts().stream().filter(h -> h.id().equals(none.host())).findFirst().orElseThrow();
        assertTrue(host.missing().contains("stale namespace file " + ns.path() + " (Invalid argument): skipped"), host.missing().toString());
        assertTrue(host.kernelView());
        assertTrue(s.interfaces().stream().noneMatch(i -> i.namespace().equals(ns.id())));
        assertEquals(List.of(), SnapshotValidator.problems(s));
    }

    @Test
    void missingIpToolGivesAnApiOnlyHostSayingWhy() {
        replay.withoutProgram("ip");
        TopologySnapshot s = discoverLab();
        for (Host host : s.hosts()) {
            assertFalse(host.kernelView());
            assertTrue(host.missing().stream().anyMatch(m -> m.contains("ip is not installed")), host.missing().toString());
        }
        assertTrue(s.interfaces().isEmpty());
        assertEquals(expected.containers().size(), s.containers().size());
        assertEquals(List.of(), SnapshotValidator.problems(s));
    }

    @Test
    void missingIptablesSaveLeavesTheKernelViewAndSaysWhy() {
        replay.withoutProgram("iptables-save");
        Host host = discoverLab().hosts().get(0);
        assertTrue(host.kernelView());
        assertNull(host.firewall().iptablesSave());
        assertTrue(host.missing().contains("iptables-save is not installed: its rules are not shown"), host.missing().toString());
    }

    @Test
    void notRootGivesAnApiOnlySnapshot() throws Exception {
        Path proc = replay.proc(temp.resolve("proc"));
        Files.writeString(proc.resolve("self/status"), "Uid:\t1000\t1000\t1000\t1000\nCapEff:\t0000000000000000\n");
        Clock clock = Clock.fixed(Instant.parse(expected.capturedAt()), ZoneOffset.UTC);
        TopologySnapshot s;
        try (Discovery discovery = new Discovery(replay::engine, replay.commands(), replay.lister(), proc, clock)) {
            s = discovery.discover(List.of(ENGINE1)).snapshot();
        }
        Host host = s.hosts().get(0);
        assertFalse(host.kernelView());
        assertTrue(host.missing().get(0).startsWith("kernel view unavailable: not root"), host.missing().toString());
        // The engine still names each running container's sandbox: the boxes are there, empty.
        assertEquals(container(expected, "lab-none").namespace(), container(s, "lab-none").namespace());
    }

    @Test
    void remoteEngineIsReadThroughItsApiOnly() {
        String remote = "tcp://engine.example:2376";
        DiscoveryResult result = discover(host -> replay.engine(ENGINE1, remote), List.of(remote));
        Host host = result.snapshot().hosts().get(0);
        assertEquals(remote, host.endpoint());
        assertFalse(host.kernelView());
        assertTrue(host.missing().get(0).contains("remote engine"), host.missing().toString());
    }

    @Test
    void unreachableEngineIsReportedBesideTheOthers() {
        DiscoveryResult result = discover(host -> {
            if (host.equals(NODE2)) {
                return new RefusingEngine(NODE2);
            }
            return replay.engine(host);
        }, List.of(ENGINE1, NODE2));
        assertEquals(1, result.snapshot().hosts().size());
        assertEquals(NODE2, result.failures().get(0).endpoint());
        assertTrue(result.failures().get(0).message().contains("Connection refused"));
    }

    private static Container container(TopologySnapshot s, String name) {
        return s.containers().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    private static NetInterface iface(TopologySnapshot s, String id) {
        return s.interfaces().stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no interface " + id));
    }
}
