package dev.netlens.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Endpoint;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.InterfaceKind;
import dev.netlens.snapshot.NamespaceKind;
import dev.netlens.snapshot.NetInterface;
import dev.netlens.snapshot.NetNamespace;
import dev.netlens.snapshot.Network;
import dev.netlens.snapshot.PortMapping;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.SnapshotValidator;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.snapshot.Tunnel;
import dev.netlens.testing.EngineTest;
import dev.netlens.testing.Lab;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Discovery against the real two-engine lab (.ci/lab/topology-up.sh), checked fact by fact
 * against what {@code docker inspect} and {@code ip -j} say.
 */
@EngineTest
class DiscoveryAgainstLabTest {
    private static TopologySnapshot snapshot;
    private static Host engine1;
    private static Host node2;
    private static Map<String, NetInterface> interfaces;

    @BeforeAll
    static void discover() {
        try (Discovery discovery = Discovery.local()) {
            DiscoveryResult result = discovery.discover(List.of(Lab.ENGINE1, Lab.NODE2));
            assertEquals(List.of(), result.failures());
            snapshot = result.snapshot();
        }
        engine1 = hostAt(Lab.ENGINE1);
        node2 = hostAt(Lab.NODE2);
        interfaces = snapshot.interfaces().stream().collect(Collectors.toMap(NetInterface::id, Function.identity()));
    }

    @Test
    void everyIdReferenceResolvesAndTheJsonRoundTrips() throws Exception {
        assertEquals(List.of(), SnapshotValidator.problems(snapshot));
        assertEquals(snapshot, SnapshotJson.parse(SnapshotJson.toJson(snapshot)));
    }

    @Test
    void hostsCarryEngineFactsAndAKernelView() {
        JsonNode info = Lab.dockerJson(Lab.ENGINE1, "info", "--format", "{{json .}}");
        assertEquals(info.get("ServerVersion").asText(), engine1.engineVersion());
        assertEquals(info.get("Swarm").get("NodeID").asText(), engine1.swarmNodeId());
        assertEquals("198.18.0.1", engine1.underlayAddress());
        assertEquals("198.18.0.2", node2.underlayAddress());
        assertTrue(engine1.kernelView());
        assertTrue(node2.kernelView());
        assertEquals(engine1.kernelId(), node2.kernelId(), "both engines run on this machine's kernel");
        assertNotNull(engine1.firewall().iptablesSave());
        assertTrue(engine1.firewall().iptablesSave().contains("DOCKER"));
    }

    @Test
    void everyLabContainerIsListedWithItsEngineFacts() {
        for (String id : Lab.docker(Lab.ENGINE1, "ps", "-aq", "--no-trunc", "--filter", "label=" + Lab.LABEL).split("\\s+")) {
            JsonNode inspect = Lab.dockerJson(Lab.ENGINE1, "inspect", id).get(0);
            Container c = container(engine1, inspect.get("Name").asText().substring(1));
            assertEquals(inspect.get("Id").asText(), c.id());
            assertEquals(inspect.get("State").get("Status").asText(), c.state());
            assertEquals(inspect.get("HostConfig").get("NetworkMode").asText(), c.networkMode());
            assertEquals(inspect.get("Config").get("Image").asText(), c.image());
        }
    }

    @Test
    void vethPairsAreMatchedBothWaysAndAgreeWithTheKernel() {
        for (String name : List.of("lab-bridge-a", "lab-bridge-b", "lab-user-a", "lab-user-b", "lab-renamed-1", "lab-internal-1")) {
            Container c = container(engine1, name);
            NetInterface eth0 = interfaces.get(c.namespace() + "/eth0");
            assertNotNull(eth0, name + " has eth0");
            assertEquals(InterfaceKind.VETH, eth0.kind());
            NetInterface hostEnd = interfaces.get(eth0.peer());
            assertNotNull(hostEnd, name + "'s eth0 has a peer");
            assertEquals(eth0.id(), hostEnd.peer(), "peer is set on both ends");
            assertEquals(engine1.id() + "/ns/host", hostEnd.namespace());
            // The kernel's own word: container eth0's link_index is the host end's ifindex, and back.
            JsonNode kernelEth0 = byName(Lab.ipAddr(sandboxKey(name)), "eth0");
            assertEquals(kernelEth0.get("link_index").asInt(), hostEnd.ifindex());
            assertEquals(kernelEth0.get("ifindex").asInt(), byName(Lab.ipAddr(""), hostEnd.name()).get("link_index").asInt());
        }
    }

