package dev.netlens.bench;

import dev.netlens.SyntheticSnapshots;
import dev.netlens.graph.NodeKind;
import dev.netlens.render.Theme;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.concurrent.FxBackgroundExecutor;
import dev.netlens.ui.topology.OverviewNames;
import dev.netlens.ui.topology.TopologyCanvasView;
import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Diagnostic: screenshots of the window at fit, mid zoom, reading zoom and just above the text zoom,
 * at rest and while the camera moves (to look at what the canvas paints then), and at fit in the dark
 * theme; it logs the names drawn at screen size at fit ({@link TopologyCanvasView#overviewNames}):
 * how many of each kind and their smallest on-screen size. Args: SNAPSHOT.json|big|fifty OUTDIR
 * [SECONDS|fit:SECONDS] (big: the frames graph, 200 containers; fifty: 50 containers on 10 bridges);
 * with the third, no screenshots: it pans back and forth at reading size (or at fit) for that long,
 * for a profiler (JFR) to watch. Under Xvfb or headless Monocle.
 */
public final class CanvasShots {
    private CanvasShots() {
    }

    public static void main(String[] args) throws Exception {
        TopologySnapshot snapshot = switch (args[0]) {
            case "big" -> UiBench.bigGraph();
            case "fifty" -> SyntheticSnapshots.networks(1, 10, 50, 2, true);
            default -> SnapshotJson.read(Path.of(args[0]));
        };
        File dir = new File(args[1]);
        dir.mkdirs();
        Platform.setImplicitExit(false);
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        FxBackgroundExecutor executor = new FxBackgroundExecutor();
        Stage stage = UiBench.fx(Stage::new);
        MainWindow w = UiBench.fx(() -> {
            MainWindow m = new MainWindow(snapshot, executor);
            stage.setScene(new Scene(m.root(), 1920, 1080));
            stage.show();
            return m;
        });
        String first = snapshot.containers().isEmpty() ? null
                : dev.netlens.graph.TopologyGraph.ctrId(snapshot.containers().get(0).host(), snapshot.containers().get(0).id());
        Thread.sleep(4000);
        TopologyCanvasView c = w.canvas();
        UiBench.log("cells shown " + UiBench.fx(c::cellsShown));
        if (args.length > 2) {
            // Diagnostic for a profiler: pan back and forth for args[2] seconds at reading size (or "fit:" prefix).
            boolean fit = args[2].startsWith("fit:");
            int seconds = Integer.parseInt(args[2].replace("fit:", ""));
            UiBench.fx(() -> {
                if (fit) {
                    c.fitToWindow();
                } else {
                    c.centreOn(first);
                }
                return null;
            });
            Thread.sleep(1000);
            UiBench.fx(() -> {
                new javafx.animation.AnimationTimer() {
                    long n;

                    @Override
                    public void handle(long now) {
                        n++;
                        javafx.event.EventType<javafx.scene.input.MouseEvent> type = n == 1
                                ? javafx.scene.input.MouseEvent.MOUSE_PRESSED : javafx.scene.input.MouseEvent.MOUSE_DRAGGED;
                        double x = 600 + 300 * Math.sin(n / 30.0);
                        c.fireEvent(new javafx.scene.input.MouseEvent(type, x, 500, x, 500, javafx.scene.input.MouseButton.SECONDARY,
                                1, false, false, false, false, false, false, true, false, false, false, null));
                    }
                }.start();
                return null;
            });
            Thread.sleep(seconds * 1000L);
            Runtime.getRuntime().halt(0);
        }
        shot(stage, dir, "1-fit", () -> c.fitToWindow());
        UiBench.log(UiBench.fx(() -> namesAtFit(w)));
        shot(stage, dir, "2-fit-moving", () -> c.zoomBy(1.001));
        shot(stage, dir, "3-mid", () -> {
            c.fitToWindow();
            c.zoomBy(2.2);
        });
        shot(stage, dir, "4-mid-moving", () -> c.zoomBy(1.001));
        shot(stage, dir, "5-reading", () -> {
            if (first != null) {
                c.centreOn(first);
            }
        });
        shot(stage, dir, "6-reading-moving", () -> c.zoomBy(1.001));
        shot(stage, dir, "8-zooming-in-moving", () -> c.zoomBy(2.0)); // the pictures magnified until the camera stops
        shot(stage, dir, "7-threshold", () -> {
            c.fitToWindow();
            c.zoomBy(TopologyCanvasView.TEXT_ZOOM / c.zoom() * 1.01);
        });
        shot(stage, dir, "9-fit-dark", () -> {
            w.presentation().themeProperty().set(Theme.DARK);
            c.fitToWindow();
        });
        executor.close();
        Runtime.getRuntime().halt(0);
    }

    /** "fit: zoom Z; names at screen size: hosts a of A, networks b of B, containers c of C; smallest P px". */
    private static String namesAtFit(MainWindow w) {
        TopologyCanvasView c = w.canvas();
        var graph = w.state().frame().graph();
        var rects = w.state().frame().layout().rects();
        Map<NodeKind, Integer> all = new EnumMap<>(NodeKind.class);
        graph.nodes().stream().filter(n -> rects.containsKey(n.id())).forEach(n -> all.merge(n.kind(), 1, Integer::sum));
        var names = c.overviewNames();
        Map<NodeKind, Integer> shown = new EnumMap<>(NodeKind.class);
        names.forEach(n -> shown.merge(n.kind(), 1, Integer::sum));
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "fit: zoom %.3f", c.zoom()));
        if (names.isEmpty()) {
            return b.append(String.format(Locale.ROOT, "; world names %.1f px", 16 * c.zoom())).toString();
        }
        b.append("; names at screen size:");
        for (var k : List.of(NodeKind.HOST, NodeKind.BRIDGE, NodeKind.NETWORK, NodeKind.CONTAINER)) {
            b.append(' ').append(k.name().toLowerCase(Locale.ROOT)).append(' ').append(shown.getOrDefault(k, 0))
                    .append(" of ").append(all.getOrDefault(k, 0)).append(',');
        }
        b.append(String.format(Locale.ROOT, " smallest %.0f px, %d shortened",
                names.stream().mapToDouble(OverviewNames.ShownName::height).min().orElse(0),
                names.stream().filter(n -> !n.whole()).count()));
        return b.toString();
    }

    private static void shot(Stage stage, File dir, String name, Runnable action) throws Exception {
        UiBench.fx(() -> {
            action.run();
            return null;
        });
        Thread.sleep(name.endsWith("moving") ? 60 : 900);
        UiBench.fx(() -> {
            ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png", new File(dir, name + ".png"));
            return null;
        });
    }
}
