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

    /**
     * How many batches a reader should split many like commands into ({@link #runBatch}); 0 (the
     * default) runs each on its own, as processes here cost little and run side by side.
     */
    default int batches() {
        return 0;
    }

    /**
     * Runs several commands, each with {@code input}, in as few steps as this runner can: one result
     * per command, in their order. By default one after another.
     *
     * @throws IOException when the batch as a whole could not run (a single command's failure is its result)
     */
    default List<CommandResult> runBatch(List<List<String>> argvs, String input) throws IOException {
        List<CommandResult> results = new java.util.ArrayList<>();
        for (List<String> argv : argvs) {
            results.add(run(argv, input));
        }
        return results;
    }

    /** Whether the program can be found on this machine. */
    boolean isAvailable(String program);
}