    @Test
    void bridgePortsAreEnslavedToTheirNetworksBridge() {
        Map<String, String> expectedBridge = Map.of(
                "lab-bridge-a", "docker0", "lab-user-a", bridgeNameOf("lab-user"),
                "lab-renamed-1", "labbr0", "lab-internal-1", bridgeNameOf("lab-internal"));
        expectedBridge.forEach((name, bridgeName) -> {
            NetInterface hostEnd = interfaces.get(interfaces.get(container(engine1, name).namespace() + "/eth0").peer());
            assertEquals(engine1.id() + "/ns/host/" + bridgeName, hostEnd.master(), name);
            assertEquals(bridgeName, byName(Lab.ipAddr(""), hostEnd.name()).get("master").asText());
        });
        assertEquals(engine1.id() + "/ns/host/labbr0", network(engine1, "lab-renamed").bridge());
        assertEquals(engine1.id() + "/ns/host/docker0", network(engine1, "bridge").bridge());
        assertTrue(network(engine1, "lab-internal").internal());
    }

    @Test
    void endpointsCarryAddressesAliasesAndTheirInterface() {
        Container a = container(engine1, "lab-user-a");
        Endpoint ep = a.endpoints().stream().filter(e -> e.networkName().equals("lab-user")).findFirst().orElseThrow();
        JsonNode inspected = Lab.dockerJson(Lab.ENGINE1, "inspect", "lab-user-a").get(0).get("NetworkSettings").get("Networks").get("lab-user");
        assertEquals(inspected.get("IPAddress").asText() + "/" + inspected.get("IPPrefixLen").asInt(), ep.ipv4());
        assertEquals(inspected.get("MacAddress").asText(), ep.mac());
        assertTrue(ep.aliases().contains("alpha"));
        assertEquals(a.namespace() + "/eth0", ep.interfaceId());
    }

    @Test
    void namespacesHoldTheirContainersWhateverTheNetworkMode() {
        Container owner = container(engine1, "lab-bridge-b");
        Container member = container(engine1, "lab-shared");
        assertEquals(owner.namespace(), member.namespace(), "a container: member shares its owner's namespace");
        NetNamespace shared = namespace(owner.namespace());
        assertEquals(Set.of(owner.id(), member.id()), new HashSet<>(shared.containers()));
        assertEquals(NamespaceKind.CONTAINER, shared.kind());

        Container hostMode = container(engine1, "lab-host");
        assertEquals(engine1.id() + "/ns/host", hostMode.namespace());
        assertTrue(namespace(hostMode.namespace()).containers().contains(hostMode.id()));

        Container none = container(engine1, "lab-none");
        List<NetInterface> noneInterfaces = interfacesIn(none.namespace());
        assertEquals(List.of(InterfaceKind.LOOPBACK), noneInterfaces.stream().map(NetInterface::kind).toList());

        assertNull(container(engine1, "lab-created").namespace());
        assertNull(container(engine1, "lab-exited").namespace());
    }

    @Test
    void publishedPortsAreListed() {
        List<PortMapping> ports = container(engine1, "lab-bridge-a").ports();
        assertTrue(ports.stream().anyMatch(p -> p.hostPort() == 8080 && p.containerPort() == 80 && p.protocol().equals("tcp")), ports.toString());
        assertTrue(ports.contains(new PortMapping("127.0.0.1", 5353, 53, "udp")), ports.toString());
    }

    @Test
    void macvlanInterfaceNamesItsParentOnTheHost() {
        Container c = container(engine1, "lab-macvlan-1");
        NetInterface eth0 = interfaces.get(c.namespace() + "/eth0");
        assertEquals(InterfaceKind.MACVLAN, eth0.kind());
        assertEquals(engine1.id() + "/ns/host/mvparent0", eth0.parent());
        assertEquals(engine1.id() + "/ns/host/mvparent0", network(engine1, "lab-macvlan").parent());
    }

