package dev.netlens.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.testing.EngineTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real captures with the real tcpdump in the lab, of pings between the test's own two containers. */
@EngineTest
class CaptureAgainstLabTest {
    private static final int N = 5;
    private static TopologySnapshot snapshot;

    @TempDir
    Path temp;

    @BeforeAll
    static void up() {
        CaptureLab.up();
        snapshot = CaptureLab.discover();
    }

    @AfterAll
    static void down() {
        CaptureLab.down();
    }

    @Test
    void nPingsCapturedOnTheHostSideVethHoldAtLeastNEchoRequestsInAFileThatParses() throws Exception {
        String veth = CaptureLab.hostVethOfA(snapshot);
        assertNotNull(veth, "nlcap-a's veth has a paired host side");
        CaptureTarget target = new CaptureTargets(snapshot).forInterface(veth);
        Path out = temp.resolve("veth.pcap");
        CaptureSession session = CaptureSession.start(CaptureRequest.of(target, "icmp", 0, Duration.ofSeconds(60), out));
        assertFalse(Files.exists(out), "nothing at the output while it runs");
        CaptureLab.ping(N);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (session.packets() < 2L * N && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(session.packets() >= N, "the live count grew: " + session.packets());
        session.stop();
        CaptureResult result = session.await();
        assertEquals(CaptureResult.Ending.STOPPED, result.ending());
        assertFalse(ProcessHandle.of(session.pid()).map(ProcessHandle::isAlive).orElse(false), "tcpdump is gone");

        PcapReader.PcapFile file = PcapReader.read(out);
        assertEquals(PcapHeader.LINKTYPE_ETHERNET, file.header().linkType());
        assertEquals(result.packets(), file.records().size());
        long requests = Icmp.count(file, Icmp.ECHO_REQUEST, CaptureLab.A_IP, CaptureLab.B_IP);
        assertTrue(requests >= N, requests + " echo requests in " + file.records().size() + " records");
        assertTrue(Icmp.count(file, Icmp.ECHO_REPLY, CaptureLab.B_IP, CaptureLab.A_IP) >= N);
        assertFalse(Files.exists(temp.resolve(".veth.pcap.partial")));
    }

    @Test
    void aPacketLimitEndsTheCaptureInTheContainersNamespaceByItself() throws Exception {
        CaptureTarget target = new CaptureTargets(snapshot).forContainer(CaptureLab.A);
        assertEquals("eth0", target.interfaceName());
        Path out = temp.resolve("three.pcap");
        CaptureSession session = CaptureSession.start(CaptureRequest.of(target, "icmp[icmptype] = icmp-echo", 3, null, out));
        CaptureLab.ping(N);
        CaptureResult result = session.await();
        assertEquals(CaptureResult.Ending.PACKET_LIMIT, result.ending());
        assertEquals(3, result.packets());
        assertEquals(3, Icmp.count(PcapReader.read(out), Icmp.ECHO_REQUEST, CaptureLab.A_IP, CaptureLab.B_IP));
    }

    @Test
    void aTimeLimitEndsAQuietCaptureWithAFileOfItsHeaderAlone() throws Exception {
        CaptureTarget target = new CaptureTargets(snapshot).forContainer(CaptureLab.B);
        Path out = temp.resolve("quiet.pcap");
        CaptureResult result = CaptureSession.start(CaptureRequest.of(target, "tcp port 9", 0, Duration.ofSeconds(1), out)).await();
        assertEquals(CaptureResult.Ending.TIME_LIMIT, result.ending());
        assertEquals(0, result.packets());
        assertEquals(List.of(), PcapReader.read(out).records());
    }

    /** Listens only (the lab's overlay is the lab's own): inside the tunnel on each node, and on each node's underlay. */
    @Test
    void anOverlaysVxlanDevicesAndTheirUnderlaysOnBothNodesCanBeCapturedOn() throws Exception {
        TopologySnapshot both;
        try (dev.netlens.discovery.Discovery d = dev.netlens.discovery.Discovery.local()) {
            both = d.discover(List.of(dev.netlens.testing.Lab.ENGINE1, dev.netlens.testing.Lab.NODE2)).snapshot();
        }
        List<String> vxlans = both.interfaces().stream().filter(i -> i.kind() == dev.netlens.snapshot.InterfaceKind.VXLAN)
                .map(dev.netlens.snapshot.NetInterface::id).toList();
        assertTrue(vxlans.stream().map(v -> v.substring(0, v.indexOf('/'))).distinct().count() >= 2, vxlans.toString());
        java.util.Set<String> underlays = new java.util.TreeSet<>();
        int n = 0;
        for (String id : vxlans) {
            CaptureTargets targets = new CaptureTargets(both);
            CaptureTarget underlay = targets.underlayOf(id).orElseThrow();
            assertEquals("udp port 4789", underlay.suggestedFilter());
            underlays.add(underlay.interfaceName());
            for (CaptureTarget t : List.of(targets.forInterface(id), underlay)) {
                Path out = temp.resolve("overlay-" + n++ + ".pcap");
                CaptureResult r = CaptureSession.start(CaptureRequest.of(t, t.suggestedFilter(), 0, Duration.ofMillis(500), out))
                        .await();
                assertEquals(CaptureResult.Ending.TIME_LIMIT, r.ending(), t.toString());
                assertEquals(PcapHeader.LINKTYPE_ETHERNET, PcapReader.read(out).header().linkType());
            }
        }
        assertEquals(java.util.Set.of("n1-eth", "n2-eth"), underlays);
    }

    @Test
    void anInterfaceThatIsNotThereOrABadFilterIsOneLineAndLeavesNoFile() throws Exception {
        CaptureTarget target = new CaptureTargets(snapshot).forContainer(CaptureLab.A);
        Path out = temp.resolve("none.pcap");
        CaptureException gone = assertThrows(CaptureException.class, () -> CaptureSession.start(
                new CaptureRequest("x", target.namespaceFile(), "nlcap-none0", "", 1, null, out)));
        assertEquals("interface nlcap-none0 does not exist there any more", gone.getMessage());
        CaptureException bad = assertThrows(CaptureException.class,
                () -> CaptureSession.start(CaptureRequest.of(target, "icmp and and", 1, null, out)));
        assertEquals(CaptureException.Problem.BAD_FILTER, bad.problem());
        assertEquals("the filter is not valid: syntax error", bad.getMessage());
        try (var files = Files.list(temp)) {
            assertEquals(0, files.count(), "no file, partial or whole");
        }
    }
}
