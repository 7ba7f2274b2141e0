package dev.netlens.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends one case's packet for real (busybox ping or nc, between our own containers and namespace) and
 * reads both engines' rule counters before and after, so the rules it hit can be told.
 */
final class RealTraffic {
    /**
     * What really happened.
     *
     * @param reached the ping was answered, or the tcp connection echoed our byte back
     * @param detail the probe's command and output, for failure messages
     * @param hits per engine URI, the rules whose packet counters rose meanwhile
     */
    record Outcome(boolean reached, String detail, Map<String, List<RuleCounters.Hit>> hits) {
    }

    private RealTraffic() {
    }

    static Outcome send(TraceLab lab, TraceCase c) {
        RuleCounters before1 = RuleCounters.read(null);
        RuleCounters before2 = RuleCounters.read(LabCommands.NODE2_NETNS);
        List<String> argv = probe(lab, c);
        LabCommands.Result r = LabCommands.run(argv, c.port() == null ? null : "x\n", 15);
        RuleCounters after1 = RuleCounters.read(null);
        RuleCounters after2 = RuleCounters.read(LabCommands.NODE2_NETNS);
        boolean reached = r.ok() && (c.port() == null || r.out().contains("x"));
        String detail = String.join(" ", argv) + " -> exit " + r.exit() + ", out " + r.out().strip() + ", err " + r.err().strip();
        return new Outcome(reached, detail, Map.of(LabCommands.ENGINE1, after1.rose(before1), LabCommands.NODE2, after2.rose(before2)));
    }

    /** The probe as an argument list: {@code docker exec} in the source container, or {@code ip netns exec} in the client's. */
    static List<String> probe(TraceLab lab, TraceCase c) {
        List<String> argv = new ArrayList<>();
        String to = c.probeTo().apply(lab);
        if (c.fromContainer() != null) {
            argv.addAll(LabCommands.docker(lab.engineOf(c.fromContainer()), "exec", "-i", c.fromContainer()));
        } else {
            argv.addAll(List.of("ip", "netns", "exec", TraceLab.CLIENT_NETNS, "/bin/busybox"));
        }
        if (c.port() == null) {
            argv.addAll(List.of("ping", "-c", "1", "-W", "1", to));
        } else {
            argv.addAll(List.of("nc", "-w", "2", to, String.valueOf(c.port())));
        }
        return argv;
    }
}
