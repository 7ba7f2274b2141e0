package dev.netlens.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.Fixtures;
import dev.netlens.graph.LinkKind;
import dev.netlens.graph.TopoLink;
import dev.netlens.layout.StableLayout;
import dev.netlens.layout.StackLayout;
import dev.netlens.reveal.RevealLayer;
import dev.netlens.reveal.RevealPlan;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.traffic.CounterSample;
import dev.netlens.traffic.InterfaceRate;
import dev.netlens.traffic.Rates;
import dev.netlens.traffic.RateSnapshot;
import dev.netlens.traffic.Series;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.concurrent.SameThreadExecutor;
import dev.netlens.ui.file.RecentFiles;
import dev.netlens.ui.language.I18n;
import dev.netlens.ui.topology.FxLabelMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Shape;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.netlens.ui.topology.TopologyCanvasView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Rates arriving in the window, headless, on the lab snapshot: a veth link's look changes while
 * bytes flow and comes back to rest when they stop, a counter reset leaves it at rest (never a
 * negative rate), rising drops mark it red, the busiest links list selects, the properties show a
 * sparkline, and the reveal keeps links at rest until its traffic step.
 */
@ExtendWith(ApplicationExtension.class)
class TrafficOnCanvasTest {
    private static final TopologySnapshot LAB = Fixtures.load("lab.json").withSource("live");
    private static final long SECOND = 1_000_000_000L;
    private final Preferences prefs = Preferences.userRoot().node("dev/netlens-test/" + System.nanoTime());
    private MainWindow window;
    private long sequence;

    @Start
    void start(Stage stage) {
        window = new MainWindow(LAB, new SameThreadExecutor(), new StableLayout(new StackLayout(new FxLabelMetrics())),
                new RecentFiles(prefs), new I18n(Locale.ENGLISH));
        stage.setScene(new Scene(window.root(), 1600, 900));
        stage.show();
    }

    @AfterEach
    void forgetPrefs() throws Exception {
        prefs.removeNode();
    }

    /** A veth pair drawn on the canvas, and its host end (what the rates are read on). */
    private TopoLink veth() {
        return window.state().frame().graph().links().stream().filter(l -> l.kind() == LinkKind.VETH)
                .filter(l -> window.canvas().linkOf(l.id()).isPresent())
                .sorted(java.util.Comparator.comparing(TopoLink::id)).findFirst().orElseThrow();
    }

    private Shape shape(TopoLink l) {
        return window.canvas().linkOf(l.id()).orElseThrow();
    }

    private record Look(double width, Paint stroke, List<String> classes) {
    }

    /** How the link looks on screen: its mark over it while it carries traffic, else its own line. */
    private Look look(FxRobot robot, TopoLink l) {
        Shape s = window.canvas().trafficMarkOf(l.id()).orElseGet(() -> shape(l));
        robot.interact(s::applyCss);
        return new Look(s.getStrokeWidth(), s.getStroke(),
                s.getStyleClass().stream().filter(c -> c.startsWith("traffic-")).toList());
    }

