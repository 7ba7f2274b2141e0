package dev.netlens.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code netlens}: opens the window; its subcommands run headless. */
@Command(name = "netlens", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Draws Docker networking as the kernel really has it.")
public final class NetlensCommand implements java.util.concurrent.Callable<Integer> {
    @Option(names = {"-H", "--host"}, paramLabel = "URI",
            description = "Docker engine to show (repeatable). Default: DOCKER_HOST, else the local socket.")
    List<String> hosts = new ArrayList<>();

    @CommandLine.Mixin
    EngineReachOptions reach = new EngineReachOptions();

    @CommandLine.Mixin
    EngineAccessFlags access = new EngineAccessFlags();

    @Option(names = "--snapshot", paramLabel = "FILE", description = "Open a saved topology snapshot instead of live engines.")
    String snapshot;

    @Option(names = "--resync", paramLabel = "SECONDS", defaultValue = "5",
            description = "Every SECONDS, compare a cheap fingerprint of what raises no engine event (namespace files, "
                    + "the engine namespace's links) and rediscover when it changed; a full pass also runs every 5 minutes "
                    + "(default: ${DEFAULT-VALUE}).")
    int resyncSeconds;

    /** Read by the launcher before anything logs; declared here so every command accepts and documents it. */
    public static final String VERBOSE = "--verbose";
    /** Exit status of a bug (README: "1 internal error"). */
    public static final int INTERNAL_ERROR = 1;

    @Option(names = VERBOSE, scope = CommandLine.ScopeType.INHERIT,
            description = "Debug output on standard error. Whatever the option, a log file is written for bug reports.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (resyncSeconds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--resync must be at least 1 second");
        }
        List<String> engines = hosts;
        if (snapshot == null) {
            try {
                engines = reach.resolve(hosts, spec.commandLine().getErr(), "netlens").hosts();
            } catch (EngineReachOptions.Refused e) {
                return e.status;
            }
        }
        java.io.PrintWriter err = spec.commandLine().getErr();
        var kernel = access.kernelOptions(err, "netlens", err);
        var tls = access.tls(err, "netlens");
        if (kernel == null || tls == null) {
            return 2;
        }
        return dev.netlens.app.Gui.start(engines, snapshot, java.time.Duration.ofSeconds(resyncSeconds), err, kernel, tls);
    }

    public static int run(String... args) {
        return commandLine(args).execute(args);
    }

    /** The command line that will parse {@code args}, with the subcommands those arguments need. */
    public static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new NetlensCommand());
        // Picocli builds the model of every subcommand it is given, by reflection, before parsing:
        // a one-shot `netlens export` should not pay for the lab's three subcommands, so a command
        // line that starts with a subcommand gets only that one (help and the window get them all).
        String first = args.length > 0 ? args[0] : "";
        boolean one = first.equals("export") || first.equals("lab") || first.equals("trace") || first.equals("capture");
        if (!one || first.equals("export")) {
            cli.addSubcommand(new ExportCommand());
        }
        if (!one || first.equals("trace")) {
            cli.addSubcommand(new TraceCommand());
        }
        if (!one || first.equals("capture")) {
            cli.addSubcommand(new CaptureCommand());
        }
        if (!one || first.equals("lab")) {
            cli.addSubcommand(new LabCommand());
        }
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // A bug, not the user's doing: one line that says so, the trace in the log file only.
            java.util.logging.Logger.getLogger(NetlensCommand.class.getName())
                    .log(java.util.logging.Level.SEVERE, "internal error in " + commandLine.getCommandName(), e);
            commandLine.getErr().println("netlens: internal error: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "; " + dev.netlens.logging.Logs.detailsHint());
            return INTERNAL_ERROR;
        });
        return cli;
    }
}
