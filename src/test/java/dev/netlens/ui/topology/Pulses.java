package dev.netlens.ui.topology;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** For canvas tests: waiting for a pulse, where the canvas composes its pictures and places its names. */
final class Pulses {
    private Pulses() {
    }

    /** Waits until the next pulse of {@code node}'s scene has run its post-layout work. */
    static void waitForPulse(FxRobot robot, Node node) {
        java.util.concurrent.CompletableFuture<Void> pulsed = new java.util.concurrent.CompletableFuture<>();
        robot.interact(() -> {
            Scene scene = node.getScene();
            Runnable look = new Runnable() {
                @Override
                public void run() {
                    scene.removePostLayoutPulseListener(this);
                    pulsed.complete(null);
                }
            };
            scene.addPostLayoutPulseListener(look);
            Platform.requestNextPulse();
        });
        pulsed.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
        WaitForAsyncUtils.waitForFxEvents();
    }
}
