package dev.netlens.bench;

import dev.netlens.app.FirstFrame;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The baseline of "app start to first drawn frame": a JavaFX window with one label, started and
 * timed the same way as Netlens (-Dnetlens.exitAfterFirstFrame=true, {@link FirstFrame}).
 */
public final class OneLabelApp {
    private OneLabelApp() {
    }

    /** The application (not the main class, as in Netlens: the launcher must not be an Application). */
    public static final class Window extends Application {
    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new Label("Netlens"), 1920, 1080);
        stage.setScene(scene);
        stage.show();
        if (Boolean.getBoolean("netlens.exitAfterFirstFrame")) {
            FirstFrame.exitAfterPicture(scene, () -> true);
        }
    }

    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }
}
