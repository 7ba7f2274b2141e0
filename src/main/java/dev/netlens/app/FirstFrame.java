package dev.netlens.app;

import java.lang.management.ManagementFactory;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Hidden benchmark switch ({@code -Dnetlens.exitAfterFirstFrame=true}, bench/run.sh): once a pulse
 * has laid out a scene whose picture is ready, waits two more pulses (the second one waits for the
 * first one's painting to finish), prints the time since the JVM started and halts the process.
 */
public final class FirstFrame {
    private FirstFrame() {
    }

    /** FX thread. {@code ready} says whether the scene shows what counts as the first frame. */
    public static void exitAfterPicture(Scene scene, BooleanSupplier ready) {
        int[] after = {-1};
        scene.addPostLayoutPulseListener(() -> {
            if (after[0] < 0 && !ready.getAsBoolean()) {
                return;
            }
            after[0]++;
            if (after[0] >= 2) {
                long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("netlens: first frame " + ms + " ms after JVM start");
                System.out.flush();
                Runtime.getRuntime().halt(0);
            }
            Platform.requestNextPulse();
        });
        Platform.requestNextPulse();
    }
}
