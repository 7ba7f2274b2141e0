package dev.netlens.layout;

import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.concurrent.SameThreadExecutor;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Opens the real window at 1920x1080 on a snapshot and prints the zoom fit-to-window chose and the
 * canvas size (to check {@link LayoutQuality#fitZoom}). Run under Xvfb with -Dprism.order=sw.
 */
public final class FitZoomProbe {
    public static void main(String[] args) throws Exception {
        var snapshot = SnapshotJson.read(Path.of(args.length > 0 ? args[0] : "src/test/resources/snapshots/lab.json"));
        CountDownLatch done = new CountDownLatch(1);
        Platform.startup(() -> {
            MainWindow w = new MainWindow(snapshot.withSource("demo"), new SameThreadExecutor());
            Stage stage = new Stage();
            Scene scene = new Scene(w.root(), 1920, 1080);
            stage.setScene(scene);
            stage.setWidth(1920);
            stage.setHeight(1080);
            stage.show();
            new Thread(() -> {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Platform.runLater(() -> {
                    System.out.printf("canvas %.0fx%.0f, fit zoom %.3f%n", w.canvas().getWidth(), w.canvas().getHeight(),
                            w.canvas().zoom());
                    done.countDown();
                });
            }).start();
        });
        done.await();
        Platform.exit();
    }
}
