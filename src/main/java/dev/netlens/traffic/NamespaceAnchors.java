package dev.netlens.traffic;

import dev.netlens.discovery.kernel.ProcessCommandRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One long-lived, idle process parked in each network namespace that holds no process of its own
 * (Docker's overlay, ingress and load-balancer namespaces), so that its counters are a read of
 * {@code /proc/ANCHOR/net/dev} each tick instead of a process started each tick.
 *
 * <p>An anchor is {@code nsenter --net=FILE cat} (an argument list, both found in the system folders
 * before PATH): nsenter enters the namespace and becomes {@code cat}, which waits on a pipe from
 * this process that is never written. It ends when
 * killed here (the namespace went away, sampling stopped, the window closed) and by itself when this
 * process ends however it ends, a kill -9 included: the kernel closes the pipe and cat reads its end.
 * An anchor holds its namespace open, so one whose namespace file is gone or names another
 * namespace is killed at the next tick ({@link #retainOnly}). Thread-safe.
 */
final class NamespaceAnchors implements AutoCloseable {
    /** After an anchor failed, how long its namespace is read through {@code ip} before another try. */
    static final long RETRY_NANOS = 60_000_000_000L;
    /** How long a started anchor may take to stand in its namespace before it counts as failed. */
    static final long SETTLE_NANOS = 10_000_000_000L;

    /** Starts a process from an argument list; the real one is {@link ProcessBuilder}. */
    @FunctionalInterface
    interface Launcher {
        Process start(List<String> argv) throws IOException;
    }

    private static final System.Logger LOG = System.getLogger(NamespaceAnchors.class.getName());

    private record Anchor(Process process, long startedAt) {
    }

    private final Launcher launcher;
    private final Path proc;
    private final LongSupplier clock;
    /** Namespace inode to its anchor. */
    private final Map<Long, Anchor> anchors = new HashMap<>();
    /** Namespace inode to when its anchor last failed. */
    private final Map<Long, Long> failedAt = new HashMap<>();
    private boolean closed;

    NamespaceAnchors(Path proc, LongSupplier clock) {
        this(NamespaceAnchors::launch, proc, clock);
    }

    NamespaceAnchors(Launcher launcher, Path proc, LongSupplier clock) {
        this.launcher = launcher;
        this.proc = proc;
        this.clock = clock;
    }

    /** The binaries are looked up as every kernel command's are: system folders before PATH. */
    private static final ProcessCommandRunner BINARIES = new ProcessCommandRunner(java.time.Duration.ofSeconds(5));

    static List<String> command(String namespaceFile) throws IOException {
        return List.of(binary("nsenter"), "--net=" + namespaceFile, binary("cat"));
    }

    private static String binary(String program) throws IOException {
        return BINARIES.binaryOf(program).map(Path::toString).orElseThrow(() -> new IOException(program + " is not installed"));
    }

    static Process launch(List<String> argv) throws IOException {
        return new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /**
     * The pid of the anchor standing in the namespace of inode {@code inode}, or empty when none
     * stands there: none was started, nsenter has not entered yet, or it failed (then it is let go
     * and tried again after {@link #RETRY_NANOS}).
     */
    synchronized OptionalLong standing(long inode) {
        Anchor a = anchors.get(inode);
        if (a == null) {
            return OptionalLong.empty();
        }
        Process p = a.process();
        if (p.isAlive() && Long.valueOf(inode).equals(CounterReader.inode(proc.resolve(p.pid() + "/ns/net")))) {
            return OptionalLong.of(p.pid());
        }
        long now = clock.getAsLong();
        if (!p.isAlive() || now - a.startedAt() >= SETTLE_NANOS) {
            LOG.log(System.Logger.Level.DEBUG, () -> "anchor " + p.pid() + " of namespace " + inode
                    + (p.isAlive() ? " did not enter it" : " ended (" + p.exitValue() + ")") + "; read through ip for a while");
            anchors.remove(inode);
            stop(p);
            failedAt.put(inode, now);
        }
        return OptionalLong.empty();
    }

    /**
     * Starts an anchor in the namespace {@code file} (of inode {@code inode}) unless one is there,
     * sampling is closed, or one failed there within {@link #RETRY_NANOS}. It stands from a later
     * tick on.
     */
    synchronized void start(String file, long inode) {
        long now = clock.getAsLong();
        Long failed = failedAt.get(inode);
        if (closed || anchors.containsKey(inode) || failed != null && now - failed < RETRY_NANOS) {
            return;
        }
        failedAt.remove(inode);
        try {
            anchors.put(inode, new Anchor(launcher.start(command(file)), now));
        } catch (IOException e) {
            failedAt.put(inode, now); // no nsenter or cat: the ip path says why
        }
    }

    /** Kills the anchors of namespaces not among {@code inodes} (gone, or no longer shown). */
    synchronized void retainOnly(Set<Long> inodes) {
        List<Long> gone = new ArrayList<>();
        for (Long inode : anchors.keySet()) {
            if (!inodes.contains(inode)) {
                gone.add(inode);
            }
        }
        for (Long inode : gone) {
            stop(anchors.remove(inode).process());
        }
        failedAt.keySet().retainAll(inodes);
    }

    /** The pids of the anchors standing now (tests, the benchmark). */
    synchronized List<Long> pids() {
        return anchors.values().stream().map(a -> a.process().pid()).toList();
    }

    /** Kills every anchor; later ticks start them again. */
    synchronized void release() {
        retainOnly(Set.of());
    }

    /** Kills every anchor for good. */
    @Override
    public synchronized void close() {
        closed = true;
        release();
    }

    /** Ends an anchor and reaps it, so that no process is left behind. */
    private static void stop(Process p) {
        try {
            p.getOutputStream().close(); // cat reads its end and leaves by itself
        } catch (IOException e) {
            // killed below anyway
        }
        p.destroy();
        try {
            if (!p.waitFor(1, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
