package dev.netlens.cli;

import dev.netlens.lab.LabException;
import dev.netlens.lab.LabObject;
import dev.netlens.lab.LabOptions;
import dev.netlens.lab.LabProgress;
import dev.netlens.lab.LabReport;
import dev.netlens.lab.LabService;
import dev.netlens.lab.LabStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code netlens lab up|down|status}: the classroom network, one command away. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = {"Build, list or remove the classroom lab: the lesson's network on a Docker engine.",
            "Every object it makes carries the label " + LabService.LABEL + "; down removes exactly those."},
        subcommands = {LabCommand.Up.class, LabCommand.Down.class, LabCommand.Status.class})
public final class LabCommand implements Callable<Integer> {
    /** Exit status when no engine answers, as for export. */
    static final int UNREACHABLE = 3;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** --host, shared by the three subcommands. */
    static final class HostOption {
        @Option(names = {"-H", "--host"}, paramLabel = "URI",
                description = "Docker engine. Default: DOCKER_HOST, else the local socket.")
        String host;
    }

    /** Runs one lab operation and turns a refusal into one line on stderr and an exit status. */
    abstract static class LabSubcommand implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        HostOption hostOption;

        abstract void run(LabService lab, PrintWriter out) throws LabException;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (LabService lab = LabService.connect(hostOption.host)) {
                run(lab, out);
                return 0;
            } catch (LabException e) {
                spec.commandLine().getErr().println("netlens lab " + spec.name() + ": " + e.getMessage());
                return e.reason() == LabException.Reason.UNREACHABLE ? UNREACHABLE : 1;
            } finally {
                out.flush();
            }
        }

        /** "[3/14] container classroom-a on bridge", flushed: progress must show while containers start. */
        static LabProgress progress(PrintWriter out) {
            return (done, total, message) -> {
                if (done >= total) {
                    out.println(message);
                } else {
                    out.printf(Locale.ROOT, "[%d/%d] %s%n", done + 1, total, message);
                }
                out.flush();
            };
        }

        static void printReport(LabReport report, PrintWriter out) {
            report.done().forEach(line -> out.println("  " + line));
            report.skipped().forEach(line -> out.println("  skipped " + line));
        }
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = "Build the lesson's network (idempotent: keeps what runs, starts what stopped).")
    static final class Up extends LabSubcommand {
        @Option(names = "--image", paramLabel = "IMAGE", defaultValue = LabOptions.DEFAULT_IMAGE,
                description = "Image for the lab containers (default: ${DEFAULT-VALUE}). Pulled when missing; "
                        + "without a registry use a local one, e.g. " + LabOptions.LOCAL_IMAGE_HINT + ".")
        String image;

        @Option(names = "--dns", paramLabel = "ADDRESS",
                description = "DNS server for the lab containers (repeatable). Default: the engine's.")
        List<String> dns = new ArrayList<>();

        @Override
        void run(LabService lab, PrintWriter out) throws LabException {
            LabReport report = lab.up(new LabOptions(image, dns), progress(out));
            printReport(report, out);
            out.println("the classroom lab is up on " + report.endpoint() + "; open it with: netlens");
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true,
            description = "Remove exactly the objects labelled " + LabService.LABEL + " (and the veth the lab made).")
    static final class Down extends LabSubcommand {
        @Override
        void run(LabService lab, PrintWriter out) throws LabException {
            LabReport report = lab.down(progress(out));
            printReport(report, out);
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "List the classroom lab's objects.")
    static final class Status extends LabSubcommand {
        @Override
        void run(LabService lab, PrintWriter out) throws LabException {
            LabStatus status = lab.status();
            if (status.empty()) {
                out.println("no classroom lab objects on " + status.endpoint() + " (netlens lab up builds it)");
                return;
            }
            out.println("classroom lab on " + status.endpoint() + ":");
            for (LabObject o : status.objects()) {
                out.printf(Locale.ROOT, "  %-9s %-20s %s%n", o.kind().name().toLowerCase(Locale.ROOT), o.name(), o.detail());
            }
        }
    }
}
