package dev.netlens.discovery.kernel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs real processes with a timeout, resolving programs on PATH and the sbin folders. */
public final class ProcessCommandRunner implements CommandRunner {
    private static final List<String> EXTRA_DIRS = List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin");
    private final Duration timeout;
    private final Map<String, Optional<Path>> resolved = new ConcurrentHashMap<>();
    /** Drains stderr; reused threads (on 2 cores the common pool would start a thread per command). */
    private static final java.util.concurrent.ExecutorService DRAIN = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "netlens-process-drain");
        t.setDaemon(true);
        return t;
    });

    public ProcessCommandRunner(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public CommandResult run(List<String> argv) throws IOException {
        return run(argv, null);
    }

    @Override
    public CommandResult run(List<String> argv, String input) throws IOException {
        Path program = resolve(argv.get(0)).orElseThrow(() -> new CommandNotFoundException(argv.get(0)));
        List<String> command = new java.util.ArrayList<>(argv);
        command.set(0, program.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        // The input is a few lines: it fits the pipe, so writing it before reading cannot block.
        try (var stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the program ended without reading it: its exit code and stderr say why
        }
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()), DRAIN);
        try {
            // stdout on this thread: a timeout still ends the process, which closes the stream.
            ScheduledKill kill = ScheduledKill.after(process, timeout);
            String out = drain(process.getInputStream());
            boolean killed = !kill.cancel();
            if (killed || !process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(argv.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new CommandResult(process.exitValue(), out, err.get());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + argv.get(0), e);
        } catch (ExecutionException | UncheckedIOException e) {
            throw new IOException("could not read the output of " + argv.get(0), e.getCause());
        }
    }

    @Override
    public boolean isAvailable(String program) {
        return resolve(program).isPresent();
    }

    private Optional<Path> resolve(String program) {
        return resolved.computeIfAbsent(program, ProcessCommandRunner::lookup);
    }

    private static Optional<Path> lookup(String program) {
        if (program.contains("/")) {
            Path path = Path.of(program);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVar = System.getenv().getOrDefault("PATH", "");
        List<String> dirs = new java.util.ArrayList<>(List.of(pathVar.split(":")));
        dirs.addAll(EXTRA_DIRS);
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Kills a process that outlives its time, so a blocked read of its output ends too. */
    private record ScheduledKill(java.util.concurrent.ScheduledFuture<?> task, java.util.concurrent.atomic.AtomicBoolean fired) {
        private static final java.util.concurrent.ScheduledExecutorService TIMER =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "netlens-process-timeout");
                    t.setDaemon(true);
                    return t;
                });

        static ScheduledKill after(Process process, Duration timeout) {
            java.util.concurrent.atomic.AtomicBoolean fired = new java.util.concurrent.atomic.AtomicBoolean();
            // The flag is set before the kill: the reader wakes up as soon as the process dies.
            return new ScheduledKill(TIMER.schedule(() -> {
                fired.set(true);
                process.destroyForcibly();
            }, timeout.toMillis(), TimeUnit.MILLISECONDS), fired);
        }

        /** @return false when it is too late: the process was killed */
        boolean cancel() {
            task.cancel(false);
            return !fired.get();
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
