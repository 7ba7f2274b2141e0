package dev.netlens.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.NetNamespace;
import dev.netlens.snapshot.Network;
import dev.netlens.snapshot.Route;
import dev.netlens.snapshot.SnapshotValidator;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.testing.EngineTest;
import dev.netlens.testing.Lab;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The routing tables and kernel settings discovery reads from the real two-engine lab. */
@EngineTest
class RoutesAgainstLabTest {
    private static final List<String> HOSTS = List.of(Lab.ENGINE1, Lab.NODE2);
    private static TopologySnapshot snapshot;
    private static Host engine1;
    private static Host node2;

    @BeforeAll
    static void discover() {
        try (Discovery discovery = Discovery.local()) {
            DiscoveryResult result = discovery.discover(HOSTS);
            assertEquals(List.of(), result.failures());
            snapshot = result.snapshot();
        }
        engine1 = hostAt(snapshot, Lab.ENGINE1);
        node2 = hostAt(snapshot, Lab.NODE2);
    }

    @Test
    void containerHasADefaultRouteViaItsNetworksGatewayAndAConnectedRouteForItsSubnet() {
        Container a = container(snapshot, "lab-user-a");
        JsonNode ipam = Lab.dockerJson(Lab.ENGINE1, "network", "inspect", "lab-user").get(0).get("IPAM").get("Config").get(0);
        NetNamespace ns = namespace(snapshot, a.namespace());
        String eth0 = ns.id() + "/eth0";
        Route defaultRoute = to(ns, "default");
        assertEquals(ipam.get("Gateway").asText(), defaultRoute.gateway());
        assertEquals(eth0, defaultRoute.device());
        assertEquals("eth0", defaultRoute.deviceName());
        Route connected = to(ns, ipam.get("Subnet").asText());
        assertEquals(eth0, connected.device());
        assertEquals(null, connected.gateway());
        assertEquals("link", connected.scope());
        assertEquals(a.endpoints().get(0).ipv4().replaceAll("/.*", ""), connected.source());
    }

    @Test
    void hostNamespaceRoutesDocker0AndEveryLabBridgeToItsBridge() {
        NetNamespace host = namespace(snapshot, engine1.id() + "/ns/host");
        for (String name : List.of("bridge", "lab-user", "lab-renamed", "lab-internal")) {
            Network n = network(name);
            assertNotNull(n.bridge(), name);
            Route route = to(host, n.subnets().stream().filter(s -> s.contains(".")).findFirst().orElseThrow());
            assertEquals(n.bridge(), route.device(), name);
            assertEquals(n.gateways().stream().filter(g -> g.contains(".")).findFirst().orElseThrow(), route.source(), name);
        }
        assertTrue(to(host, "172.17.0.0/16").device().endsWith("/ns/host/docker0"));
        assertEquals(List.of(), SnapshotValidator.problems(snapshot));
    }

    @Test
    void everyNamespaceReadHasItsTable() {
        Set<String> read = Set.copyOf(snapshot.interfaces().stream().map(i -> i.namespace()).toList());
        for (NetNamespace ns : snapshot.namespaces()) {
            if (read.contains(ns.id())) {
                assertNotNull(ns.routes(), ns.id());
            }
        }
        // lab-none has only lo: an empty table, read.
        assertEquals(List.of(), namespace(snapshot, container(snapshot, "lab-none").namespace()).routes());
    }

    @Test
    void engineSettingsAreReadInEachEnginesNamespace() {
        assertEquals("1", engine1.sysctls().get("net.bridge.bridge-nf-call-iptables"));
        assertEquals(Lab.run(List.of("cat", "/proc/sys/net/ipv4/ip_forward")).strip(), engine1.sysctls().get("net.ipv4.ip_forward"));
        // node2 is entered with nsenter: its value is the one its own namespace shows.
        assertEquals(Lab.run(List.of("nsenter", "--net=/var/run/netns/node2", "cat", "/proc/sys/net/ipv4/ip_forward")).strip(),
                node2.sysctls().get("net.ipv4.ip_forward"));
        assertTrue(node2.sysctls().keySet().stream().allMatch(Host.SYSCTLS::contains), node2.sysctls().toString());
    }

    @Test
    void incrementalRefreshKeepsTheRoutesAFullPassReads() {
        try (Discovery discovery = Discovery.local()) {
            DiscoveryState first = discovery.discoverState(HOSTS);
            TopologySnapshot before = first.result().snapshot();
            Container a = container(before, "lab-user-a");
            Container b = container(before, "lab-user-b");
            // lab-user-a named by an event: its namespace is read again; lab-user-b's dump is reused.
            DiscoveryState next = discovery.refresh(first, HOSTS, Map.of(
                    Lab.ENGINE1, new EngineChanges(Set.of(a.id()), Set.of()), Lab.NODE2, EngineChanges.NONE));
            assertTrue(next.hosts().get(Lab.ENGINE1).incremental());
            TopologySnapshot after = next.result().snapshot();
            for (Container c : List.of(a, b)) {
                assertEquals(namespace(before, c.namespace()).routes(), namespace(after, container(after, c.name()).namespace()).routes(),
                        c.name());
                assertEquals(namespace(snapshot, container(snapshot, c.name()).namespace()).routes(),
                        namespace(after, container(after, c.name()).namespace()).routes(), c.name());
            }
            assertEquals(labRoutes(namespace(before, hostAt(before, Lab.ENGINE1).id() + "/ns/host")),
                    labRoutes(namespace(after, hostAt(after, Lab.ENGINE1).id() + "/ns/host")));
            assertEquals(hostAt(before, Lab.ENGINE1).sysctls(), hostAt(after, Lab.ENGINE1).sysctls());
        }
    }

    /** The host's routes to lab and default bridges (other work on this machine may add its own). */
    private static List<Route> labRoutes(NetNamespace host) {
        return host.routes().stream().filter(r -> r.deviceName() != null
                && (r.deviceName().equals("docker0") || r.deviceName().equals("labbr0") || r.deviceName().startsWith("br-"))).toList();
    }

    private static Route to(NetNamespace ns, String destination) {
        assertNotNull(ns.routes(), ns.id() + " has no routes");
        return ns.routes().stream().filter(r -> r.destination().equals(destination)).findFirst()
                .orElseThrow(() -> new AssertionError(ns.id() + " has no route to " + destination + ": " + ns.routes()));
    }

    private static Host hostAt(TopologySnapshot s, String endpoint) {
        return s.hosts().stream().filter(h -> h.endpoint().equals(endpoint)).findFirst().orElseThrow();
    }

    private static NetNamespace namespace(TopologySnapshot s, String id) {
        return s.namespaces().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no namespace " + id));
    }

    private static Container container(TopologySnapshot s, String name) {
        Host host = hostAt(s, Lab.ENGINE1);
        return s.containers().stream().filter(c -> c.host().equals(host.id()) && c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    private static Network network(String name) {
        return snapshot.networks().stream().filter(n -> n.host().equals(engine1.id()) && n.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no network " + name));
    }
}
