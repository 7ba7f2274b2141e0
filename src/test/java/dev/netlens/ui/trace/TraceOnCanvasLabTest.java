package dev.netlens.ui.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.Fixtures;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.trace.TraceResult;
import dev.netlens.trace.Tracer;
import dev.netlens.trace.Verdict;
import dev.netlens.ui.topology.TraceMarks;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Real traces of the lab snapshot (the tracer's, not made up) found on its canvas. */
class TraceOnCanvasLabTest {
    private static final TopologySnapshot LAB = Fixtures.load("lab.json");
    private static final TopologyGraph WHOLE = TopologyGraph.from(LAB);
    private final TraceOnCanvas canvas = new TraceOnCanvas(WHOLE, WHOLE);

    private static String ifv(String id) {
        return TopologyGraph.ifId(id);
    }

    @Test
    void everyHopOfARealTraceIsDrawnSomewhere() {
        for (String[] pair : new String[][] {{"lab-user-a", "lab-user-b"}, {"lab-user-a", "lab-bridge-a:8080"},
                {"lab-o1", "lab-o2"}, {"lab-user-a", "host:8080"}}) {
            TraceResult r = new Tracer(LAB).trace(pair[0], pair[1]);
            assertTrue(canvas.hopVertices(r).stream().allMatch(Objects::nonNull), String.join(" → ", pair));
            assertTrue(canvas.hopVertices(r).stream().noneMatch(v -> v.startsWith("ns:") || v.startsWith("host:")),
                    "each hop at a device, not a box: " + canvas.hopVertices(r));
        }
    }

    @Test
    void acrossBridgesTheIsolationDropIsBadgedAtDocker0() {
        TraceResult r = new Tracer(LAB).trace("lab-user-a", "lab-bridge-a:8080");
        assertEquals(Verdict.DROPPED, r.verdict());
        TraceMarks m = canvas.marks(r, null, null, -1, -1);
        String docker0 = ifv(TraceResults.DOCKER0);
        assertEquals(docker0, m.stop());
        assertTrue(m.badges().get(docker0).endsWith(String.valueOf(r.hops().size())), m.badges().toString());
        assertTrue(m.badges().containsKey(ifv(TraceResults.LAB_USER_BRIDGE)), "the bridge it came up through");
    }

    @Test
    void theOverlayTraceLightsTheVxlanTunnelBetweenTheNodes() {
        TraceResult r = new Tracer(LAB).trace("lab-o1", "lab-o2");
        assertEquals(Verdict.DELIVERED, r.verdict());
        TraceMarks m = canvas.marks(r, null, null, -1, -1);
        assertTrue(m.path().stream().anyMatch(id -> id.startsWith("tunnel:")), m.path().toString());
        assertTrue(m.badges().keySet().stream().anyMatch(v -> v.startsWith("if:host-38f94867/")), "on the second node too");
    }
}
