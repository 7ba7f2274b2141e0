package dev.netlens.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.TopologySnapshot;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** On the saved lab snapshot (two engines, an overlay between them). */
class CaptureTargetsTest {
    private static final TopologySnapshot LAB = lab();

    private static TopologySnapshot lab() {
        try {
            return SnapshotJson.readFile(Path.of("src/test/resources/snapshots/lab.json")).snapshot();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anInterfaceIdGivesItsNamespaceFileAndKernelName() throws Exception {
        CaptureTarget t = new CaptureTargets(LAB).forInterface("host-2973bdca/ns/1-plrsres906/vxlan0");
        assertEquals("/var/run/docker/netns/1-plrsres906", t.namespaceFile());
        assertEquals("vxlan0", t.interfaceName());
        assertEquals("", t.suggestedFilter());
        CaptureTarget host = new CaptureTargets(LAB).forInterface("host-2973bdca/ns/host/n1-eth");
        assertEquals("/proc/9292/ns/net", host.namespaceFile());
        assertEquals("n1-eth of the host on vm (198.18.0.1)", host.place());
    }

    @Test
    void aContainerWithOneInterfaceIsCapturedOnItAndOneWithSeveralOnAny() throws Exception {
        CaptureTarget a = new CaptureTargets(LAB).forContainer("lab-user-a");
        assertEquals("eth0", a.interfaceName());
        assertTrue(a.namespaceFile().startsWith("/var/run/docker/netns/"), a.namespaceFile());
        assertEquals("eth0 of lab-user-a on vm (198.18.0.1)", a.place());
        assertEquals("any", new CaptureTargets(LAB).forContainer("lab-user-b").interfaceName(), "on lab-user and lab-internal");
    }

    @Test
    void aMemberOfAnotherContainersNetworkIsCapturedInThatNamespace() throws Exception {
        assertEquals(new CaptureTargets(LAB).forContainer("lab-bridge-b").namespaceFile(),
                new CaptureTargets(LAB).forContainer("lab-shared").namespaceFile());
    }

    @Test
    void anOverlaysUnderlayIsTheHostInterfaceWithTheSwarmAddressFilteredToTheVxlanPort() throws Exception {
        CaptureTarget u1 = new CaptureTargets(LAB).underlayOf("host-2973bdca/ns/1-plrsres906/vxlan0").orElseThrow();
        assertEquals("n1-eth", u1.interfaceName());
        assertEquals("/proc/9292/ns/net", u1.namespaceFile());
        assertEquals("udp port 4789", u1.suggestedFilter());
        CaptureTarget u2 = new CaptureTargets(LAB).underlayOf("host-38f94867/ns/1-plrsres906/vxlan0").orElseThrow();
        assertEquals("n2-eth", u2.interfaceName());
        assertTrue(new CaptureTargets(LAB).underlayOf("host-2973bdca/ns/host/n1-eth").isEmpty(), "no VXLAN device");
    }

    @Test
    void unknownNamesAndRemoteEnginesAreOneLineMessages() {
        CaptureException none = assertThrows(CaptureException.class, () -> new CaptureTargets(LAB).forInterface("nope"));
        assertEquals(CaptureException.Problem.NOT_FOUND, none.problem());
        assertEquals("no interface nope (ids as in the JSON export: HOSTID/ns/NAMESPACE/IFNAME)", none.getMessage());
        assertEquals("no container ghost",
                assertThrows(CaptureException.class, () -> new CaptureTargets(LAB).forContainer("ghost")).getMessage());
        CaptureException stopped = assertThrows(CaptureException.class, () -> new CaptureTargets(LAB).forContainer("lab-exited"));
        assertTrue(stopped.getMessage().startsWith("container lab-exited has no network namespace"), stopped.getMessage());

        TopologySnapshot remote = new TopologySnapshot(LAB.schema(), LAB.capturedAt(), LAB.source(),
                LAB.hosts().stream().map(CaptureTargetsTest::remote).toList(), LAB.namespaces(), LAB.interfaces(),
                LAB.networks(), LAB.containers(), LAB.tunnels());
        CaptureException e = assertThrows(CaptureException.class, () -> new CaptureTargets(remote).forContainer("lab-user-a"));
        assertEquals(CaptureException.Problem.REMOTE, e.problem());
        assertEquals("vm (198.18.0.1) is a remote engine: Netlens has no view of its kernel there, so it cannot capture "
                + "its packets", e.getMessage());
    }

    private static Host remote(Host h) {
        return new Host(h.id(), "tcp://198.18.0.9:2375", h.name(), h.engineVersion(), h.apiVersion(), h.os(), h.kernelVersion(),
                h.swarmNodeId(), h.underlayAddress(), h.swarmManager(), false, h.kernelId(), h.missing(), h.firewall(), h.sysctls());
    }
}
