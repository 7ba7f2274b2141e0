package dev.netlens.graph;

import dev.netlens.graph.SubKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.Fixtures;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.NetInterface;
import dev.netlens.snapshot.TopologySnapshot;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TopologyGraphTest {
    private final TopologySnapshot snapshot = Fixtures.load(Fixtures.SWARM);
    private final TopologyGraph graph = TopologyGraph.from(snapshot);

    static List<String> recorded() {
        return Fixtures.recorded();
    }

    private Container container(String name) {
        return snapshot.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private TopoNode containerNode(String name) {
        Container c = container(name);
        return graph.node(TopologyGraph.ctrId(c.host(), c.id())).orElseThrow();
    }

    private List<TopoLink> links(LinkKind kind) {
        return graph.links().stream().filter(l -> l.kind() == kind).toList();
    }

    @ParameterizedTest
    @MethodSource("recorded")
    void eachVethPairIsExactlyOneEdgeBetweenItsTwoEnds(String fixture) {
        TopologySnapshot s = Fixtures.load(fixture);
        TopologyGraph g = TopologyGraph.from(s);
        Set<Set<String>> pairs = s.interfaces().stream().filter(i -> i.peer() != null)
                .map(i -> Set.of(TopologyGraph.ifId(i.id()), TopologyGraph.ifId(i.peer()))).collect(Collectors.toSet());
        List<TopoLink> veths = g.links().stream().filter(l -> l.kind() == LinkKind.VETH).toList();
        assertEquals(pairs.size(), veths.size());
        assertEquals(pairs, veths.stream().map(l -> Set.of(l.source(), l.target())).collect(Collectors.toSet()));
    }

    @ParameterizedTest
    @MethodSource("recorded")
    void everyLinkEndIsAVertexAndEveryParentIsABox(String fixture) {
        TopologyGraph g = TopologyGraph.from(Fixtures.load(fixture));
        for (TopoLink l : g.links()) {
            assertTrue(g.node(l.source()).isPresent() && g.node(l.target()).isPresent(), l.id());
        }
        for (TopoNode n : g.nodes()) {
            if (n.parent() != null) {
                assertTrue(g.node(n.parent()).orElseThrow().kind().isBox(), n.id());
            }
        }
    }

    @Test
    void webAndCacheHostSideVethsAreBridgePortsOfDocker0() {
        TopoNode docker0 = graph.nodes().stream()
                .filter(n -> n.label().equals("docker0") && "node1".equals(n.host())).findFirst().orElseThrow();
        assertEquals(NodeKind.BRIDGE, docker0.kind());
        Set<String> members = links(LinkKind.BRIDGE_PORT).stream().filter(l -> l.target().equals(docker0.id()))
                .map(l -> graph.node(l.source()).orElseThrow().ref()).collect(Collectors.toSet());
        for (String name : List.of("web", "cache")) {
            String eth0 = container(name).endpoints().get(0).interfaceId();
            String hostEnd = snapshot.interfaces().stream().filter(i -> i.id().equals(eth0)).findFirst()
                    .map(NetInterface::peer).orElseThrow();
            assertTrue(members.contains(hostEnd), name + " is on docker0");
        }
        assertEquals(2, members.size());
        assertTrue(docker0.caption().startsWith("bridge"), "docker0 is labelled with its network");
    }

    @Test
    void aContainersHostIsNamedWithItsEngineAddressNotItsId() {
        var c = snapshot.containers().get(0);
        var host = snapshot.hosts().stream().filter(h -> h.id().equals(c.host())).findFirst().orElseThrow();
        TopoNode node = graph.node(TopologyGraph.ctrId(c.host(), c.id())).orElseThrow();
        String shown = node.details().stream().filter(d -> d.name().equals("Host")).findFirst().orElseThrow().value();
        assertEquals(host.name() + " (" + host.endpoint() + ")", shown);
    }

    @Test
    void containerModeMemberSharesItsNamespaceBox() {
        TopoNode db = containerNode("db");
        TopoNode exporter = containerNode("db-exporter");
        assertEquals(db.parent(), exporter.parent());
        assertEquals(NodeKind.NAMESPACE, graph.node(db.parent()).orElseThrow().kind());
    }

    @Test
    void noneModeNamespaceHoldsOnlyLoopback() {
        TopoNode isolated = containerNode("isolated");
        List<TopoNode> inside = graph.children(isolated.parent()).stream().map(id -> graph.node(id).orElseThrow()).toList();
        assertEquals(Set.of("isolated", "lo"), inside.stream().map(TopoNode::label).collect(Collectors.toSet()));
    }

    @Test
    void hostModeContainerSitsInTheHostNamespace() {
        TopoNode monitor = containerNode("monitor");
        TopoNode box = graph.node(monitor.parent()).orElseThrow();
        assertEquals(SubKind.Namespace.HOST, box.subKind());
    }

    @Test
    void stoppedContainerHasNoNamespaceAndNoWiring() {
        TopoNode old = containerNode("old-job");
        assertEquals(SubKind.ContainerState.EXITED, old.subKind());
        assertEquals(NodeKind.HOST, graph.node(old.parent()).orElseThrow().kind());
        assertTrue(graph.linksOf(old.id()).isEmpty());
    }

    @Test
    void overlayNamespaceHoldsBr0WithVxlanAndTheTunnelJoinsBothUnderlays() {
        TopoNode vxlan = graph.nodes().stream().filter(n -> n.subKind() == SubKind.Device.VXLAN && "node1".equals(n.host()))
                .findFirst().orElseThrow();
        assertEquals("VNI 4097", vxlan.caption());
        assertEquals(SubKind.Namespace.OVERLAY, graph.node(vxlan.parent()).orElseThrow().subKind());
        TopoLink toBr0 = links(LinkKind.BRIDGE_PORT).stream().filter(l -> l.source().equals(vxlan.id())).findFirst().orElseThrow();
        assertEquals("br0", graph.node(toBr0.target()).orElseThrow().label());
        List<TopoLink> tunnels = links(LinkKind.TUNNEL);
        assertEquals(1, tunnels.size(), "both hosts list the tunnel; it is drawn once");
        Set<String> ends = Set.of(graph.node(tunnels.get(0).source()).orElseThrow().label(),
                graph.node(tunnels.get(0).target()).orElseThrow().label());
        assertEquals(Set.of("n1-eth", "n2-eth"), ends);
    }

    @Test
    void overlayContainerAlsoHasItsGwbridgeLeg() {
        TopoNode o1 = containerNode("o1");
        Set<String> carried = links(LinkKind.ENDPOINT).stream().filter(l -> l.source().equals(o1.id()))
                .map(l -> graph.node(l.target()).orElseThrow().label()).collect(Collectors.toSet());
        assertEquals(Set.of("eth0", "eth1"), carried);
        Set<String> path = graph.pathFrom(o1.id());
        assertTrue(path.stream().map(graph::node).flatMap(java.util.Optional::stream)
                .anyMatch(n -> n.label().equals("docker_gwbridge")));
    }

    @Test
    void macvlanIsLinkedToItsVethParent() {
        TopoLink parent = links(LinkKind.PARENT).stream()
                .filter(l -> graph.node(l.source()).orElseThrow().subKind() == SubKind.Device.MACVLAN).findFirst().orElseThrow();
        assertEquals("mvparent0", graph.node(parent.target()).orElseThrow().label());
    }

    @Test
    void publishedPortsPointAtTheirContainer() {
        TopoNode api = containerNode("api");
        long ports = links(LinkKind.PUBLISHED).stream().filter(l -> l.target().equals(api.id())).count();
        assertEquals(2, ports);
    }

    @Test
    void mtuMismatchIsMarkedOnlyWhereTheEndsDiffer() {
        List<TopoLink> flagged = graph.links().stream().filter(TopoLink::mtuMismatch).toList();
        assertEquals(1, flagged.size());
        assertEquals(LinkKind.VETH, flagged.get(0).kind());
        assertEquals("MTU 1400 ≠ 1500", flagged.get(0).label().replace("1500 ≠ 1400", "1400 ≠ 1500"));
    }

    @Test
    void pathFromAContainerRunsThroughVethAndBridgeToItsHost() {
        TopoNode web = containerNode("web");
        Set<String> labels = graph.pathFrom(web.id()).stream().map(graph::node).flatMap(java.util.Optional::stream)
                .map(TopoNode::label).collect(Collectors.toSet());
        assertTrue(labels.containsAll(Set.of("web", "eth0", "docker0", "node1", "8080→80/tcp")), labels.toString());
        assertFalse(labels.contains("cache"), "siblings on the bridge are not on the path");
    }

    @Test
    void pathFromANamespaceBoxIsTheBoxItsMembersAndTheLinksBetweenThem() {
        TopoNode hostNs = graph.nodes().stream().filter(n -> n.kind() == NodeKind.NAMESPACE && n.subKind() == SubKind.Namespace.HOST
                && "node1".equals(n.host())).findFirst().orElseThrow();
        Set<String> path = graph.pathFrom(hostNs.id());
        assertTrue(path.contains(hostNs.id()));
        assertTrue(path.contains("host:node1"), "its host box");
        assertFalse(graph.children(hostNs.id()).isEmpty());
        assertTrue(path.containsAll(graph.descendants(hostNs.id())), "every member");
        assertTrue(path.stream().map(graph::node).flatMap(java.util.Optional::stream)
                .anyMatch(n -> n.label().equals("docker0")));
        // A link inside the box is on the path, one leaving it is not.
        for (TopoLink l : graph.links()) {
            boolean inside = graph.descendants(hostNs.id()).containsAll(List.of(l.source(), l.target()));
            assertEquals(inside, path.contains(l.id()), l.id());
        }
        assertFalse(path.contains(containerNode("web").id()), "a container namespace is the host's, not the host namespace's");

        Set<String> host = graph.pathFrom("host:node1");
        assertTrue(host.containsAll(graph.descendants("host:node1")));
        assertTrue(host.contains(containerNode("web").id()));
        assertFalse(host.contains("host:node2"));
    }

    @Test
    void networkWithABridgeIsDrawnAsThatBridge() {
        TopoNode appnet = graph.nodes().stream().filter(n -> n.kind() == NodeKind.NETWORK && n.label().equals("appnet"))
                .findFirst().orElseThrow();
        assertFalse(graph.isDrawn(appnet));
        assertTrue(graph.node(graph.representative(appnet.id())).orElseThrow().label().startsWith("br-"));
        TopoNode none = graph.nodes().stream().filter(n -> n.kind() == NodeKind.NETWORK && n.label().equals("none"))
                .findFirst().orElseThrow();
        assertTrue(graph.isDrawn(none));
    }

    @Test
    void diffBetweenSnapshotsNamesOnlyWhatChanged() {
        TopologyGraph after = TopologyGraph.from(Fixtures.load(Fixtures.SWARM_AFTER));
        TopologyDiff diff = TopologyDiff.between(graph, after);
        Set<String> added = diff.addedNodes().stream().map(id -> after.node(id).orElseThrow().label()).collect(Collectors.toSet());
        Set<String> removed = diff.removedNodes().stream().map(id -> graph.node(id).orElseThrow().label()).collect(Collectors.toSet());
        assertTrue(added.containsAll(Set.of("queue", "5672→5672/tcp")), added.toString());
        assertTrue(removed.contains("cache"), removed.toString());
        assertEquals(Set.of(), diff.changedNodes().stream().map(id -> after.node(id).orElseThrow().label())
                .filter(l -> !l.equals("docker0")).collect(Collectors.toSet()), "only docker0's member list may change");
        assertTrue(TopologyDiff.between(after, after).isEmpty());
    }

    @Test
    void exportsDotAndGraphmlWithEveryVertexAndLink() {
        StringWriter dot = new StringWriter();
        GraphExport.writeDot(graph, dot);
        assertTrue(dot.toString().startsWith("digraph netlens"));
        assertTrue(dot.toString().contains("kind=\"bridge\""));
        assertEquals(graph.links().size(), dot.toString().lines().filter(line -> line.contains("->")).count());
        StringWriter ml = new StringWriter();
        GraphExport.writeGraphml(graph, ml);
        assertEquals(graph.nodes().size(), ml.toString().split("<node ", -1).length - 1);
        assertEquals(graph.links().size(), ml.toString().split("<edge ", -1).length - 1);
    }
}
