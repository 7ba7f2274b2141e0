package dev.netlens.ui.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.SyntheticSnapshots;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoNode;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.concurrent.SameThreadExecutor;
import dev.netlens.ui.topology.OverviewNames.ShownName;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A host with 200 containers at fit-to-window in a 1920x1080 window with its side panel: every
 * network (bridge) name and the host's name is drawn whole and at least 9 px tall; container names
 * are drawn where they fit, never over another name. Two shapes of 200: the frames benchmark's graph
 * (40 bridges packed side by side, 5 legs a container: 2,503 vertices) and 200 containers on 20
 * networks (the bench workload's ratio: the layout is far wider, bridges 11 px wide at fit).
 */
@ExtendWith(ApplicationExtension.class)
class OverviewNamesAt200Test {
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void open(FxRobot robot, TopologySnapshot snapshot) {
        robot.interact(() -> {
            window = new MainWindow(snapshot, new SameThreadExecutor());
            stage.setScene(new Scene(window.root(), 1920, 1080));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.canvas().fitToWindow());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theFramesBenchmarksGraph(FxRobot robot) {
        // Every container on 5 of 40 networks: the buses overlap in many rows, whose names at fit
        // would cover each other; at least three in four are named, the others wait for zoom.
        open(robot, SyntheticSnapshots.networks(1, 40, 200, 5, false));
        check(robot, 40, 30);
    }

    @Test
    void twoHundredContainersOnTwentyNetworks(FxRobot robot) {
        open(robot, SyntheticSnapshots.networks(1, 20, 200, 1, true));
        check(robot, 20, 20);
    }

    @Test
    void twentyComposeProjectsNameEveryNetworkAndGroup(FxRobot robot) {
        // The benchmark's 200/20 compose workload: 20 project frames over 23 networks' buses. Issue 12's
        // goal: every network and group name >= 9 px at fit (a long one may be shortened in its middle).
        open(robot, dev.netlens.testing.SyntheticHosts.scale(200, 20));
        Map<String, ShownName> names = new HashMap<>();
        robot.interact(() -> window.canvas().overviewNames().forEach(n -> names.put(n.id(), n)));
        List<TopoNode> wanted = window.state().frame().graph().nodes().stream()
                .filter(n -> n.kind() == NodeKind.BRIDGE || n.kind() == NodeKind.NETWORK || n.kind() == NodeKind.GROUP)
                .filter(n -> window.state().frame().layout().rects().containsKey(n.id())).toList();
        assertEquals(43, wanted.size()); // 21 bridges, host and none, 20 projects
        for (TopoNode n : wanted) {
            ShownName s = names.get(n.id());
            assertNotNull(s, n.kind() + " name not shown at fit (zoom " + window.canvas().zoom() + "): " + n.label());
            assertTrue(s.height() >= 9, s.text() + " is " + s.height() + " px");
        }
        // Every name drawn inside the view, none cut by its edge (the last network's, at the right end
        // of the drawing, reached under the side panel).
        double w = window.canvas().getWidth();
        double h = window.canvas().getHeight();
        for (ShownName s : names.values()) {
            assertTrue(s.bounds().getMinX() >= 0 && s.bounds().getMaxX() <= w && s.bounds().getMinY() >= 0
                    && s.bounds().getMaxY() <= h, s.text() + " at " + s.bounds() + " in a view of " + w + " x " + h);
        }
    }

    /** Every host named; at least {@code atLeast} of the {@code bridges} bridges; all whole, >= 9 px, none overlapping. */
    private void check(FxRobot robot, int bridges, int atLeast) {
        Map<String, ShownName> names = new HashMap<>();
        robot.interact(() -> window.canvas().overviewNames().forEach(n -> names.put(n.id(), n)));
        List<TopoNode> nodes = window.state().frame().graph().nodes().stream()
                .filter(n -> window.state().frame().layout().rects().containsKey(n.id())).toList();
        assertEquals(200, nodes.stream().filter(n -> n.kind() == NodeKind.CONTAINER).count());
        List<TopoNode> named = nodes.stream().filter(n -> n.kind() == NodeKind.BRIDGE || n.kind() == NodeKind.HOST).toList();
        assertEquals(bridges + 1, named.size());
        int bridgesNamed = 0;
        for (TopoNode n : named) {
            ShownName s = names.get(n.id());
            if (s == null && n.kind() == NodeKind.BRIDGE) {
                continue;
            }
            bridgesNamed += n.kind() == NodeKind.BRIDGE ? 1 : 0;
            assertNotNull(s, n.kind() + " name not shown at fit (zoom " + window.canvas().zoom() + "): " + n.label());
            assertTrue(s.whole(), "whole: " + s.text());
            assertTrue(s.height() >= 9, s.text() + " is " + s.height() + " px");
        }
        assertTrue(bridgesNamed >= atLeast, bridgesNamed + " of " + bridges + " bridges named at fit");
        List<ShownName> all = List.copyOf(names.values());
        for (int i = 0; i < all.size(); i++) {
            assertTrue(all.get(i).height() >= 9);
            for (int j = i + 1; j < all.size(); j++) {
                var a = all.get(i).bounds();
                var b = all.get(j).bounds();
                assertFalse(a.getMinX() < b.getMaxX() - 0.5 && b.getMinX() < a.getMaxX() - 0.5
                        && a.getMinY() < b.getMaxY() - 0.5 && b.getMinY() < a.getMaxY() - 0.5, all.get(i) + " overlaps " + all.get(j));
            }
        }
    }
}
