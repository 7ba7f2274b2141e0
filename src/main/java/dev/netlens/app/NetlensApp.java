package dev.netlens.app;

import atlantafx.base.theme.PrimerLight;
import dev.netlens.snapshot.DemoTopology;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.concurrent.UiExecutors;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The JavaFX application. The launcher ({@link Gui}) says what to show first and what to do once
 * the window exists (start the live connection) and when it closes, then calls {@link #launch}.
 */
public class NetlensApp extends Application {
    private static volatile Supplier<TopologySnapshot> initial = DemoTopology::load;
    private static volatile Consumer<MainWindow> started = w -> { };
    private static volatile Runnable stopped = () -> { };
    private UiExecutors executor;

    public static void initialSnapshot(Supplier<TopologySnapshot> supplier) {
        initial = Objects.requireNonNull(supplier);
    }

    public static void onStarted(Consumer<MainWindow> callback) {
        started = Objects.requireNonNull(callback);
    }

    public static void onStopped(Runnable callback) {
        stopped = Objects.requireNonNull(callback);
    }

    public static void launch(String... args) {
        Application.launch(NetlensApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        executor = UiExecutors.fx(); // layouts on one thread, files, pictures and the lab on another
        MainWindow window = new MainWindow(initial.get(), executor);
        // Open as large as the screen allows: the picture is the point, and projectors are 1920x1080.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window.root(), Math.min(1920, screen.getWidth()), Math.min(1080, screen.getHeight()));
        window.installShortcuts(scene);
        stage.setTitle("Netlens");
        stage.setScene(scene);
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        // What to show is handed over before the window is shown: the layout of a file read on the
        // command line, or of the first discovery pass, runs in the background while JavaFX styles
        // and shows the window.
        started.accept(window);
        stage.show();
        if (Boolean.getBoolean("netlens.exitAfterFirstFrame")) {
            FirstFrame.exitAfterPicture(scene, () -> !window.state().frame().layout().rects().isEmpty());
        }
    }

    @Override
    public void stop() {
        stopped.run();
        if (executor != null) {
            executor.close();
        }
    }
}
