package dev.netlens.cli;

import java.io.PrintWriter;
import java.io.Writer;

/** Runs the netlens command line in this process, as the launcher does, its output and errors into the test's writers. */
final class CliRun {
    private CliRun() {
    }

    /** @return the exit status */
    static int run(Writer out, Writer err, String... args) {
        var cli = NetlensCommand.commandLine(args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
