package dev.netlens.capture;

import dev.netlens.discovery.kernel.CommandResult;
import dev.netlens.discovery.kernel.ProcessCommandRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One tcpdump run inside a namespace ({@code nsenter --net=FILE tcpdump ...}, an argument list, no
 * shell), writing a temporary file beside the output that becomes the output only when the capture
 * ends well: a failed capture leaves no file. The live count is the number of complete records in
 * that file ({@code -U} flushes each packet). Stop sends SIGTERM, on which tcpdump flushes and exits;
 * a tcpdump that does not is killed, and a JVM that exits first kills it too: no process is left behind.
 */
public final class CaptureSession implements RunningCapture {
    /** How long tcpdump may take to say it is listening. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    /** How long a stopped tcpdump may take to flush and exit before it is killed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 200;

    private final CaptureRequest request;
    private final Process process;
    private final Path partial;
    private final PcapReader.Counter counter;
    private final AtomicLong packets = new AtomicLong();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicBoolean timeUp = new AtomicBoolean();
    private final CompletableFuture<CaptureResult> outcome = new CompletableFuture<>();
    private final ScheduledExecutorService timer;
    private final Thread killOnExit;
    private final Thread errorReader;

    private CaptureSession(CaptureRequest request, Process process, Path partial, Thread errorReader) {
        this.request = request;
        this.process = process;
        this.partial = partial;
        this.errorReader = errorReader;
        this.counter = new PcapReader.Counter(partial);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "netlens-capture");
            t.setDaemon(true);
            return t;
        });
        this.killOnExit = new Thread(process::destroyForcibly, "netlens-capture-kill");
    }

    /** Starts {@code request} with this machine's tools; returns once tcpdump listens. */
    public static CaptureSession start(CaptureRequest request) throws CaptureException {
        return start(request, CaptureTools.system());
    }

