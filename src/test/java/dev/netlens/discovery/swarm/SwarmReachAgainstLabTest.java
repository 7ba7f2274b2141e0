package dev.netlens.discovery.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.DiscoveryResult;
import dev.netlens.discovery.engine.EngineEndpoints;
import dev.netlens.discovery.kernel.EngineProcessLocator;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.SnapshotValidator;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.snapshot.Tunnel;
import dev.netlens.testing.EngineTest;
import dev.netlens.testing.Lab;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** --swarm against the lab's real two-node swarm, with engine 1 as the manager. */
@EngineTest
class SwarmReachAgainstLabTest {
    private final SwarmReach reach = new SwarmReach(h -> EngineEndpoints.connect(h, Duration.ofSeconds(10)));

    private static Map<String, String> nodeIds() {
        return Map.of(Lab.ENGINE1, Lab.dockerJson(Lab.ENGINE1, "info", "--format", "{{json .Swarm}}").get("NodeID").asText(),
                Lab.NODE2, Lab.dockerJson(Lab.NODE2, "info", "--format", "{{json .Swarm}}").get("NodeID").asText());
    }

    @Test
    void theManagerListsBothNodesWithWhatTheyReport() throws Exception {
        try (var api = EngineEndpoints.connect(Lab.ENGINE1, Duration.ofSeconds(10))) {
            List<SwarmNode> nodes = SwarmReach.nodes(api);
            Map<String, SwarmNode> byAddress = nodes.stream().collect(Collectors.toMap(SwarmNode::address, n -> n));
            assertEquals(java.util.Set.of("198.18.0.1", "198.18.0.2"), byAddress.keySet());
            assertEquals("manager", byAddress.get("198.18.0.1").role());
            assertEquals("worker", byAddress.get("198.18.0.2").role());
            assertEquals(nodeIds().get(Lab.NODE2), byAddress.get("198.18.0.2").id());
            assertEquals("node2", byAddress.get("198.18.0.2").labels().get("netlens.node"));
            assertTrue(nodes.stream().allMatch(n -> n.ready() && "active".equals(n.availability())));
        }
    }

    @Test
    void eachNodeGetsTheEngineThatReportsItsIdAmongThisMachinesSockets() throws Exception {
        List<String> sockets = new EngineProcessLocator(Path.of("/proc")).sockets();
        List<NodeReach> plan = reach.plan(Lab.ENGINE1, null, sockets);
        Map<String, String> endpointByNode = plan.stream().collect(Collectors.toMap(r -> r.node().id(), r -> String.valueOf(r.endpoint())));
        Map<String, String> ids = nodeIds();
        assertEquals(Lab.ENGINE1, endpointByNode.get(ids.get(Lab.ENGINE1)));
        assertEquals(Lab.NODE2, endpointByNode.get(ids.get(Lab.NODE2)));
        assertTrue(plan.stream().allMatch(NodeReach::reachable));
    }

    @Test
    void theSwarmFromItsManagerStitchesBothNodesAsDirectDiscoveryDoes() throws Exception {
        List<NodeReach> plan = reach.plan(Lab.ENGINE1, null, new EngineProcessLocator(Path.of("/proc")).sockets());
        TopologySnapshot viaSwarm;
        TopologySnapshot direct;
        try (Discovery discovery = Discovery.local()) {
            DiscoveryResult result = discovery.discover(plan.stream().map(NodeReach::endpoint).toList());
            assertEquals(List.of(), result.failures());
            viaSwarm = SwarmHosts.withUnreachable(result.snapshot(), plan, result.failures());
            direct = discovery.discover(List.of(Lab.ENGINE1, Lab.NODE2)).snapshot();
        }
        assertEquals(hosts(direct), hosts(viaSwarm));
        assertEquals(tunnels(direct), tunnels(viaSwarm));
        assertTrue(tunnels(viaSwarm).stream().anyMatch(t -> t.startsWith("lab-overlay")), tunnels(viaSwarm).toString());
        assertEquals(direct.networks().size(), viaSwarm.networks().size());
        assertEquals(direct.containers().size(), viaSwarm.containers().size());
    }

    private static List<String> hosts(TopologySnapshot s) {
        return s.hosts().stream().map(h -> h.id() + "|" + h.name() + "|" + h.swarmNodeId() + "|" + h.underlayAddress() + "|" + h.kernelView())
                .sorted().toList();
    }

    /** Each VXLAN tunnel as network, VNI and the two hosts it joins (namespaces and devices as read). */
    private static List<String> tunnels(TopologySnapshot s) {
        return s.tunnels().stream().map((Tunnel t) -> t.networkName() + "|" + t.vni() + "|" + t.from() + "|" + t.to()).sorted().toList();
    }

    @Test
    void aNodeWithNoKnownEngineIsDrawnUnreachableWithTheReason() throws Exception {
        List<NodeReach> plan = reach.plan(Lab.ENGINE1, null, List.of());
        NodeReach node2 = plan.stream().filter(r -> r.node().address().equals("198.18.0.2")).findFirst().orElseThrow();
        assertFalse(node2.reachable());
        assertTrue(node2.problem().contains("--swarm-node-host"), node2.problem());
        TopologySnapshot snapshot;
        try (Discovery discovery = Discovery.local()) {
            DiscoveryResult result = discovery.discover(List.of(Lab.ENGINE1));
            snapshot = SwarmHosts.withUnreachable(result.snapshot(), plan, result.failures());
        }
        Host drawn = snapshot.hosts().stream().filter(h -> node2.node().id().equals(h.swarmNodeId())).findFirst().orElseThrow();
        assertEquals("vm (198.18.0.2)", drawn.name());
        assertFalse(drawn.kernelView());
        assertNull(drawn.engineVersion());
        assertEquals(List.of(SwarmHosts.UNREACHABLE + node2.problem()), drawn.missing());
        assertEquals(List.of(), SnapshotValidator.problems(snapshot));
        assertEquals(snapshot, SnapshotJson.parse(SnapshotJson.toJson(snapshot)));
    }

    @Test
    void aTemplateAddressThatDoesNotAnswerGivesTheEnginesReason() throws Exception {
        List<NodeReach> plan = reach.plan(Lab.ENGINE1, "unix:///nonexistent/nlreach-{addr}.sock", List.of());
        NodeReach node2 = plan.stream().filter(r -> r.node().address().equals("198.18.0.2")).findFirst().orElseThrow();
        assertFalse(node2.reachable());
        assertTrue(node2.problem().contains("unix:///nonexistent/nlreach-198.18.0.2.sock"), node2.problem());
    }

    @Test
    void anEngineAnsweringForAnotherNodeIsNotTaken(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
        // Engine 1's socket at node2's address: it answers, as the manager, never as node2.
        java.nio.file.Files.createSymbolicLink(temp.resolve("198.18.0.2.sock"), Path.of("/var/run/docker.sock"));
        List<NodeReach> plan = reach.plan(Lab.ENGINE1, "unix://" + temp + "/{addr}.sock", List.of());
        NodeReach node2 = plan.stream().filter(r -> r.node().address().equals("198.18.0.2")).findFirst().orElseThrow();
        assertFalse(node2.reachable());
        assertTrue(node2.problem().contains("is not this node"), node2.problem());
    }

    @Test
    void aWorkerIsRefusedAsManager() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reach.plan(Lab.NODE2, null, List.of()));
        assertTrue(e.getMessage().contains("swarm worker"), e.getMessage());
    }
}
