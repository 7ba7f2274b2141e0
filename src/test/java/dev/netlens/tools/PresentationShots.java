package dev.netlens.tools;

import dev.netlens.render.Theme;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.concurrent.SameThreadExecutor;
import dev.netlens.ui.file.RecentFiles;
import dev.netlens.ui.language.I18n;
import dev.netlens.layout.StableLayout;
import dev.netlens.layout.StackLayout;
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
import javax.imageio.ImageIO;

/**
 * Presentation mode at 1920x1080, for looking at as a classroom would: each reveal step, and the
 * last step in both themes and both languages, each once the camera has moved to the step.
 * Args: SNAPSHOT.json OUTDIR [zoom].
 * Run headless (Monocle, -Dheadless.geometry=1920x1080-32) or under Xvfb with -Dprism.order=sw.
 */
public final class PresentationShots {
    public static void main(String[] args) throws Exception {
        TopologySnapshot snapshot = SnapshotJson.read(Path.of(args[0]));
        File out = new File(args[1]);
        double zoom = args.length > 2 ? Double.parseDouble(args[2]) : 1;
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        I18n i18n = new I18n(Locale.ENGLISH);
        MainWindow w = fx(() -> {
            MainWindow m = new MainWindow(snapshot, new SameThreadExecutor(),
                    new StableLayout(new StackLayout(new FxLabelMetrics())),
                    new RecentFiles(Preferences.userRoot().node("dev/netlens-shots")), i18n);
            Stage stage = new Stage();
            Scene scene = new Scene(m.root(), 1920, 1080);
            m.installShortcuts(scene);
            stage.setScene(scene);
            stage.show();
            m.presentation().zoomProperty().set(zoom);
            m.enterPresentation();
            return m;
        });
        Scene scene = fx(() -> w.root().getScene());
        var reveal = w.presentation().reveal();
        try {
            for (int s = 0; s < reveal.steps(); s++) {
                int step = s;
                fx(() -> {
                    reveal.go(step);
                    return null;
                });
                shot(w, scene, new File(out, "presentation-step" + (s + 1) + ".png"));
            }
            for (Theme t : new Theme[] {Theme.LIGHT, Theme.DARK}) {
                for (Locale l : I18n.SUPPORTED) {
                    String name = "presentation-" + t.name().toLowerCase(Locale.ROOT) + "-" + l.getLanguage() + ".png";
                    fx(() -> {
                        w.presentation().themeProperty().set(t);
                        i18n.setLocale(l);
                        reveal.go(l.getLanguage().equals("ko") ? 3 : 5);
                        return null;
                    });
                    shot(w, scene, new File(out, name));
                }
            }
            fx(() -> {
                w.presentation().themeProperty().set(Theme.CONTRAST);
                i18n.setLocale(Locale.ENGLISH);
                reveal.last();
                w.presentation().zoomProperty().set(2);
                String web = w.state().frame().graph().nodes().stream()
                        .filter(n -> n.label().equals("lab-bridge-a")).findFirst().map(n -> n.id()).orElse(null);
                w.canvasModel().selection().select(web);
                w.presentation().togglePin(web);
                return null;
            });
            shot(w, scene, new File(out, "presentation-contrast-pinned-2x.png"));
        } finally {
            Platform.exit();
        }
    }

    private static <T> T fx(java.util.concurrent.Callable<T> task) throws Exception {
        java.util.concurrent.FutureTask<T> f = new java.util.concurrent.FutureTask<>(task);
        Platform.runLater(f);
        return f.get();
    }

    /** Once the camera has moved to the step (it is animated), and the shapes are back from the pictures. */
    private static void shot(MainWindow w, Scene scene, File file) throws Exception {
        Thread.sleep(100);
        while (fx(() -> w.canvas().isCameraAnimating())) {
            Thread.sleep(50);
        }
        Thread.sleep(600);
        fx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", file);
            return null;
        });
        System.out.println("wrote " + file);
    }
}
