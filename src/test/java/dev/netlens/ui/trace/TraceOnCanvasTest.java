package dev.netlens.ui.trace;

import static dev.netlens.ui.trace.TraceResults.DOCKER0;
import static dev.netlens.ui.trace.TraceResults.LAB_USER_BRIDGE;
import static dev.netlens.ui.trace.TraceResults.USER_A_ETH0;
import static dev.netlens.ui.trace.TraceResults.USER_A_VETH;
import static dev.netlens.ui.trace.TraceResults.USER_B_ETH0;
import static dev.netlens.ui.trace.TraceResults.USER_B_VETH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.Fixtures;
import dev.netlens.graph.Collapse;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.topology.TraceMarks;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TraceOnCanvasTest {
    private static final TopologySnapshot LAB = Fixtures.load("lab.json");
    private static final TopologyGraph WHOLE = TopologyGraph.from(LAB);

    private static String ctr(String name) {
        Container c = LAB.containers().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        return TopologyGraph.ctrId(c.host(), c.id());
    }

    private static String ifv(String id) {
        return TopologyGraph.ifId(id);
    }

    @Test
    void eachHopIsBadgedOnItsInterfaceAndAChainWithoutOneOnTheHopBefore() {
        TraceMarks m = new TraceOnCanvas(WHOLE, WHOLE).marks(TraceResults.sameBridge("lab-user-a", "lab-user-b"),
                ctr("lab-user-a"), ctr("lab-user-b"), -1, -1);
        assertEquals(Map.of(ifv(USER_A_ETH0), "1", ifv(USER_A_VETH), "2", ifv(LAB_USER_BRIDGE), "3–4",
                ifv(USER_B_VETH), "5", ifv(USER_B_ETH0), "6"), m.badges());
        assertEquals(List.of(ifv(USER_A_ETH0), ifv(USER_A_VETH), ifv(LAB_USER_BRIDGE), ifv(USER_B_VETH), ifv(USER_B_ETH0)),
                List.copyOf(m.badges().keySet()), "in the order the packet meets them");
        assertNull(m.stop(), "delivered: it stops nowhere");
    }

    @Test
    void thePathHoldsTheLinksBetweenHopsAndBothEndpoints() {
        TraceMarks m = new TraceOnCanvas(WHOLE, WHOLE).marks(TraceResults.sameBridge("lab-user-a", "lab-user-b"),
                ctr("lab-user-a"), ctr("lab-user-b"), -1, -1);
        String veth = ifv(USER_A_ETH0).compareTo(ifv(USER_A_VETH)) < 0
                ? "veth:" + ifv(USER_A_ETH0) + "|" + ifv(USER_A_VETH) : "veth:" + ifv(USER_A_VETH) + "|" + ifv(USER_A_ETH0);
        assertTrue(m.path().contains(veth), "the veth pair crossed: " + m.path());
        assertTrue(m.path().contains("brport:" + ifv(USER_A_VETH)), "into the bridge");
        assertTrue(m.path().contains("brport:" + ifv(USER_B_VETH)), "out of the bridge");
        assertTrue(m.path().containsAll(Set.of(ctr("lab-user-a"), ctr("lab-user-b"))));
        assertFalse(m.path().contains(ifv(DOCKER0)), "docker0 is not on this path");
    }

    @Test
    void aDroppedTraceStopsAtItsLastHopAndNeverReachesTheDestination() {
        TraceMarks m = new TraceOnCanvas(WHOLE, WHOLE).marks(TraceResults.acrossBridges("lab-user-a", "lab-bridge-a:80"),
                ctr("lab-user-a"), ctr("lab-bridge-a"), -1, -1);
        assertEquals(ifv(DOCKER0), m.stop());
        assertEquals("4–6", m.badges().get(ifv(DOCKER0)));
        assertFalse(m.path().contains(ctr("lab-bridge-a")));
    }

    @Test
    void aPresentationStepShowsTheHopsUpToItAndStressesIt() {
        TraceMarks m = new TraceOnCanvas(WHOLE, WHOLE).marks(TraceResults.sameBridge("lab-user-a", "lab-user-b"),
                ctr("lab-user-a"), ctr("lab-user-b"), 2, 1);
        assertEquals(Map.of(ifv(USER_A_ETH0), "1", ifv(USER_A_VETH), "2"), m.badges());
        assertEquals(Set.of(ifv(USER_A_VETH)), m.current());
        assertFalse(m.path().contains(ctr("lab-user-b")), "not there yet");
    }

    @Test
    void aHopFoldedIntoASummaryIsBadgedOnTheSummary() {
        String bridge = ifv(LAB_USER_BRIDGE);
        TopologyGraph folded = WHOLE.collapsed(Set.of(bridge));
        TraceMarks m = new TraceOnCanvas(folded, WHOLE).marks(TraceResults.sameBridge("lab-user-a", "lab-user-b"),
                ctr("lab-user-a"), ctr("lab-user-b"), -1, -1);
        assertTrue(folded.node(Collapse.summaryId(bridge)).isPresent());
        // lab-user-a's namespace folds with the network (its only one): hops 1-5 are all in the summary.
        assertEquals("1–5", m.badges().get(Collapse.summaryId(bridge)), "the bridge's hops: " + m.badges());
        m.badges().keySet().forEach(v -> assertTrue(folded.node(v).isPresent(), "drawn: " + v));
    }

    @Test
    void badgeTextsJoinRunsAndListVisits() {
        assertEquals("3", TraceOnCanvas.label(List.of(3)));
        assertEquals("3–5", TraceOnCanvas.label(List.of(3, 4, 5)));
        assertEquals("2, 7–8", TraceOnCanvas.label(List.of(2, 7, 8)));
    }
}
