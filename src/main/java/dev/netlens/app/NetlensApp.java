package dev.netlens.app;

import atlantafx.base.theme.PrimerLight;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.MainWindow;
import dev.netlens.ui.concurrent.FxBackgroundExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application. Start it from a plain main (the launcher) with {@link #launch}. Before
 * that, {@link #initialSnapshot} says what to show first and {@link #onStarted} receives the window
 * so discovery can push new snapshots ({@link MainWindow#show}) and stale hosts. Without a supplier
 * it reads the file named by the system property {@value #SNAPSHOT_PROPERTY}, else the built-in demo.
 */
public class NetlensApp extends Application {
    public static final String SNAPSHOT_PROPERTY = "netlens.snapshot";
    private static volatile Supplier<TopologySnapshot> initial = NetlensApp::fromPropertyOrDemo;
    private static volatile Consumer<MainWindow> started = w -> { };
    private static volatile List<String> hosts = List.of();
    private FxBackgroundExecutor executor;

    public static void initialSnapshot(Supplier<TopologySnapshot> supplier) {
        initial = Objects.requireNonNull(supplier);
    }

    public static void onStarted(Consumer<MainWindow> callback) {
        started = Objects.requireNonNull(callback);
    }

    /**
     * The launcher's entry (Gui): a snapshot file to show, if given. Engine hosts are kept for the
     * live wiring, which hands the window its snapshots through {@link #onStarted}.
     */
    static void configure(List<String> engineHosts, String snapshotFile) {
        hosts = List.copyOf(engineHosts);
        if (snapshotFile != null) {
            initialSnapshot(() -> SnapshotFiles.read(Path.of(snapshotFile)));
        }
    }

    /** The engines the launcher was asked to watch (empty: the default engine). */
    public static List<String> hosts() {
        return hosts;
    }

    public static void launch(String... args) {
        Application.launch(NetlensApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        executor = new FxBackgroundExecutor();
        MainWindow window = new MainWindow(initial.get(), executor);
        Scene scene = new Scene(window.root(), 1600, 900);
        window.installShortcuts(scene);
        stage.setTitle("Netlens");
        stage.setScene(scene);
        stage.show();
        started.accept(window);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
    }

    static TopologySnapshot fromPropertyOrDemo() {
        String file = System.getProperty(SNAPSHOT_PROPERTY);
        return file != null ? SnapshotFiles.read(Path.of(file)) : demo();
    }

    /** The built-in demo topology, labelled as such in the status bar. */
    public static TopologySnapshot demo() {
        try (InputStream in = NetlensApp.class.getResourceAsStream("demo-topology.json")) {
            return SnapshotFiles.read(Objects.requireNonNull(in, "demo-topology.json missing")).withSource("demo");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
