package dev.netlens.drivers;

import dev.netlens.testing.PanelSnapshots;
import static dev.netlens.testing.PanelSnapshots.scanLab;
import static dev.netlens.testing.PanelSnapshots.swarm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.snapshot.TopologySnapshot;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DriverFactsTest {
    private static final String VM = PanelSnapshots.hostAt(PanelSnapshots.scanLab(), PanelSnapshots.ENGINE1);
    private static final String NODE2 = PanelSnapshots.hostAt(PanelSnapshots.scanLab(), PanelSnapshots.NODE2);
    private final TopologySnapshot lab = scanLab();

    private static NetworkFacts network(DriverFacts facts, String host, String name) {
        return facts.networkFacts().stream().filter(n -> n.hostId().equals(host) && n.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no facts for " + name + " on " + host));
    }

    private static HostUsage usage(DriverFacts facts, String host) {
        return facts.hosts().stream().filter(h -> h.hostId().equals(host)).findFirst().orElseThrow();
    }

    @Test
    void countsBridgeNetworksAndContainersPerHostAndInTotal() {
        DriverFacts bridge = DriverFacts.from(lab, Driver.BRIDGE);
        // vm: bridge, docker_gwbridge, lab-internal, lab-renamed, lab-user; node2: bridge, docker_gwbridge.
        assertEquals(5, usage(bridge, VM).networks());
        assertEquals(2, usage(bridge, NODE2).networks());
        assertEquals(7, bridge.networks());
        // vm: lab-bridge-a/-b, lab-created, lab-exited, lab-internal-1, lab-renamed-1, lab-user-a/-b; node2: lab-n2-bridge.
        assertEquals(8, usage(bridge, VM).containers());
        assertEquals(6, usage(bridge, VM).running());
        assertEquals(9, bridge.containers());
        assertEquals(7, bridge.running());
    }

    @Test
    void containerSharingAnotherNamespaceIsNotCountedAsAUser() {
        DriverFacts bridge = DriverFacts.from(lab, Driver.BRIDGE);
        NetworkFacts defaultBridge = network(bridge, VM, "bridge");
        // lab-bridge-a, lab-bridge-b and lab-exited are attached; lab-shared only borrows lab-bridge-b's namespace.
        assertEquals(3, defaultBridge.containers());
    }

    @Test
    void countsAnOverlaySeenFromTwoNodesOnceInTotal() {
        DriverFacts overlay = DriverFacts.from(lab, Driver.OVERLAY);
        assertEquals(2, overlay.networks(), "ingress and lab-overlay, each on both nodes");
        assertEquals(2, usage(overlay, VM).networks());
        assertEquals(2, usage(overlay, NODE2).networks());
        assertEquals(2, overlay.containers(), "lab-o1 and lab-o2");
    }

    @Test
    void overlayFactsGiveVniPortAndOnlyTheOtherNodesAsPeers() {
        NetworkFacts o = network(DriverFacts.from(lab, Driver.OVERLAY), VM, "lab-overlay");
        assertEquals(4097, o.vni());
        assertEquals(4789, o.vxlanPort());
        assertEquals(List.of("198.18.0.2"), o.remotePeers());
        assertEquals("br0", o.device());
        assertEquals(1450, o.deviceMtu());
        assertEquals(List.of(1450), o.endpointMtus());
        assertNull(o.icc(), "ICC is a bridge option");
    }

    @Test
    void iccIsOffOnDockerGwbridgeAndOnWhereTheOptionIsAbsent() {
        DriverFacts bridge = DriverFacts.from(lab, Driver.BRIDGE);
        assertFalse(network(bridge, VM, "docker_gwbridge").icc());
        assertTrue(network(bridge, VM, "lab-user").icc(), "enable_icc defaults to true");
        assertTrue(network(bridge, VM, "bridge").icc());
    }

    @Test
    void internalNetworkIsNeverMasqueraded() {
        DriverFacts bridge = DriverFacts.from(lab, Driver.BRIDGE);
        NetworkFacts internal = network(bridge, VM, "lab-internal");
        assertTrue(internal.internal());
        assertFalse(internal.masquerade());
        assertTrue(network(bridge, VM, "lab-user").masquerade(), "enable_ip_masquerade defaults to true");
    }

    @Test
    void renamedBridgeShowsItsOwnDeviceNameAndIsNotTheDefaultBridge() {
        NetworkFacts renamed = network(DriverFacts.from(lab, Driver.BRIDGE), VM, "lab-renamed");
        assertEquals("labbr0", renamed.device());
        assertFalse(renamed.defaultBridge());
        assertTrue(network(DriverFacts.from(lab, Driver.BRIDGE), VM, "bridge").defaultBridge());
    }

    @Test
    void mtuOfContainerInterfacesThatDiffersFromTheBridgeIsKept() {
        NetworkFacts appnet = network(DriverFacts.from(swarm(), Driver.BRIDGE), "node1", "appnet");
        assertEquals(1500, appnet.deviceMtu());
        assertEquals(List.of(1400, 1500), appnet.endpointMtus(), "db's eth0 has 1400, api's 1500");
    }

    @Test
    void macvlanFactsGiveTheParentAndDockersDefaultMode() {
        DriverFacts macvlan = DriverFacts.from(lab, Driver.MACVLAN);
        NetworkFacts n = network(macvlan, VM, "lab-macvlan");
        assertEquals("mvparent0", n.device());
        assertEquals("bridge", n.mode());
        assertEquals(1, n.containers());
        assertEquals(1, macvlan.containers());
    }

    @Test
    void hostAndNoneContainersCountEvenWithoutEndpoints() {
        TopologySnapshot s = swarm();
        // monitor (host mode) and isolated (none) come with no endpoint at all in this snapshot.
        assertEquals(1, DriverFacts.from(s, Driver.HOST).containers());
        assertEquals(1, DriverFacts.from(s, Driver.NONE).containers());
        assertEquals(1, DriverFacts.from(lab, Driver.HOST).containers(), "lab-host");
    }

    @Test
    void driverWithNoNetworkHereSaysSo() {
        DriverFacts ipvlan = DriverFacts.from(lab, Driver.IPVLAN);
        assertEquals(0, ipvlan.networks());
        List<String> lines = FactLines.of(ipvlan, true).stream().map(m -> m.in(Locale.ENGLISH)).toList();
        assertEquals(List.of("No ipvlan network or container on these hosts."), lines);
    }

    @Test
    void noSnapshotGivesZeroCounts() {
        DriverFacts facts = DriverFacts.from(null, Driver.BRIDGE);
        assertEquals(0, facts.networks());
        assertTrue(facts.hosts().isEmpty());
    }
}
