package dev.netlens.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.netlens.SyntheticSnapshots;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The streaming writer must write exactly what Jackson's object mapping writes for the snapshot
 * records: a field added to a record and forgotten in the writer fails here.
 */
class SnapshotWriterTest {
    private static final ObjectMapper DATABIND = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void recordedLabScanIsWrittenAsDatabindWritesIt() throws Exception {
        TopologySnapshot lab = SnapshotJson.read(Path.of("src/test/resources/captures/scan-lab/expected-snapshot.json"));
        assertTrue(lab.hosts().stream().anyMatch(h -> h.firewall() != null), "the fixture holds a firewall capture");
        assertTrue(lab.networks().stream().anyMatch(n -> !n.peers().isEmpty()), "the fixture holds overlay peers");
        assertSameAsDatabind(lab);
    }

    @Test
    void twoHostSwarmWithServicesAndTunnelsIsWrittenAsDatabindWritesIt() throws Exception {
        TopologySnapshot swarm = SnapshotJson.read(Path.of("src/test/resources/snapshots/swarm-two-hosts.json"));
        assertTrue(!swarm.tunnels().isEmpty(), "the fixture holds tunnels");
        assertSameAsDatabind(swarm);
        assertSameAsDatabind(DemoTopology.load());
    }

    @Test
    void nullsAndEmptiesAreWrittenAsDatabindWritesThem() throws Exception {
        NetInterface bare = new NetInterface("i", "ns", "eth0", 3, null, null, 1500, null, null, null, null, null, null, null);
        Network net = new Network("n", "h", "x", "bridge", "local", false, false, false, null, null, null, null, null, null,
                null, null, null);
        Host host = new Host("h", "unix:///x", null, null, null, null, null, null, null, false, false, null, null, null);
        Container c = new Container("c", "h", "n", null, "created", null, null,
                List.of(new Endpoint("n", null, null, null, null, null, null)), List.of(new PortMapping(null, 1, 2, "tcp")),
                null);
        Tunnel t = new Tunnel("n", null, 4097, new TunnelEnd("h", "198.18.0.1"), null);
        assertSameAsDatabind(new TopologySnapshot(TopologySnapshot.SCHEMA, "2026-01-01T00:00:00Z", null, List.of(host),
                List.of(new NetNamespace("ns", "h", NamespaceKind.OTHER, null, null, null)), List.of(bare), List.of(net),
                List.of(c), List.of(t)));
    }

    @Test
    void syntheticThousandContainersAreWrittenAsDatabindWritesThem() throws Exception {
        assertSameAsDatabind(SyntheticSnapshots.networks(2, 20, 1000));
    }

    @Test
    void savedPositionsFollowTheSnapshotRoundedToATenth() throws Exception {
        TopologySnapshot s = SyntheticSnapshots.bridges(1, 1, 2);
        Map<String, List<Double>> layout = new LinkedHashMap<>();
        layout.put("a", List.of(1.04, 2.0, 30.55, 4.0));
        layout.put("b", List.of(-5.0, 0.0, 0.0, 0.0));
        ObjectNode expected = DATABIND.valueToTree(s);
        ObjectNode positions = expected.putObject("layout");
        layout.forEach((id, v) -> {
            ArrayNode a = positions.putArray(id);
            v.forEach(d -> a.add(Math.round(d * 10) / 10.0));
        });
        StringWriter out = new StringWriter();
        SnapshotJson.write(new SnapshotFile(s, layout), out);
        assertEquals(DATABIND.writeValueAsString(expected), out.toString());
    }

    private static void assertSameAsDatabind(TopologySnapshot s) throws Exception {
        assertEquals(DATABIND.writeValueAsString(s), SnapshotJson.toJson(s));
    }
}
