package dev.netlens.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.Fixtures;
import dev.netlens.SyntheticSnapshots;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyDiff;
import dev.netlens.graph.TopologyGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LayoutTest {
    static List<String> recorded() {
        return Fixtures.recorded();
    }

    /** Siblings never overlap and every vertex sits inside its box. */
    static void assertNoOverlaps(TopologyGraph g, Layout layout) {
        for (TopoNode n : g.nodes()) {
            Rect r = layout.rects().get(n.id());
            if (r == null) {
                assertFalse(g.isDrawn(n), "drawn vertex without a place: " + n.id());
                continue;
            }
            if (n.parent() != null) {
                assertTrue(layout.rects().get(n.parent()).contains(r), n.id() + " inside " + n.parent());
            }
        }
        List<String> ids = new ArrayList<>(layout.rects().keySet());
        for (int i = 0; i < ids.size(); i++) {
            TopoNode a = g.node(ids.get(i)).orElseThrow();
            for (int j = i + 1; j < ids.size(); j++) {
                TopoNode b = g.node(ids.get(j)).orElseThrow();
                if (java.util.Objects.equals(a.parent(), b.parent())) {
                    assertFalse(layout.rects().get(a.id()).overlaps(layout.rects().get(b.id()), 0),
                            a.id() + " overlaps " + b.id());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("recorded")
    void boxesNeverOverlapAndEveryVertexIsInsideItsBox(String fixture) {
        TopologyGraph g = TopologyGraph.from(Fixtures.load(fixture));
        assertNoOverlaps(g, new StackLayout().layout(g));
    }

    @Test
    void hostSideVethSitsAboveTheBoxItLeadsTo() {
        TopologyGraph g = TopologyGraph.from(Fixtures.load(Fixtures.SWARM));
        Layout layout = new StackLayout().layout(g);
        for (var l : g.links()) {
            if (l.kind() != dev.netlens.graph.LinkKind.VETH) {
                continue;
            }
            Rect a = layout.rects().get(l.source());
            Rect b = layout.rects().get(l.target());
            TopoNode na = g.node(l.source()).orElseThrow();
            TopoNode nb = g.node(l.target()).orElseThrow();
            if (na.parent().equals(nb.parent())) {
                continue;
            }
            assertTrue(Math.abs(a.centerY() - b.centerY()) > 30 || Math.abs(a.centerX() - b.centerX()) < 600,
                    "veth " + l.id() + " is not drawn across the picture");
        }
    }

    @Test
    void stableLayoutKeepsEveryStayingVertexWhereItWas() {
        TopologyGraph before = TopologyGraph.from(Fixtures.load(Fixtures.SWARM));
        TopologyGraph after = TopologyGraph.from(Fixtures.load(Fixtures.SWARM_AFTER));
        StableLayout engine = new StableLayout();
        Layout first = engine.layout(before);
        Layout second = engine.layout(after, first, () -> false);
        TopologyDiff diff = TopologyDiff.between(before, after);
        int kept = 0;
        for (TopoNode n : after.nodes()) {
            if (!diff.addedNodes().contains(n.id()) && first.rects().containsKey(n.id())
                    && !after.children(n.id()).stream().anyMatch(diff.addedNodes()::contains)) {
                assertEquals(first.rects().get(n.id()), second.rects().get(n.id()), n.id() + " moved");
                kept++;
            }
        }
        assertTrue(kept > 50);
        for (String id : diff.addedNodes()) {
            assertTrue(second.rects().containsKey(id) || !after.isDrawn(after.node(id).orElseThrow()), id);
        }
        assertNoOverlaps(after, second);
    }

    @Test
    void layoutCanBeCancelled() {
        TopologyGraph g = TopologyGraph.from(Fixtures.load(Fixtures.SWARM));
        Assertions.assertThrows(CancellationException.class, () -> new StackLayout().layout(g, Layout.EMPTY, () -> true));
    }

    @Test
    void twoThousandVerticesAreLaidOutWithoutOverlap() {
        TopologyGraph g = TopologyGraph.from(SyntheticSnapshots.bridges(4, 5, 130));
        StackLayout engine = new StackLayout();
        engine.layout(g); // warm up
        long t0 = System.nanoTime();
        Layout layout = engine.layout(g);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("layout: %d vertices, %d links in %d ms%n", g.nodes().size(), g.links().size(), ms);
        assertTrue(g.nodes().size() >= 2000);
        assertEquals(g.nodes().stream().filter(g::isDrawn).count(), layout.rects().size());
    }
}
