package dev.netlens.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A third Docker engine of the test's own, started the way a hardened host runs one: its capability
 * bounding set lacks CAP_SYS_PTRACE ({@code setpriv --bounding-set -sys_ptrace}), so it cannot give a
 * container that capability and really refuses to start one that asks for it ("unable to apply caps:
 * operation not permitted", as this machine refuses {@code --privileged}). It runs in a network
 * namespace of its own (no bridge, no iptables: it touches nothing of the lab's) and starts with no
 * image. Everything it makes is under the names below; {@link #start} removes leftovers of an earlier
 * run first, {@link #stop} removes all of it.
 */
public final class CapabilityLimitedEngine {
    public static final String NETNS = "nl-capless";
    public static final Path RUN = Path.of("/run/netlens-capless");
    public static final Path DATA = Path.of("/var/lib/netlens-capless");
    public static final String HOST = "unix://" + RUN.resolve("docker.sock");
    private static final Path PIDFILE = RUN.resolve("docker.pid");
    private static final Path LOG = Path.of("/tmp/dockerd-netlens-capless.log");
    private Process dockerd;

    /** Starts the engine (leftovers of an earlier run removed first) and waits until it answers. */
    public void start() throws IOException, InterruptedException {
        removeLeftovers();
        run(List.of("ip", "netns", "add", NETNS));
        Files.createDirectories(RUN);
        Files.createDirectories(DATA);
        dockerd = new ProcessBuilder("nsenter", "--net=/var/run/netns/" + NETNS,
                "setpriv", "--bounding-set", "-sys_ptrace", "--",
                "dockerd", "--data-root", DATA.toString(), "--exec-root", RUN.resolve("exec").toString(),
                "--pidfile", PIDFILE.toString(), "-H", HOST, "--bridge=none", "--iptables=false", "--ip6tables=false")
                .redirectErrorStream(true).redirectOutput(LOG.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!dockerd.isAlive()) {
                throw new IllegalStateException("the capability-limited engine ended at start; see " + LOG);
            }
            if (run(List.of(docker(), "-H", HOST, "version", "--format", "{{.Server.Version}}")).ok()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the capability-limited engine did not answer within 90 s; see " + LOG);
    }

    /** Loads the lab's image into it from engine 1 (it has none at start, and never pulls). */
    public void loadLabImage() throws IOException, InterruptedException {
        Path tar = Files.createTempFile("nl-capless-image", ".tar");
        try {
            require(run(List.of(docker(), "-H", Lab.ENGINE1, "save", "-o", tar.toString(), "netlens/busybox:lab")));
            require(run(List.of(docker(), "-H", HOST, "load", "-i", tar.toString())));
        } finally {
            Files.deleteIfExists(tar);
        }
    }

    /** Runs the docker CLI against this engine; fails when it fails. */
    public String docker(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(docker(), "-H", HOST));
        argv.addAll(List.of(args));
        Result r = run(argv);
        require(r);
        return r.out();
    }

    /** Stops the engine and removes its namespace and folders. */
    public void stop() throws IOException, InterruptedException {
        if (dockerd != null) {
            dockerd.destroy(); // SIGTERM: the engine stops its containers and unmounts
            if (!dockerd.waitFor(45, TimeUnit.SECONDS)) {
                dockerd.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            dockerd = null;
        }
        removeLeftovers();
    }

    /** An earlier run's engine (by its pid file, if that pid still runs our dockerd), mounts, namespace, folders. */
    private static void removeLeftovers() throws IOException, InterruptedException {
        if (Files.exists(PIDFILE)) {
            String pid = Files.readString(PIDFILE).strip();
            Path cmdline = Path.of("/proc", pid, "cmdline");
            if (!pid.isEmpty() && Files.exists(cmdline)
                    && new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).contains(DATA.toString())) {
                run(List.of("kill", "-TERM", pid));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
                while (Files.exists(cmdline) && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                if (Files.exists(cmdline)) {
                    run(List.of("kill", "-KILL", pid));
                }
            }
        }
        // The engine leaves its own namespace's file bind-mounted under its exec root.
        Path netns = RUN.resolve("exec/netns");
        if (Files.isDirectory(netns)) {
            try (Stream<Path> files = Files.list(netns)) {
                for (Path f : files.toList()) {
                    run(List.of("umount", "-l", f.toString()));
                }
            }
        }
        for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
            String[] f = line.split(" ");
            if (f.length > 1 && (f[1].startsWith(RUN + "/") || f[1].startsWith(DATA + "/"))) {
                run(List.of("umount", "-l", f[1]));
            }
        }
        if (Files.exists(Path.of("/var/run/netns", NETNS))) {
            run(List.of("ip", "netns", "del", NETNS));
        }
        deleteTree(RUN);
        deleteTree(DATA);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String docker() {
        return new File("/usr/bin/docker").canExecute() ? "/usr/bin/docker" : "docker";
    }

    private record Result(int status, String out, String err) {
        boolean ok() {
            return status == 0;
        }
    }

    private static void require(Result r) {
        if (!r.ok()) {
            throw new IllegalStateException(r.err().strip());
        }
    }

    private static Result run(List<String> argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "", argv + " did not end");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