    /**
     * Starts {@code request}; returns once tcpdump listens (so packets sent from then on are recorded).
     *
     * @throws CaptureException when a tool is missing, this process is not root, the filter is not valid,
     *     the namespace or the interface is gone, or the output cannot be written
     */
    public static CaptureSession start(CaptureRequest request, CaptureTools tools) throws CaptureException {
        tools.check();
        checkFilter(tools, request.filter());
        if (!Files.exists(Path.of(request.namespaceFile()))) {
            throw new CaptureException(CaptureException.Problem.NO_NAMESPACE, request.place());
        }
        Path output = request.output().toAbsolutePath();
        Path dir = output.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CaptureException(CaptureException.Problem.OUTPUT, "no folder " + dir);
        }
        if (Files.isDirectory(output)) {
            throw new CaptureException(CaptureException.Problem.OUTPUT, output + " is a folder");
        }
        Path partial = dir.resolve("." + output.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw new CaptureException(CaptureException.Problem.OUTPUT, e.getMessage());
        }
        ProcessBuilder builder = new ProcessBuilder(tools.argv(request, partial))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("LC_ALL", "C");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new CaptureException(CaptureException.Problem.FAILED, e.getMessage());
        }
        CountDownLatch listening = new CountDownLatch(1);
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> readErrors(process, lines, listening), "netlens-capture-stderr");
        reader.setDaemon(true);
        reader.start();
        CaptureSession session = new CaptureSession(request, process, partial, reader);
        session.began(listening, lines);
        return session;
    }

    /** Waits for tcpdump's "listening on"; then starts the count, the time limit and the end watch. */
    private void began(CountDownLatch listening, List<String> lines) throws CaptureException {
        Runtime.getRuntime().addShutdownHook(killOnExit);
        boolean heard;
        try {
            heard = listening.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            heard = false;
        }
        // The latch also opens when stderr ends: without "listening on", tcpdump (or nsenter) failed.
        if (!heard || !saidListening(lines)) {
            process.destroyForcibly();
            waitQuietly(process, Duration.ofSeconds(5));
            joinQuietly(errorReader);
            cleanUp();
            timer.shutdown();
            throw failure(lines, heard ? null : "tcpdump did not start listening within " + START_TIMEOUT.toSeconds() + " s");
        }
        timer.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (request.timeLimit() != null) {
            timer.schedule(() -> {
                timeUp.set(true);
                terminate();
            }, request.timeLimit().toMillis(), TimeUnit.MILLISECONDS);
        }
        process.onExit().thenRunAsync(() -> finish(lines), timer);
    }

    private static boolean saidListening(List<String> lines) {
        return lines.stream().anyMatch(l -> l.contains("listening on"));
    }

    private static void readErrors(Process process, List<String> lines, CountDownLatch listening) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                if (line.contains("listening on")) {
                    listening.countDown();
                }
            }
        } catch (IOException e) {
            // the process ended: what it said so far is all there is
        } finally {
            listening.countDown();
        }
    }

    private void poll() {
        try {
            packets.set(counter.count());
        } catch (IOException e) {
            // a damaged file shows at the end; the count just stays
        }
    }

    /** After tcpdump exited: the final count, then the file moved into place (or removed on failure). */
    private void finish(List<String> lines) {
        joinQuietly(errorReader);
        poll();
        try {
            int exit = process.exitValue();
            boolean ours = stopped.get() || timeUp.get();
            if (exit != 0 && !ours) {
                throw failure(lines, null);
            }
            if (!Files.exists(partial)) {
                throw failure(lines, "tcpdump wrote no file");
            }
            long count = PcapReader.countRecords(partial);
            packets.set(count);
            move(partial, request.output().toAbsolutePath());
            CaptureResult.Ending ending = stopped.get() ? CaptureResult.Ending.STOPPED
                    : timeUp.get() ? CaptureResult.Ending.TIME_LIMIT : CaptureResult.Ending.PACKET_LIMIT;
            outcome.complete(new CaptureResult(count, request.output(), ending));
        } catch (CaptureException e) {
            cleanUp();
            outcome.completeExceptionally(e);
        } catch (IOException | RuntimeException e) {
            cleanUp();
            outcome.completeExceptionally(new CaptureException(CaptureException.Problem.OUTPUT, String.valueOf(e.getMessage())));
        } finally {
            removeHook();
            timer.shutdown();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** What tcpdump or nsenter said, as one of the known problems. */
    private CaptureException failure(List<String> lines, String fallback) {
        return problemOf(lines, request, fallback);
    }

    static CaptureException problemOf(List<String> lines, CaptureRequest request, String fallback) {
        String said = lines.stream().filter(l -> !l.isBlank() && !l.startsWith("Warning:") && !l.contains("listening on")
                && !l.startsWith("tcpdump: data link type")).findFirst().orElse("").strip();
        if (said.contains("No such device")) {
            return new CaptureException(CaptureException.Problem.NO_INTERFACE, request.interfaceName());
        }
        if (said.startsWith("nsenter:") && (said.contains("No such file") || said.contains("Invalid argument"))) {
            return new CaptureException(CaptureException.Problem.NO_NAMESPACE, request.place());
        }
        if (said.contains("Operation not permitted") || said.contains("don't have permission")
                || said.contains("Permission denied") && said.startsWith("nsenter:")) {
            return new CaptureException(CaptureException.Problem.NOT_ROOT, "");
        }
        if (said.contains("can't parse filter expression") || said.contains("syntax error")) {
            return new CaptureException(CaptureException.Problem.BAD_FILTER, strip(said));
        }
        if (said.isEmpty()) {
            said = fallback == null ? "it ended without saying why" : fallback;
        }
        return new CaptureException(CaptureException.Problem.FAILED, strip(said));
    }

    private static String strip(String line) {
        String s = line.startsWith("tcpdump: ") ? line.substring("tcpdump: ".length()) : line;
        return s.startsWith("can't parse filter expression: ") ? s.substring("can't parse filter expression: ".length()) : s;
    }

    /** tcpdump -d: compiles the filter without opening an interface, so a typo fails before anything starts. */
    private static void checkFilter(CaptureTools tools, String filter) throws CaptureException {
        var argv = tools.filterCheck(filter);
        if (argv.isEmpty()) {
            return;
        }
        CommandResult result;
        try {
            result = new ProcessCommandRunner(Duration.ofSeconds(10)).run(argv.get());
        } catch (IOException e) {
            throw new CaptureException(CaptureException.Problem.FAILED, e.getMessage());
        }
        if (!result.ok()) {
            List<String> lines = result.stderr().lines().toList();
            CaptureException e = problemOf(lines, new CaptureRequest(null, "-", "-", "", 0, null, Path.of("-")), null);
            throw e.problem() == CaptureException.Problem.FAILED
                    ? new CaptureException(CaptureException.Problem.BAD_FILTER, e.detail()) : e;
        }
    }

    @Override
    public long packets() {
        return packets.get();
    }

    @Override
    public boolean finished() {
        return outcome.isDone();
    }

    @Override
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            terminate();
        }
    }

    /** SIGTERM (tcpdump flushes and exits), then SIGKILL after the grace time. */
    private void terminate() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            timer.schedule(() -> {
                if (process.isAlive()) {
                    process.destroyForcibly();
                }
            }, STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            process.destroyForcibly();
        }
    }

    @Override
    public CaptureResult await() throws CaptureException {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CaptureException c) {
                throw c;
            }
            throw new CaptureException(CaptureException.Problem.FAILED, String.valueOf(e.getCause().getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new CaptureException(CaptureException.Problem.FAILED, "interrupted");
        }
    }

    /** The process id of tcpdump (for tests that check nothing is left running). */
    public long pid() {
        return process.pid();
    }

    private void cleanUp() {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            // nothing more to do: the file name starts with a dot and says it is partial
        }
        removeHook();
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook runs anyway
        }
    }

    private static void waitQuietly(Process p, Duration d) {
        try {
            p.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
