package dev.netlens.logging;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * One logging setup for Netlens and every library: docker-java logs through SLF4J, bound to
 * java.util.logging (slf4j-jdk14), where JavaFX logs too. By default nothing reaches the console (the
 * commands and the window say what matters in their own one-line messages); everything from INFO up
 * goes to a size-capped log file to attach to a bug report; {@code --verbose} adds debug output on
 * standard error.
 */
public final class Logs {
    /** System property naming the log file instead of the platform's place (tests). */
    public static final String FILE_PROPERTY = "netlens.logFile";
    static final long LIMIT = 1024 * 1024;

    /**
     * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" at
     * every start from the class path. That is how Netlens ships on purpose (decision 3, decision 10),
     * so its logger is raised to SEVERE. Held here so the logger (and its level) is not collected.
     */
    private static final Logger JAVAFX = Logger.getLogger("javafx");

    private static Path file;
    /** What --verbose turns to debug: Netlens and the Docker client. */
    private static final java.util.List<String> VERBOSE_LOGGERS = java.util.List.of("dev.netlens", "com.github.dockerjava");
    /** Held so their levels are not collected with them. */
    private static final Map<String, Logger> VERBOSE = new java.util.HashMap<>();

    private Logs() {
    }

    /**
     * Sets up logging for this process; call before any library logs. Again later (tests) it starts over.
     *
     * @param verbose debug output on standard error, as well as the file
     */
    public static synchronized void configure(boolean verbose) {
        LogManager.getLogManager().reset(); // drops JUL's default console handler
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        JAVAFX.setLevel(Level.SEVERE);
        for (String name : VERBOSE_LOGGERS) {
            // The JDK's own FINE output (certificates read, say) is noise even to a bug report.
            VERBOSE.computeIfAbsent(name, Logger::getLogger).setLevel(verbose ? Level.FINE : null);
        }
        file = null;
        Path wanted = defaultFile(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
        String override = System.getProperty(FILE_PROPERTY);
        if (override != null && !override.isBlank()) {
            wanted = Path.of(override);
        }
        try {
            SizeCappedFileHandler handler = new SizeCappedFileHandler(wanted, LIMIT);
            handler.setLevel(Level.INFO);
            handler.setFormatter(new OneLineFormatter());
            root.addHandler(handler);
            file = wanted;
        } catch (IOException | RuntimeException e) {
            // No log file (a read-only home): the application runs all the same, and says where to look.
        }
        if (verbose) {
            ConsoleHandler console = new ConsoleHandler(); // standard error
            console.setLevel(Level.FINE);
            console.setFormatter(new OneLineFormatter());
            root.addHandler(console);
        }
    }

    /** The log file being written, if one could be opened. */
    public static synchronized Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** Ends a user's message: "details in /root/.local/state/netlens/netlens.log", or how to get them. */
    public static String detailsHint() {
        return file().map(f -> "details in " + f).orElse("run again with --verbose for details");
    }

    /** The platform's place for an application's logs. */
    static Path defaultFile(Map<String, String> env, String osName, String home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = env.getOrDefault("LOCALAPPDATA", home + "\\AppData\\Local");
            return Path.of(local, "Netlens", "netlens.log");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Logs", "Netlens", "netlens.log");
        }
        String state = env.get("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state) : Path.of(home, ".local", "state");
        return base.resolve("netlens").resolve("netlens.log");
    }
}
