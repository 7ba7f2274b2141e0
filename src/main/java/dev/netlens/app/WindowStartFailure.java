package dev.netlens.app;

import java.util.Optional;

/**
 * Why JavaFX could not open a window, in the user's terms, when the cause lies in this machine and
 * not in Netlens: no display to draw on, or no GTK 3 library for JavaFX's Linux toolkit. JavaFX
 * reports both as an UnsupportedOperationException from its launcher; they were told as internal
 * errors (a bug) before.
 */
public final class WindowStartFailure {
    /** Exit status when no window can be opened here (README, "Run it"). */
    public static final int STATUS = 3;

    private WindowStartFailure() {
    }

    /** The line to print after "netlens: cannot open a window: ", or empty when {@code t} is something else. */
    public static Optional<String> explain(Throwable t) {
        for (Throwable at = t; at != null; at = at.getCause()) {
            if (!(at instanceof UnsupportedOperationException)) {
                continue;
            }
            String m = String.valueOf(at.getMessage());
            if (m.contains("Unable to open DISPLAY")) {
                return Optional.of("no display to draw on (DISPLAY is unset or its X server does not answer); "
                        + "without one, use `netlens export` or `netlens trace`");
            }
            if (m.contains("Unable to load glass GTK library")) {
                return Optional.of("JavaFX needs the GTK 3 library, which is not installed "
                        + "(Debian/Ubuntu: apt-get install libgtk-3-0; scripts/run.sh installs it)");
            }
        }
        return Optional.empty();
    }
}
