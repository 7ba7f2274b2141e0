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

    /**
     * Runs the program with {@code input} as its standard input (a short, fixed text such as an
     * {@code ip -batch -} script), or none when it is null.
     *
     * @throws IOException as {@link #run(List)}; by default when input is given, for a runner that cannot pass it
     */
    default CommandResult run(List<String> argv, String input) throws IOException {
        if (input == null) {
            return run(argv);
        }
        throw new IOException(argv.get(0) + " cannot be given input by this runner");
    }

    /** Whether the program can be found on this machine. */
    boolean isAvailable(String program);
}
