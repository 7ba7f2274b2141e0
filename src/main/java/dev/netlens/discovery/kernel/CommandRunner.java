package dev.netlens.discovery.kernel;

import java.io.IOException;
import java.util.List;

/**
 * Runs a program with an argument list. Never a shell string: engine data (paths, names) is passed
 * as whole arguments, so nothing in it can be interpreted by a shell.
 */
public interface CommandRunner {
    /**
     * @throws CommandNotFoundException when the program is not installed
     * @throws IOException when it could not be started or did not finish in time
     */
    CommandResult run(List<String> argv) throws IOException;

    /** Whether the program can be found on this machine. */
    boolean isAvailable(String program);
}
