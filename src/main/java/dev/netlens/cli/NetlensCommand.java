package dev.netlens.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code netlens}: opens the window; its subcommands run headless. */
@Command(name = "netlens", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Draws Docker networking as the kernel really has it.",
        subcommands = {ExportCommand.class, LabCommand.class})
public final class NetlensCommand implements java.util.concurrent.Callable<Integer> {
    /** Returned when the window was opened: the JVM lives on until it closes. */
    public static final int KEEP_RUNNING = -1;

    @Option(names = {"-H", "--host"}, paramLabel = "URI",
            description = "Docker engine to show (repeatable). Default: DOCKER_HOST, else the local socket.")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--snapshot", paramLabel = "FILE", description = "Open a saved topology snapshot instead of live engines.")
    String snapshot;

    @Override
    public Integer call() {
        dev.netlens.app.Gui.start(hosts, snapshot);
        return 0;
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new NetlensCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // No stack trace reaches a user: say what failed in one line.
            commandLine.getErr().println("netlens: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return 1;
        });
        return cli.execute(args);
    }
}
