package dev.netlens.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs real tools as argument lists (never a shell string) for the trace lab tests. */
final class LabCommands {
    static final String ENGINE1 = "unix:///var/run/docker.sock";
    static final String NODE2 = "unix:///run/node2/docker.sock";
    /** The namespace node2's engine lives in (its firewall is there). */
    static final String NODE2_NETNS = "node2";

    private LabCommands() {
    }

    /** What a command did: its exit status and both outputs. */
    record Result(int exit, String out, String err) {
        boolean ok() {
            return exit == 0;
        }
    }

    static Result run(List<String> argv) {
        return run(argv, null, 60);
    }

    /**
     * Runs to the end (or kills it after the timeout, exit -1); never throws for a non-zero exit.
     *
     * @param input written to the command's standard input, then closed; null for none
     */
    static Result run(List<String> argv, String input, int timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(argv).start();
            try (var stdin = p.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            // Read both streams at once so neither pipe fills and blocks the tool.
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            String out = read(p.getInputStream());
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, out, "timed out after " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), out, err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs and returns standard output; a non-zero exit is an error naming the command. */
    static String must(List<String> argv) {
        Result r = run(argv);
        if (!r.ok()) {
            throw new IllegalStateException(String.join(" ", argv) + " failed (" + r.exit() + "): " + r.err().strip());
        }
        return r.out();
    }

    static List<String> docker(String host, String... args) {
        List<String> argv = new ArrayList<>(List.of(dockerCli(), "-H", host));
        argv.addAll(List.of(args));
        return argv;
    }

    static List<String> docker(String host, List<String> args) {
        return docker(host, args.toArray(String[]::new));
    }

    /** A command in a named network namespace, or in this one when {@code netns} is null. */
    static List<String> inNetns(String netns, String... args) {
        List<String> argv = new ArrayList<>();
        if (netns != null) {
            argv.addAll(List.of("ip", "netns", "exec", netns));
        }
        argv.addAll(List.of(args));
        return argv;
    }

    private static String dockerCli() {
        // The client shipped with the engine package matches its API version.
        return new java.io.File("/usr/bin/docker").canExecute() ? "/usr/bin/docker" : "docker";
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