    @Test
    void overlayHasItsBridgeVxlanVniAndPeersOnBothHosts() {
        for (Host host : List.of(engine1, node2)) {
            Network overlay = network(host, "lab-overlay");
            String id10 = overlay.id().substring(0, 10);
            String nsFile = (host == engine1 ? "/var/run/docker/netns/1-" : "/run/node2/exec/netns/1-") + id10;
            JsonNode vxlan = Lab.ipAddr(nsFile);
            JsonNode device = null;
            for (JsonNode link : vxlan) {
                if ("vxlan".equals(link.path("linkinfo").path("info_kind").asText())) {
                    device = link;
                }
            }
            assertNotNull(device, "ip shows a vxlan device in " + nsFile);
            assertEquals(device.path("linkinfo").path("info_data").path("id").asInt(), overlay.vni());
            NetInterface vx = interfaces.get(overlay.vxlan());
            assertEquals(device.get("ifname").asText(), vx.name());
            assertEquals(overlay.bridge(), vx.master(), "the VXLAN device is enslaved to the overlay's bridge");
            assertEquals(Set.of("198.18.0.1", "198.18.0.2"),
                    overlay.peers().stream().map(p -> p.address()).collect(Collectors.toSet()));
        }
        Network overlay = network(engine1, "lab-overlay");
        List<Tunnel> tunnels = snapshot.tunnels().stream().filter(t -> t.network().equals(overlay.id())).toList();
        assertEquals(1, tunnels.size(), "one tunnel per pair of peers");
        assertEquals(Set.of(engine1.id(), node2.id()), Set.of(tunnels.get(0).from().host(), tunnels.get(0).to().host()));
        assertEquals(overlay.vni(), tunnels.get(0).vni());
    }

    @Test
    void overlayContainerHasItsSecondLegOnDockerGwbridge() {
        Container o1 = container(engine1, "lab-o1");
        boolean legOnGwbridge = interfacesIn(o1.namespace()).stream()
                .filter(i -> i.kind() == InterfaceKind.VETH && i.peer() != null)
                .map(i -> interfaces.get(i.peer()))
                .anyMatch(hostEnd -> (engine1.id() + "/ns/host/docker_gwbridge").equals(hostEnd.master()));
        assertTrue(legOnGwbridge, "lab-o1 reaches docker_gwbridge through a veth the API does not list");
        Container o2 = container(node2, "lab-o2");
        NetInterface o2Eth0 = interfacesIn(o2.namespace()).stream().filter(i -> i.name().equals("eth0")).findFirst().orElseThrow();
        assertEquals(network(node2, "lab-overlay").bridge(), interfaces.get(o2Eth0.peer()).master(),
                "o2's overlay leg is a port of br0 in node2's overlay namespace");
    }

    @Test
    void theUnderlayVethBetweenTheTwoEnginesIsMatchedAcrossHosts() {
        NetInterface n1 = interfaces.get(engine1.id() + "/ns/host/n1-eth");
        assertNotNull(n1);
        assertEquals(node2.id() + "/ns/host/n2-eth", n1.peer());
    }

    @Test
    void noEnvironmentVariableReachesTheSnapshot() {
        String env = Lab.dockerJson(Lab.ENGINE1, "inspect", "lab-bridge-a").get(0).get("Config").get("Env").toString();
        assertTrue(env.contains("NETLENS_LAB_SECRET"), "the lab gives lab-bridge-a a variable to leak: " + env);
        String json = SnapshotJson.toJson(snapshot);
        assertFalse(json.contains("NETLENS_LAB_SECRET"), "container environment must never be exported");
        assertFalse(json.contains("\"Env\""));
    }

    private static Host hostAt(String endpoint) {
        return snapshot.hosts().stream().filter(h -> h.endpoint().equals(endpoint)).findFirst().orElseThrow();
    }

    private static Container container(Host host, String name) {
        return snapshot.containers().stream().filter(c -> c.host().equals(host.id()) && c.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no container " + name + " on " + host.name()));
    }

    private static Network network(Host host, String name) {
        return snapshot.networks().stream().filter(n -> n.host().equals(host.id()) && n.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no network " + name));
    }

    private static NetNamespace namespace(String id) {
        return snapshot.namespaces().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<NetInterface> interfacesIn(String namespaceId) {
        return snapshot.interfaces().stream().filter(i -> i.namespace().equals(namespaceId)).toList();
    }

    private static String sandboxKey(String container) {
        return Lab.dockerJson(Lab.ENGINE1, "inspect", container).get(0).get("NetworkSettings").get("SandboxKey").asText();
    }

    private static String bridgeNameOf(String network) {
        return "br-" + Lab.dockerJson(Lab.ENGINE1, "network", "inspect", network).get(0).get("Id").asText().substring(0, 12);
    }

    private static JsonNode byName(JsonNode ipOutput, String name) {
        for (JsonNode link : ipOutput) {
            if (name.equals(link.path("ifname").asText())) {
                return link;
            }
        }
        throw new AssertionError("ip shows no " + name);
    }
}
