package dev.netlens.cli;

import dev.netlens.capture.CaptureException;
import dev.netlens.capture.CaptureRequest;
import dev.netlens.capture.CaptureResult;
import dev.netlens.capture.CaptureSession;
import dev.netlens.capture.CaptureTarget;
import dev.netlens.capture.CaptureTargets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code netlens capture}: one interface's packets into a pcap file, with tcpdump in its namespace. */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = "Record the packets of one interface (or of a container's namespace) into a pcap file, with "
                + "tcpdump run inside that namespace; needs root and tcpdump, on a local engine. The file is written "
                + "only when the capture succeeds. Exit status: 0 written, 2 bad arguments (an unknown interface or "
                + "container, a filter tcpdump refuses), 3 no engine could be read, 4 cannot capture here (no tcpdump, "
                + "not root, a remote engine, the namespace or interface is gone), 5 the capture failed or its file "
                + "could not be written.")
public final class CaptureCommand implements Callable<Integer> {
    static final int CANNOT_CAPTURE = 4;
    static final int FAILED = 5;
    private static final String NAME = "netlens capture";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--interface", paramLabel = "ID",
                description = "interface id as in the JSON export and the property panel (HOSTID/ns/NAMESPACE/IFNAME); "
                        + "an overlay's vxlan0 captures inside the tunnel, the host's underlay interface with "
                        + "--filter 'udp port 4789' captures the tunnel's packets themselves")
        String interfaceId;

        @Option(names = "--container", paramLabel = "NAME",
                description = "a container name or id: its one interface besides lo, or every interface ('any') when it has several")
        String container;
    }

    @Option(names = {"-H", "--host"}, paramLabel = "URI",
            description = "Docker engine (repeatable). Default: DOCKER_HOST, else the local socket.")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--filter", paramLabel = "BPF", description = "a tcpdump filter expression, e.g. 'icmp' or 'tcp port 80'")
    String filter;

    @Option(names = "--count", paramLabel = "N", description = "stop after N packets")
    Integer count;

    @Option(names = "--seconds", paramLabel = "S", description = "stop after S seconds (at least one of --count and --seconds)")
    Integer seconds;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.pcap", description = "the pcap file to write")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (count == null && seconds == null) {
            err.println(NAME + ": give --count N or --seconds S (or both): a headless capture needs an end");
            return 2;
        }
        if (count != null && count < 1 || seconds != null && seconds < 1) {
            err.println(NAME + ": --count and --seconds must be at least 1");
            return 2;
        }
        TopologySource.Loaded loaded = TopologySource.load(null, hosts, err, NAME);
        if (loaded.failed()) {
            return loaded.status();
        }
        CaptureTargets targets = new CaptureTargets(loaded.file().snapshot());
        try {
            CaptureTarget target = what.interfaceId != null ? targets.forInterface(what.interfaceId)
                    : targets.forContainer(what.container);
            CaptureRequest request = CaptureRequest.of(target, filter, count == null ? 0 : count,
                    seconds == null ? null : Duration.ofSeconds(seconds), output);
            CaptureSession session = CaptureSession.start(request);
            err.println(NAME + ": capturing on " + target.place() + " (" + target.interfaceName() + ")");
            err.flush();
            CaptureResult result = session.await();
            PrintWriter out = spec.commandLine().getOut();
            out.println(result.packets() + " packets written to " + result.file() + " (" + ending(result.ending()) + ")");
            out.flush();
            return 0;
        } catch (CaptureException e) {
            err.println(NAME + ": " + e.getMessage());
            return status(e.problem());
        }
    }

    static int status(CaptureException.Problem problem) {
        return switch (problem) {
            case NOT_FOUND, BAD_FILTER -> 2;
            case NO_TCPDUMP, NO_NSENTER, NOT_ROOT, REMOTE, NO_NAMESPACE, NO_INTERFACE -> CANNOT_CAPTURE;
            case OUTPUT, FAILED -> FAILED;
        };
    }

    private static String ending(CaptureResult.Ending ending) {
        return switch (ending) {
            case PACKET_LIMIT -> "packet limit reached";
            case TIME_LIMIT -> "time limit reached";
            case STOPPED -> "stopped";
        };
    }
}
