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
 * for: utime + stime + cutime + cstime of /proc/self/stat) over the ticks, as % of one core. In the
 * same run and rounds, alternately: idle (no sampling, subtracted), the reader that runs one
 * {@code nsenter ... ip} per process-less namespace each tick ("before"), and the one that reads
 * them from anchor processes ("after"; the anchors' own utime + stime added). Everything made is
 * removed before and after, and no child process may be left.
 *
 * <pre>java -cp target/bench-classes:target/classes:DEPS dev.netlens.bench.RatesBench [N] [TICKS] [ROUNDS]</pre>
 */
public final class RatesBench {
    static final String PREFIX = "nlrate-bench-";
    static final String NETWORK = "nlrate-bench2";
    static final String DOCKER = "/usr/bin/docker";
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int ticks = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        removeOurs();
        try {
            String network = createNetwork();
            for (int i = 0; i < n; i++) {
                docker("run", "-d", "--name", PREFIX + i, "--network", network, "--stop-timeout", "1",
                        "netlens/busybox:lab", "sleep", "3600");
            }
            TopologySnapshot snapshot;
            try (Discovery d = Discovery.local()) {
                snapshot = d.discover(List.of("unix:///var/run/docker.sock")).snapshot();
            }
            CounterReader before = CounterReader.withoutAnchors(new ProcessCommandRunner(Duration.ofSeconds(5)), Path.of("/proc"));
            CounterReader after = new CounterReader(new ProcessCommandRunner(Duration.ofSeconds(5)), Path.of("/proc"));
            try (after) {
                for (int i = 0; i < 3; i++) {
                    before.read(snapshot); // warm-up: the walk over /proc
                    after.read(snapshot); // and the anchors started
                    Thread.sleep(2_000);
                }
                for (int i = 0; i < 30; i++) {
                    before.read(snapshot); // warm-up: the JIT compiles both paths before anything is measured
                    after.read(snapshot);
                }
                System.out.printf("containers %d, namespaces %d, anchors standing %d%n", n, snapshot.namespaces().size(),
                        after.anchorPids().size());
                double[] idle = new double[rounds];
                Phase[] old = new Phase[rounds];
                Phase[] anchored = new Phase[rounds];
                for (int r = 0; r < rounds; r++) {
                    long idleStart = cpuTicks();
                    long idleWall = System.nanoTime();
                    Thread.sleep(ticks * 2_000L);
                    idle[r] = share(cpuTicks() - idleStart, System.nanoTime() - idleWall);
                    old[r] = sample(before, snapshot, ticks, List.of());
                    anchored[r] = sample(after, snapshot, ticks, after.anchorPids());
                    System.out.printf("round %d: idle %.2f%%; ip per process-less namespace %.2f%% (cost %.2f%%, a read %.1f ms wall, %.1f ms CPU of its thread, %d interfaces, %d problems);"
                                    + " anchors %.2f%% + anchors' own %.2f%% (cost %.2f%%, a read %.1f ms wall, %.1f ms CPU of its thread, %d interfaces, %d problems); load %s%n",
                            r + 1, idle[r], old[r].cpu, old[r].cpu - idle[r], old[r].readMs, old[r].readCpuMs, old[r].samples, old[r].problems,
                            anchored[r].cpu, anchored[r].anchorsCpu, anchored[r].cpu + anchored[r].anchorsCpu - idle[r],
                            anchored[r].readMs, anchored[r].readCpuMs, anchored[r].samples, anchored[r].problems, loadAverage());
                }
            }
            List<Long> left = after.anchorPids();
            Thread.sleep(500);
            long children = ProcessHandle.current().children().filter(ProcessHandle::isAlive).count();
            System.out.printf("after close: anchors listed %d, child processes alive %d%n", left.size(), children);
        } finally {
            removeOurs();
        }
    }

    /** One phase's figures: the process's CPU (% of one core) and the anchors' own, a read's mean wall time. */
    private record Phase(double cpu, double anchorsCpu, double readMs, double readCpuMs, int samples, int problems) {
    }

    /** {@code ticks} reads every 2 s, as the window's sampler makes them. */
    private static Phase sample(CounterReader reader, TopologySnapshot snapshot, int ticks, List<Long> anchors) throws Exception {
        long anchorsStart = cpuTicks(anchors);
        long start = cpuTicks();
        long wall = System.nanoTime();
        long readNanos = 0;
        long threadCpu = THREADS.getCurrentThreadCpuTime();
        CounterRead read = null;
        for (int t = 0; t < ticks; t++) {
            long at = System.nanoTime();
            read = reader.read(snapshot);
            readNanos += System.nanoTime() - at;
            long next = wall + (t + 1) * 2_000_000_000L;
            Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
        }
        long elapsed = System.nanoTime() - wall;
        return new Phase(share(cpuTicks() - start, elapsed), share(cpuTicks(anchors) - anchorsStart, elapsed),
                readNanos / 1e6 / ticks, (THREADS.getCurrentThreadCpuTime() - threadCpu) / 1e6 / ticks,
                read.samples().size(), read.problems().size());
    }

    /** utime + stime of other processes (the anchors, not children this process waited for). */
    private static long cpuTicks(List<Long> pids) {
        long sum = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException e) {
                // ended meanwhile
            }
        }
        return sum;
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
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

    /**
     * The bench's network: {@code nlrate-bench2} on 100.64.112.0/24, or the next name and /24 when an
     * earlier run's could not be removed (engine 20.10 sometimes keeps an endpoint of a container
     * removed among many: "has active endpoints" until it restarts).
     */
    private static String createNetwork() throws Exception {
        for (int k = 0; k < 8; k++) {
            String name = k == 0 ? NETWORK : NETWORK + "-" + k;
            if (docker("network", "ls", "-q", "--filter", "name=^" + name + "$").isBlank()) {
                docker("network", "create", "--subnet", "100.64." + (112 + k) + ".0/24", name);
                return name;
            }
        }
        throw new IllegalStateException("no free bench network: remove the networks named " + NETWORK + "*");
    }

    private static void removeOurs() throws Exception {
        String ids = docker("ps", "-aq", "--filter", "name=^" + PREFIX).strip();
        List<String> all = ids.isEmpty() ? List.of() : List.of(ids.split("\\s+"));
        for (int from = 0; from < all.size(); from += 20) { // a few at a time: fewer endpoints left behind
            List<String> argv = new ArrayList<>(List.of("rm", "-f"));
            argv.addAll(all.subList(from, Math.min(all.size(), from + 20)));
            docker(argv.toArray(String[]::new));
        }
        for (String net : docker("network", "ls", "--format", "{{.Name}}", "--filter", "name=^" + NETWORK).strip().split("\\s+")) {
            for (int attempt = 0; attempt < 20 && !net.isBlank()
                    && !docker("network", "ls", "-q", "--filter", "name=^" + net + "$").isBlank(); attempt++) {
                try {
                    docker("network", "rm", net);
                } catch (IllegalStateException e) {
                    Thread.sleep(500); // the removed containers' endpoints go away a moment later
                }
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
