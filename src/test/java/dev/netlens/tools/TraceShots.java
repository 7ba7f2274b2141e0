package dev.netlens.tools;

import dev.netlens.graph.NodeKind;
import dev.netlens.layout.Rect;
import dev.netlens.layout.StableLayout;
import dev.netlens.layout.StackLayout;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.concurrent.SameThreadExecutor;
import dev.netlens.ui.file.RecentFiles;
import dev.netlens.ui.language.I18n;
import dev.netlens.ui.topology.FxLabelMetrics;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * A packet trace at 1920x1080 as a classroom sees it, with the real tracer: the window (Trace tab,
 * the path framed on the canvas) and presentation mode at one hop.
 * Args: SNAPSHOT.json OUTDIR FROM TO [HOP (1-based, default the last)] [lang=ko] [zoom=Z].
 * FROM is a container name; TO a container name, or NAME:PORT[/proto] typed as in the dialog.
 * Writes trace-window.png and trace-presentation.png. Run headless (Monocle) like {@link PresentationShots}.
 */
public final class TraceShots {
    public static void main(String[] args) throws Exception {
        TopologySnapshot snapshot = SnapshotJson.read(Path.of(args[0]));
        File out = new File(args[1]);
        String from = args[2];
        String to = args[3];
        int hop = args.length > 4 && args[4].matches("\\d+") ? Integer.parseInt(args[4]) : -1;
        Locale locale = java.util.Arrays.asList(args).contains("lang=ko") ? Locale.KOREAN : Locale.ENGLISH;
        double zoom = java.util.Arrays.stream(args).filter(a -> a.startsWith("zoom=")).mapToDouble(a -> Double.parseDouble(a.substring(5)))
                .findFirst().orElse(1.5);
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        I18n i18n = new I18n(locale);
        MainWindow w = fx(() -> {
            MainWindow m = new MainWindow(snapshot, new SameThreadExecutor(), new StableLayout(new StackLayout(new FxLabelMetrics())),
                    new RecentFiles(Preferences.userRoot().node("dev/netlens-shots")), i18n);
            Stage stage = new Stage();
            Scene scene = new Scene(m.root(), 1920, 1080);
            m.installShortcuts(scene);
            stage.setScene(scene);
            stage.show();
            return m;
        });
        Scene scene = fx(() -> w.root().getScene());
        try {
            fx(() -> {
                String src = vertex(w, from);
                w.traceFrom(src);
                String[] parts = to.split("[:/]");
                boolean container = w.state().frame().graph().nodes().stream()
                        .anyMatch(n -> n.kind() == NodeKind.CONTAINER && n.label().equals(to));
                if (container) {
                    w.trace().pickDestination(vertex(w, to));
                } else if (parts.length == 1) {
                    w.trace().traceTo(to, null, null); // a DNS name or an address, typed
                } else {
                    Integer port = parts.length > 1 && parts[1].matches("\\d+") ? Integer.valueOf(parts[1]) : null;
                    var proto = to.contains("/") ? dev.netlens.trace.Protocol.valueOf(to.substring(to.indexOf('/') + 1)
                            .toUpperCase(Locale.ROOT)) : dev.netlens.trace.Protocol.TCP;
                    w.trace().traceTo(parts[0], port, proto);
                }
                if (w.trace().resultProperty().get() == null) {
                    throw new IllegalStateException("no trace: " + w.trace().messageProperty().get());
                }
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                Rect region = null;
                for (String id : w.canvasModel().traceProperty().get().path()) {
                    Rect r = w.state().frame().layout().rects().get(id);
                    if (r != null) {
                        region = region == null ? r : region.union(r);
                    }
                }
                w.canvas().frame(region, 0.05, 1.2, 0, 0, Duration.ZERO);
                return null;
            });
            shot(w, scene, new File(out, "trace-window.png"));
            fx(() -> {
                w.presentation().zoomProperty().set(zoom);
                w.enterPresentation();
                int n = w.trace().resultProperty().get().hops().size();
                int target = hop < 1 ? n : Math.min(hop, n);
                for (int i = 1; i < target; i++) {
                    w.presentation().next();
                }
                return null;
            });
            shot(w, scene, new File(out, "trace-presentation.png"));
        } finally {
            Platform.exit();
        }
    }

    private static String vertex(MainWindow w, String containerName) {
        return w.state().frame().graph().nodes().stream()
                .filter(n -> n.kind() == NodeKind.CONTAINER && n.label().equals(containerName))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no container " + containerName)).id();
    }

    private static <T> T fx(java.util.concurrent.Callable<T> task) throws Exception {
        java.util.concurrent.FutureTask<T> f = new java.util.concurrent.FutureTask<>(task);
        Platform.runLater(f);
        return f.get();
    }

    /** Once the camera has arrived and the shapes are back from the pictures. */
    private static void shot(MainWindow w, Scene scene, File file) throws Exception {
        Thread.sleep(300);
        while (fx(() -> w.canvas().isCameraAnimating())) {
            Thread.sleep(50);
        }
        Thread.sleep(800);
        fx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", file);
            return null;
        });
        System.out.println("wrote " + file);
    }
}
