package dev.netlens.ui.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.DiscoveryResult;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.render.Drawing;
import dev.netlens.render.Item;
import dev.netlens.render.PictureOptions;
import dev.netlens.render.Pictures;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Endpoint;
import dev.netlens.snapshot.SnapshotFile;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.testing.EngineTest;
import dev.netlens.testing.Lab;
import dev.netlens.ui.state.TopologyState;
import dev.netlens.ui.concurrent.SameThreadExecutor;
import dev.netlens.ui.selection.SelectionModel;
import dev.netlens.layout.StackLayout;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A dual-stack network on the real engine: the container's global IPv6 address and the network's IPv6
 * subnet and gateway are in the graph, on the shapes' captions (canvas and pictures share the layout's
 * captions), in the drawing, and found by the search.
 */
@EngineTest
class DualStackAgainstEngineTest {
    private final String name = "nlhard-v6-" + Long.toString(System.nanoTime(), 36);

    @AfterEach
    void removeWhatThisTestMade() {
        try {
            Lab.docker(Lab.ENGINE1, "rm", "-f", name);
        } catch (RuntimeException ignored) {
            // not made
        }
        try {
            Lab.docker(Lab.ENGINE1, "network", "rm", name);
        } catch (RuntimeException ignored) {
            // not made
        }
    }

    @Test
    void theGlobalIpv6AddressSubnetAndGatewayAreShownAndSearchable() {
        String made = null;
        for (int attempt = 0; attempt < 8 && made == null; attempt++) {
            int x = ThreadLocalRandom.current().nextInt(1, 255);
            try {
                Lab.docker(Lab.ENGINE1, "network", "create", "--ipv6", "--subnet", "fd42:77:" + Integer.toHexString(x) + "::/64",
                        "--subnet", "100.81." + x + ".0/24", name);
                made = "fd42:77:" + Integer.toHexString(x) + "::";
            } catch (RuntimeException e) {
                if (!String.valueOf(e.getMessage()).contains("overlap")) {
                    throw e;
                }
            }
        }
        String v6prefix = made;
        String id = Lab.docker(Lab.ENGINE1, "run", "-d", "--name", name, "--network", name,
                "netlens/busybox:lab", "sleep", "600").strip();

        TopologySnapshot snapshot;
        try (Discovery discovery = Discovery.local()) {
            DiscoveryResult result = discovery.discover(List.of(Lab.ENGINE1));
            assertEquals(List.of(), result.failures());
            snapshot = result.snapshot();
        }
        Container c = snapshot.containers().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        Endpoint e = c.endpoints().get(0);
        assertTrue(e.ipv6() != null && e.ipv6().startsWith(v6prefix), "endpoint " + e);
        String v6 = e.ipv6().split("/")[0];

        TopologyGraph graph = TopologyGraph.from(snapshot);
        TopoNode container = graph.nodes().stream().filter(n -> id.equals(n.ref())).findFirst().orElseThrow();
        assertTrue(container.details().stream().anyMatch(d -> d.value() != null && d.value().contains(v6)),
                "container panel " + container.details());
        // The container's eth0 (kernel view: this test runs as root) carries both addresses on its shape.
        TopoNode eth0 = graph.nodes().stream().filter(n -> n.kind() == NodeKind.INTERFACE && n.caption() != null
                && n.caption().contains(v6)).findFirst().orElseThrow(() -> new AssertionError("no shape shows " + v6));
        assertTrue(eth0.caption().contains(e.ipv4().split("/")[0]), eth0.caption());
        // The network's IPv6 subnet and gateway: in its panel, and the gateway on its bridge's shape.
        TopoNode network = graph.nodes().stream().filter(n -> n.kind() == NodeKind.NETWORK && name.equals(n.label()))
                .findFirst().orElseThrow();
        String details = network.details().toString();
        assertTrue(details.contains(v6prefix + "/64") && details.contains(v6prefix + "1"), details);
        assertTrue(graph.nodes().stream().anyMatch(n -> n.kind() == NodeKind.BRIDGE && n.caption() != null
                && n.caption().contains(v6prefix + "1/64")), "the bridge shows the IPv6 gateway");

        Drawing drawing = Pictures.of(new SnapshotFile(snapshot, Map.of()), PictureOptions.plain());
        assertTrue(drawing.items().stream().anyMatch(i -> i instanceof Item.Text t && t.text().contains(v6)),
                "the picture draws " + v6);

        TopologyState state = new TopologyState(new SameThreadExecutor(), new StackLayout());
        state.show(snapshot);
        SelectionModel selection = new SelectionModel();
        TopologyCanvasViewModel canvas = new TopologyCanvasViewModel(state, selection);
        assertEquals(eth0.id(), canvas.search(v6).orElseThrow(), "the search finds the interface holding " + v6);
    }
}
