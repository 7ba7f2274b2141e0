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

    public static void main(String[] args) {
        // Before any library logs: picocli parses --verbose too (for help and checks), later.
        dev.netlens.logging.Logs.configure(java.util.Arrays.asList(args).contains(NetlensCommand.VERBOSE));
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
