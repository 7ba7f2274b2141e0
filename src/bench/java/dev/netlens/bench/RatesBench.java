package dev.netlens.bench;

import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.kernel.ProcessCommandRunner;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.traffic.CounterRead;
import dev.netlens.traffic.CounterReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The traffic sampler's cost (issue 14): N tiny busybox {@code sleep} containers named
 * {@code nlrate-bench-N} on a network of its own, one discovery, then the sampler's read every 2 s,
 * as the window does; the CPU time of this whole process (its threads and the processes it waited
 * for: utime + stime + cutime + cstime of /proc/self/stat) over the ticks, as % of one core. The
 * process's idle CPU over as long without sampling is measured first and subtracted. Everything
 * made is removed before and after.
 *
 * <pre>java -cp target/bench-classes:target/classes:DEPS dev.netlens.bench.RatesBench [N] [TICKS]</pre>
 */
public final class RatesBench {
    static final String PREFIX = "nlrate-bench-";
    static final String NETWORK = "nlrate-bench2";
    static final String DOCKER = "/usr/bin/docker";

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int ticks = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        removeOurs();
        try {
            docker("network", "create", "--subnet", "100.64.112.0/24", NETWORK);
            for (int i = 0; i < n; i++) {
                docker("run", "-d", "--name", PREFIX + i, "--network", NETWORK, "--stop-timeout", "1",
                        "netlens/busybox:lab", "sleep", "3600");
            }
            TopologySnapshot snapshot;
            try (Discovery d = Discovery.local()) {
                snapshot = d.discover(List.of("unix:///var/run/docker.sock")).snapshot();
            }
            CounterReader reader = new CounterReader(new ProcessCommandRunner(Duration.ofSeconds(5)), Path.of("/proc"));
            for (int i = 0; i < 3; i++) {
                reader.read(snapshot); // warm-up: JIT, the walk over /proc
            }
            long idleStart = cpuTicks();
            long idleWall = System.nanoTime();
            Thread.sleep(ticks * 2_000L);
            double idle = share(cpuTicks() - idleStart, System.nanoTime() - idleWall);
            long start = cpuTicks();
            long wall = System.nanoTime();
            long readNanos = 0;
            int samples = 0;
            int problems = 0;
            for (int t = 0; t < ticks; t++) {
                long at = System.nanoTime();
                CounterRead read = reader.read(snapshot);
                readNanos += System.nanoTime() - at;
                samples = read.samples().size();
                problems = read.problems().size();
                long next = wall + (t + 1) * 2_000_000_000L;
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            }
            double sampling = share(cpuTicks() - start, System.nanoTime() - wall);
            System.out.printf("containers %d, namespaces %d, interfaces read %d, problems %d%n", n,
                    snapshot.namespaces().size(), samples, problems);
            System.out.printf("process CPU while idle %.2f%% of one core; while sampling every 2 s %.2f%%; sampler's cost %.2f%%%n",
                    idle, sampling, sampling - idle);
            System.out.printf("one read of every namespace: %.1f ms wall (mean of %d)%n", readNanos / 1e6 / ticks, ticks);
        } finally {
            removeOurs();
        }
    }

    /** CPU time as % of one core over a wall interval; clock ticks are 1/100 s. */
    private static double share(long cpuTicks, long wallNanos) {
        return 100.0 * (cpuTicks / 100.0) / (wallNanos / 1e9);
    }

    /** utime + stime + cutime + cstime of this process, in clock ticks. */
    private static long cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    private static void removeOurs() throws Exception {
        String ids = docker("ps", "-aq", "--filter", "name=^" + PREFIX).strip();
        if (!ids.isEmpty()) {
            List<String> argv = new ArrayList<>(List.of("rm", "-f"));
            argv.addAll(List.of(ids.split("\\s+")));
            docker(argv.toArray(String[]::new));
        }
        for (int attempt = 0; attempt < 20 && !docker("network", "ls", "-q", "--filter", "name=^" + NETWORK + "$").isBlank(); attempt++) {
            try {
                docker("network", "rm", NETWORK);
            } catch (IllegalStateException e) {
                Thread.sleep(500); // the removed containers' endpoints go away a moment later
            }
        }
    }

    private static String docker(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(DOCKER));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(argv + ": " + out.strip());
        }
        return out;
    }
}
