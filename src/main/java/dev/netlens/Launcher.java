package dev.netlens;

import dev.netlens.cli.NetlensCommand;

/**
 * The jar's entry point. It does not extend Application, so JavaFX can start from a plain jar,
 * and commands such as {@code export} run without touching the JavaFX toolkit at all.
 */
public final class Launcher {
    private Launcher() {
    }

    /** JDK 17's process launch mechanisms; see {@link #main}. */
    static final String LAUNCH_MECHANISM = "jdk.lang.Process.launchMechanism";

    /**
     * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" at
     * every start from a plain jar (its modules on the class path). That is how Netlens ships on
     * purpose (decision 3: one jar and jpackage images with a class-path launcher), it is supported
     * in practice, and the line only worries users: JavaFX's own logger is raised to SEVERE. Held
     * here so the logger (and its level) is not collected.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    public static void main(String[] args) {
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        preferVfork();
        // The window's command returns when the window has closed; every command ends the JVM.
        System.exit(NetlensCommand.run(args));
    }

    /** Must run before the first process starts: the JDK reads the setting once. */
    public static void preferVfork() {
        // Discovery starts one nsenter per network namespace (hundreds on a busy host). The JDK's
        // default posix_spawn goes through an extra jspawnhelper exec for each; vfork does not, and
        // took about 100 ms off an export at 200 containers here. A user's own setting wins.
        if (System.getProperty(LAUNCH_MECHANISM) == null) {
            System.setProperty(LAUNCH_MECHANISM, "VFORK");
        }
    }
}
