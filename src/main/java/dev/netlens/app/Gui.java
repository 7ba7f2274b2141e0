package dev.netlens.app;

import java.util.List;

/** Starts the JavaFX application from the plain launcher. */
public final class Gui {
    private Gui() {
    }

    public static void start(List<String> hosts, String snapshotFile) {
        NetlensApp.configure(hosts, snapshotFile);
        javafx.application.Application.launch(NetlensApp.class);
    }
}
