package dev.netlens;

import dev.netlens.cli.NetlensCommand;

/**
 * The jar's entry point. It does not extend Application, so JavaFX can start from a plain jar,
 * and commands such as {@code export} run without touching the JavaFX toolkit at all.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // The window's command returns when the window has closed; every command ends the JVM.
        System.exit(NetlensCommand.run(args));
    }
}
