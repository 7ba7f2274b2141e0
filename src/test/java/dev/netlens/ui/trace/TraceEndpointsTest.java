package dev.netlens.ui.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.Fixtures;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.TopologySnapshot;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TraceEndpointsTest {
    private static final TopologySnapshot LAB = Fixtures.load("lab.json");
    private static final TopologyGraph WHOLE = TopologyGraph.from(LAB);
    private static final String HOST1 = TraceResults.HOST;
    private final TraceEndpoints endpoints = new TraceEndpoints(LAB, WHOLE);

    private static String ctr(String name) {
        Container c = LAB.containers().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        return TopologyGraph.ctrId(c.host(), c.id());
    }

    private static String port(String container, int hostPort) {
        return WHOLE.nodes().stream().filter(n -> n.kind() == NodeKind.PORT && n.label().startsWith(hostPort + "→"))
                .filter(n -> n.id().contains(LAB.containers().stream().filter(c -> c.name().equals(container))
                        .findFirst().orElseThrow().id()))
                .map(TopoNode::id).findFirst().orElseThrow();
    }

    @Test
    void aContainerGoesByItsName() {
        assertEquals(Optional.of("lab-user-a"), endpoints.source(ctr("lab-user-a")));
        assertEquals(Optional.of("lab-bridge-a"), endpoints.destination(ctr("lab-bridge-a"), HOST1));
    }

    @Test
    void anInterfaceGoesByItsAddress() {
        assertEquals(Optional.of("172.19.0.2"), endpoints.source(TopologyGraph.ifId(TraceResults.USER_A_ETH0)));
        assertEquals(Optional.of("172.17.0.1"), endpoints.destination(TopologyGraph.ifId(TraceResults.DOCKER0), HOST1));
    }

    @Test
    void aPublishedPortIsReachedOnItsHostAsItsClientsReachIt() {
        String any = port("lab-bridge-a", 8080);
        assertTrue(endpoints.destination(any, HOST1).orElseThrow().matches("host:8080/tcp"), endpoints.destination(any, HOST1).toString());
        assertEquals(Optional.of("198.18.0.1:8080/tcp"), endpoints.destination(any, "host-38f94867"),
                "from the other node: the host's own address");
        assertEquals(Optional.of("127.0.0.1:5353/udp"), endpoints.destination(port("lab-bridge-a", 5353), HOST1),
                "a port bound to one address: that address");
    }

    @Test
    void aHostIsHostForItselfAndItsAddressForTheOtherNode() {
        assertEquals(Optional.of("host"), endpoints.destination(TopologyGraph.hostId(HOST1), HOST1));
        assertEquals(Optional.of("198.18.0.2"), endpoints.destination(TopologyGraph.hostId("host-38f94867"), HOST1));
    }

    @Test
    void aHostAsSourceGoesByItsIdWhenThePictureHasSeveral() {
        assertEquals(Optional.of("host-38f94867"), endpoints.source(TopologyGraph.hostId("host-38f94867")));
        assertEquals(Optional.of(HOST1), endpoints.source(port("lab-bridge-a", 8080)), "a port's host: a client on it");
    }

    @Test
    void aNetworkIsNoEndpoint() {
        String net = WHOLE.nodes().stream().filter(n -> n.kind() == NodeKind.NETWORK).map(TopoNode::id).findFirst().orElseThrow();
        assertEquals(Optional.empty(), endpoints.source(net));
    }
}