    private void rates(FxRobot robot, InterfaceRate... rs) {
        Map<String, InterfaceRate> m = new java.util.HashMap<>();
        Map<String, Series> h = new java.util.HashMap<>();
        for (InterfaceRate r : rs) {
            m.put(r.interfaceId(), r);
            h.put(r.interfaceId(), Series.of(0, r.bytesPerSecond() / 2, r.bytesPerSecond()));
        }
        RateSnapshot snapshot = new RateSnapshot(++sequence + 1, Duration.ofSeconds(2), m, h, Map.of(), List.of());
        robot.interact(() -> window.showRates(snapshot));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static InterfaceRate flowing(String id, double bytesPerSecond, long drops) {
        return new InterfaceRate(id, true, bytesPerSecond / 2, bytesPerSecond / 2, bytesPerSecond / 1000, 0, drops, 0);
    }

    private static String hostEnd(TopoLink l) {
        return l.source().substring(3);
    }

    @Test
    void aLinksLookChangesWhileBytesFlowAndComesBackToRestWhenTheyStop(FxRobot robot) {
        TopoLink link = veth();
        Look rest = look(robot, link);
        assertEquals(List.of(), rest.classes());

        rates(robot, flowing(hostEnd(link), 2_000_000, 0));
        Look busy = look(robot, link);
        assertEquals(List.of("traffic-mid"), busy.classes());
        assertTrue(busy.width() > rest.width(), "wider while busy: " + busy.width() + " > " + rest.width());
        assertNotEquals(rest.stroke(), busy.stroke(), "another colour while busy");

        rates(robot, flowing(hostEnd(link), 20_000_000, 0));
        assertTrue(look(robot, link).width() > busy.width(), "wider still when busier");

        rates(robot, flowing(hostEnd(link), 0, 0));
        assertEquals(rest, look(robot, link), "quiet again: back to its own look");

        // Sampling switched off (View menu) takes marks off at once, and is remembered.
        rates(robot, flowing(hostEnd(link), 2_000_000, 0));
        robot.interact(() -> window.traffic().intervalProperty().set(null));
        assertEquals(rest, look(robot, link));
        assertEquals(0, prefs.getInt("traffic.intervalSeconds", -1));
    }

    @Test
    void marksAreHiddenWhileTheCameraMovesAndShownAgainAtRest(FxRobot robot) throws Exception {
        TopoLink link = veth();
        TopologyCanvasView canvas = window.canvas();
        rates(robot, flowing(hostEnd(link), 2_000_000, 0));
        for (int i = 0; i < 100 && !WaitForAsyncUtils.asyncFx(canvas::trafficMarksVisible).get(); i++) {
            Thread.sleep(50); // the first fit's camera settling
        }
        assertTrue(WaitForAsyncUtils.asyncFx(canvas::trafficMarksVisible).get(), "at rest: drawn");
        boolean[] whileMoving = new boolean[1];
        robot.interact(() -> {
            canvas.zoomBy(1.1);
            whileMoving[0] = canvas.trafficMarksVisible();
        });
        assertFalse(whileMoving[0], "hidden while the camera moves (painted at every frame otherwise)");
        assertTrue(canvas.trafficMarkOf(link.id()).isPresent(), "still kept");
        for (int i = 0; i < 100 && !WaitForAsyncUtils.asyncFx(canvas::trafficMarksVisible).get(); i++) {
            Thread.sleep(50);
        }
        assertTrue(WaitForAsyncUtils.asyncFx(canvas::trafficMarksVisible).get(), "drawn again once the camera rests");
    }

    @Test
    void aTrafficTickWhileThePicturesStandInTakesNoPictureAndChangesTheScreenOnlyWhereTheLinkIs(FxRobot robot) throws Exception {
        TopoLink link = veth();
        TopologyCanvasView canvas = window.canvas();
        // Every picture taken (the view's, the backdrop, the margin's), not only the view's: the count is compared below.
        for (int i = 0; i < 200 && !WaitForAsyncUtils.asyncFx(canvas::standInPrepared).get(); i++) {
            Thread.sleep(100);
        }
        assertTrue(WaitForAsyncUtils.asyncFx(canvas::isStandInShown).get(), "at rest, pictured");
        int tilesBefore = WaitForAsyncUtils.asyncFx(canvas::standInTiles).get();
        long versionBefore = WaitForAsyncUtils.asyncFx(canvas::standInVersion).get();
        javafx.scene.image.Image[] before = new javafx.scene.image.Image[1];
        robot.interact(() -> before[0] = canvas.snapshot(null, null));
        rates(robot, flowing(hostEnd(link), 2_000_000, 0));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.Image[] after = new javafx.scene.image.Image[1];
        boolean[] shown = new boolean[1];
        List<javafx.geometry.Bounds> marked = new java.util.ArrayList<>();
        robot.interact(() -> {
            shown[0] = canvas.isStandInShown();
            after[0] = canvas.snapshot(null, null);
            // Every link the tick marked (a veth pair and its bridge port carry the same interface's bytes).
            for (TopoLink l : window.state().frame().graph().links()) {
                canvas.trafficMarkOf(l.id()).filter(s -> s.getStyleClass().stream().anyMatch(c -> c.startsWith("traffic-")))
                        .ifPresent(s -> {
                            javafx.geometry.Bounds b = s.getBoundsInParent();
                            javafx.geometry.Point2D a = canvas.toView(b.getMinX(), b.getMinY());
                            javafx.geometry.Point2D z = canvas.toView(b.getMaxX(), b.getMaxY());
                            marked.add(new javafx.geometry.BoundingBox(a.getX() - 12, a.getY() - 12,
                                    z.getX() - a.getX() + 24, z.getY() - a.getY() + 24));
                        });
            }
        });
        assertTrue(shown[0], "the pictures still stand in: the mark is drawn above them");
        assertEquals(tilesBefore, (int) WaitForAsyncUtils.asyncFx(canvas::standInTiles).get(), "none dropped");
        assertEquals(versionBefore, (long) WaitForAsyncUtils.asyncFx(canvas::standInVersion).get(), "no picture taken again");
        assertTrue(!marked.isEmpty());
        int inside = 0;
        int outside = 0;
        for (int y = 0; y < (int) after[0].getHeight(); y++) {
            for (int x = 0; x < (int) after[0].getWidth(); x++) {
                if (before[0].getPixelReader().getArgb(x, y) != after[0].getPixelReader().getArgb(x, y)) {
                    int px = x;
                    int py = y;
                    if (marked.stream().anyMatch(b -> b.contains(px, py))) {
                        inside++;
                    } else {
                        outside++;
                    }
                }
            }
        }
        assertTrue(inside > 20, "the busy link is drawn busy on screen: " + inside + " pixels changed");
        assertEquals(0, outside, "nothing away from the marked links changed");
    }

    @Test
    void aCounterResetLeavesTheLinkAtRestNeverANegativeRate(FxRobot robot) {
        TopoLink link = veth();
        Look rest = look(robot, link);
        rates(robot, flowing(hostEnd(link), 2_000_000, 0));
        // The veth was made again: its counters start from nothing.
        CounterSample before = new CounterSample("veth", 12, 9_000_000, 9_000_000, 9_000, 9_000, 0, 0, 0, 0, 0);
        CounterSample after = new CounterSample("veth", 12, 1_000, 500, 10, 5, 0, 0, 0, 0, 2 * SECOND);
        InterfaceRate reset = Rates.between(hostEnd(link), before, after);
        assertFalse(reset.known());
        rates(robot, reset);
        assertEquals(rest, look(robot, link), "a reset is no traffic to show");
        assertTrue(window.traffic().busiest().isEmpty(), "and no busy link");
        robot.interact(() -> window.selection().select(link.source()));
        InterfaceLine line = window.traffic().selected().get(0);
        assertEquals("counter reset: rate unknown this interval", line.rate());
        assertTrue(line.series().max() >= 0);

        rates(robot, flowing(hostEnd(link), 2_000_000, 0));
        assertEquals(List.of("traffic-mid"), look(robot, link).classes(), "the next interval has a rate again");
    }

    @Test
    void dropsThatRoseMarkTheLinkRed(FxRobot robot) {
        TopoLink link = veth();
        Look rest = look(robot, link);
        rates(robot, flowing(hostEnd(link), 0, 3));
        Look troubled = look(robot, link);
        assertEquals(List.of("traffic-drops"), troubled.classes());
        assertNotEquals(rest.stroke(), troubled.stroke());
        assertTrue(window.traffic().busiest().get(0).troubled());
    }

    @Test
    void theBusiestLinksListSelectsTheLinksInterfaceAndThePropertiesShowItsSparkline(FxRobot robot) {
        TopoLink link = veth();
        rates(robot, flowing(hostEnd(link), 300_000, 0));
        robot.interact(() -> window.sideTabs().getSelectionModel().select(
                window.sideTabs().getTabs().stream().filter(t -> "tab-traffic".equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        // The host end's rate is on its veth pair and on its bridge port: both rows, the same rate.
        BusyLink row = window.traffic().busiest().stream().filter(r -> r.linkId().equals(link.id())).findFirst()
                .orElseThrow(() -> new AssertionError(link.id() + " not in " + window.traffic().busiest()));
        assertEquals("300 kB/s", row.rate());
        Node cell = robot.lookup(".busy-link").match(n -> link.id().equals(n.getUserData())).query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(link.source(), window.selection().selected());
        assertEquals(List.of(hostEnd(link)), window.traffic().selected().stream().map(InterfaceLine::interfaceId).toList());
        robot.interact(() -> window.sideTabs().getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        Node sparkRow = robot.lookup(".property-panel .traffic-line").query();
        assertEquals(hostEnd(link), sparkRow.getUserData());
        Sparkline spark = robot.lookup(".property-panel .sparkline").queryAs(Sparkline.class);
        assertEquals(3, spark.line().getPoints().size() / 2, "one point a tick");
    }

    @Test
    void duringARevealLinksStayAtRestUntilTheTrafficStep(FxRobot robot) {
        TopoLink link = veth();
        rates(robot, flowing(hostEnd(link), 2_000_000, 0));
        int trafficStep = RevealPlan.STEPS.indexOf(RevealLayer.TRAFFIC);
        robot.interact(() -> window.presentation().reveal().go(trafficStep - 1));
        assertEquals(List.of(), look(robot, link).classes(), "ports step: no rates yet");
        robot.interact(() -> window.presentation().reveal().go(trafficStep));
        assertEquals(List.of("traffic-mid"), look(robot, link).classes());
        String caption = window.presentation().reveal().captionProperty().get();
        assertTrue(caption.startsWith("7 · Traffic") && caption.contains("2.00 MB/s"), caption);
        robot.interact(() -> window.presentation().reveal().stop());
    }
}
