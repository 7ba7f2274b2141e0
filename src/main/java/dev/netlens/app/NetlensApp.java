package dev.netlens.app;

import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** Placeholder window until the topology canvas lands. */
public final class NetlensApp extends Application {
    private static List<String> hosts = List.of();
    private static String snapshotFile;

    static void configure(List<String> engineHosts, String snapshot) {
        hosts = List.copyOf(engineHosts);
        snapshotFile = snapshot;
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Netlens");
        stage.setScene(new Scene(new Label("Netlens " + hosts + " " + snapshotFile), 800, 600));
        stage.show();
    }
}
