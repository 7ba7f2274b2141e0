package dev.netlens.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.graph.LinkKind;
import dev.netlens.graph.TopoLink;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.snapshot.DemoTopology;
import dev.netlens.snapshot.TopologySnapshot;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Interface rates on the demo topology's links. */
class LinkRatesTest {
    private final TopologySnapshot snapshot = DemoTopology.load();
    private final TopologyGraph graph = TopologyGraph.from(snapshot);
    private final LinkRates links = LinkRates.of(graph, snapshot);

    private static RateSnapshot rates(InterfaceRate... rs) {
        Map<String, InterfaceRate> m = new HashMap<>();
        for (InterfaceRate r : rs) {
            m.put(r.interfaceId(), r);
        }
        return new RateSnapshot(1, Duration.ofSeconds(2), m, Map.of(), Map.of(), List.of());
    }

    private static InterfaceRate rate(String id, double bytes, long drops) {
        return new InterfaceRate(id, true, bytes, 0, bytes / 100, 0, drops, 0);
    }

    private TopoLink first(LinkKind kind) {
        return graph.links().stream().filter(l -> l.kind() == kind).sorted(java.util.Comparator.comparing(TopoLink::id))
                .findFirst().orElseThrow();
    }

    @Test
    void aVethPairCarriesTheBusierOfItsEnds() {
        TopoLink veth = first(LinkKind.VETH);
        List<String> ends = links.interfacesOf(veth.id());
        assertEquals(List.of(veth.source().substring(3), veth.target().substring(3)), ends);
        LinkRate r = links.rates(rates(rate(ends.get(0), 100, 0), rate(ends.get(1), 3_000, 0))).get(veth.id());
        assertEquals(3_000, r.bytesPerSecond(), 1e-9);
        assertEquals(ends.get(1), r.interfaceId());
        assertFalse(r.troubled());
    }

    @Test
    void dropsOnEitherEndMarkTheLinkTroubled() {
        TopoLink veth = first(LinkKind.VETH);
        List<String> ends = links.interfacesOf(veth.id());
        assertTrue(links.rates(rates(rate(ends.get(0), 0, 2), rate(ends.get(1), 10, 0))).get(veth.id()).troubled());
    }

    @Test
    void aBridgePortCarriesItsInterfacesRate() {
        TopoLink port = first(LinkKind.BRIDGE_PORT);
        assertEquals(List.of(port.source().substring(3)), links.interfacesOf(port.id()));
    }

    @Test
    void aTunnelCarriesItsNetworksVxlanDevices() {
        graph.links().stream().filter(l -> l.kind() == LinkKind.TUNNEL).forEach(t -> {
            List<String> ids = links.interfacesOf(t.id());
            assertFalse(ids.isEmpty(), t.id());
            ids.forEach(id -> assertTrue(snapshot.interfaces().stream().anyMatch(i -> i.id().equals(id)
                    && i.kind() == dev.netlens.snapshot.InterfaceKind.VXLAN), id));
        });
    }

    @Test
    void busiestLinksComeFirstAndQuietOnesAreLeftOut() {
        Map<String, LinkRate> m = Map.of(
                "a", new LinkRate("a", "x", true, 10, 1, false),
                "b", new LinkRate("b", "y", true, 500, 5, false),
                "c", new LinkRate("c", "z", true, 0, 0, false),
                "d", new LinkRate("d", "w", false, 0, 0, false));
        assertEquals(List.of("b", "a"), LinkRates.busiest(m, 10).stream().map(LinkRate::linkId).toList());
    }
}
