package dev.netlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WindowStartFailureTest {

    /** The two messages JavaFX 21's GTK launcher gave on this machine (no DISPLAY; no libgtk-3 under Xvfb). */
    @Test
    void noDisplayAndNoGtkAreExplainedAsThisMachinesNotABug() {
        var noDisplay = new RuntimeException(new UnsupportedOperationException("Unable to open DISPLAY"));
        assertTrue(WindowStartFailure.explain(noDisplay).orElseThrow().startsWith("no display to draw on"));
        var noGtk = new UnsupportedOperationException("Unable to load glass GTK library.");
        assertTrue(WindowStartFailure.explain(noGtk).orElseThrow().contains("libgtk-3-0"));
    }

    @Test
    void anyOtherFailureStaysAnInternalError() {
        assertFalse(WindowStartFailure.explain(new IllegalStateException("Unable to open DISPLAY")).isPresent());
        assertFalse(WindowStartFailure.explain(new UnsupportedOperationException("something else")).isPresent());
        assertFalse(WindowStartFailure.explain(new RuntimeException()).isPresent());
    }

    /** A real process without a display: one line, status 3, no trace (it was "internal error", status 1). */
    @Test
    void theWindowWithoutADisplaySaysSoInOneLine() throws Exception {
        Path lab = Path.of("src/test/resources/snapshots/lab.json").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "dev.netlens.Launcher", "--snapshot", lab.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), err);
        assertTrue(lines.get(0).startsWith("netlens: cannot open a window: no display to draw on"), err);
        assertEquals(WindowStartFailure.STATUS, p.exitValue(), err);
    }
}
