package dev.netlens.traffic;

import dev.netlens.discovery.kernel.CommandNotFoundException;
import dev.netlens.discovery.kernel.CommandResult;
import dev.netlens.discovery.kernel.CommandRunner;
import dev.netlens.discovery.kernel.KernelAccess;
import dev.netlens.discovery.kernel.KernelReader;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.NetNamespace;
import dev.netlens.snapshot.TopologySnapshot;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads every interface's counters of the namespaces a snapshot names, as cheaply as the kernel
 * allows: where a process lives in the namespace, its {@code /proc/PID/net/dev} (a file read, no
 * process started). A namespace that holds no process (overlay, ingress and load-balancer ones) gets
 * an idle anchor process of ours ({@link NamespaceAnchors}) and is read the same way from the next
 * tick on; until then, or where no anchor can stand, one {@code nsenter --net=FILE ip -s -j link show},
 * an argument list as discovery's. So a steady tick starts no process. Which process lives where
 * comes from one walk over every {@code /proc/PID/ns/net}, made again only when a namespace is
 * missing from it, at most every {@link #RESCAN_NANOS}. Not thread-safe: one sampler thread reads;
 * {@link #release()} and {@link #close()} may come from any thread.
 */
public final class CounterReader implements CounterSource {
    static final List<String> IP_LINK_STATS = List.of("ip", "-s", "-j", "link", "show");
    /** How long a walk over /proc stands before a namespace missing from it makes another one. */
    static final long RESCAN_NANOS = 10_000_000_000L;
    private final CommandRunner runner;
    private final Path proc;
    private final java.util.function.LongSupplier clock;
    /** Namespace inode to a process living in it. */
    private Map<Long, Long> pidOf = Map.of();
    private long scannedAt;
    private boolean scanned;
    /** Null: process-less namespaces are read through ip every tick (the benchmark's "before"). */
    private final NamespaceAnchors anchors;

    public CounterReader(CommandRunner runner, Path proc) {
        this(runner, proc, System::nanoTime, true);
    }

    /** A reader that never starts anchors: every process-less namespace costs one ip each tick. */
    public static CounterReader withoutAnchors(CommandRunner runner, Path proc) {
        return new CounterReader(runner, proc, System::nanoTime, false);
    }

    CounterReader(CommandRunner runner, Path proc, java.util.function.LongSupplier clock, boolean anchored) {
        this(runner, proc, clock, anchored ? new NamespaceAnchors(proc, clock) : null);
    }

    CounterReader(CommandRunner runner, Path proc, java.util.function.LongSupplier clock, NamespaceAnchors anchors) {
        this.runner = runner;
        this.proc = proc;
        this.clock = clock;
        this.anchors = anchors;
    }

    /** The anchor processes standing now. */
    public List<Long> anchorPids() {
        return anchors == null ? List.of() : anchors.pids();
    }

    /** Sampling stopped: the anchors are killed (the next read starts them again). */
    @Override
    public void release() {
        if (anchors != null) {
            anchors.release();
        }
    }

    /** Kills the anchors for good. */
    @Override
    public void close() {
        if (anchors != null) {
            anchors.close();
        }
    }

    @Override
    public CounterRead read(TopologySnapshot snapshot) {
        Map<String, CounterSample> samples = new HashMap<>();
        Map<String, String> unavailable = new HashMap<>();
        List<String> problems = new ArrayList<>();
        Optional<String> denied = KernelAccess.deniedReason(proc.resolve("self/status"));
        Map<String, Host> readable = new HashMap<>();
        for (Host h : snapshot.hosts()) {
            String why = whyUnreadable(h, denied);
            if (why != null) {
                unavailable.put(h.id(), why);
            } else {
                readable.put(h.id(), h);
            }
        }
        boolean rescanned = false;
        Set<Long> present = new HashSet<>();
        for (NetNamespace ns : snapshot.namespaces()) {
            if (!readable.containsKey(ns.host()) || ns.path() == null) {
                continue;
            }
            Long inode = inode(Path.of(ns.path()));
            if (inode == null) {
                continue; // gone since the snapshot: the next snapshot drops it
            }
            present.add(inode);
            Long pid = pidOf.get(inode);
            if (pid != null && !inode.equals(inode(proc.resolve(pid + "/ns/net")))) {
                pid = null; // that process ended or moved
            }
            if (pid == null && anchors != null) {
                pid = anchored(inode);
            }
            if (pid == null && !rescanned && (!scanned || clock.getAsLong() - scannedAt >= RESCAN_NANOS)) {
                scanProcesses();
                rescanned = true;
                pid = pidOf.get(inode);
            }
            if (pid == null && anchors != null) {
                anchors.start(ns.path(), inode); // it stands from a later tick on
            }
            try {
                List<CounterSample> read = pid != null ? fromProc(pid, inode) : null;
                if (read == null) {
                    read = fromIp(ns);
                }
                for (CounterSample s : read) {
                    samples.put(ns.id() + "/" + s.name(), s);
                }
            } catch (IOException e) {
                problems.add("counters of namespace " + ns.name() + " could not be read: " + e.getMessage());
            }
        }
        if (anchors != null) {
            anchors.retainOnly(present); // a namespace gone or no longer shown is let go
        }
        return new CounterRead(samples, unavailable, problems);
    }

    /** The pid of the anchor standing in the namespace, or null when none stands there (yet). */
    private Long anchored(long inode) {
        java.util.OptionalLong pid = anchors.standing(inode);
        return pid.isPresent() ? pid.getAsLong() : null;
    }

    /** Why a host's counters cannot be read here, or null when they can. */
    static String whyUnreadable(Host h, Optional<String> denied) {
        String endpoint = h.endpoint() == null ? "" : h.endpoint();
        if (!endpoint.startsWith("unix://") && !endpoint.startsWith("/")) {
            return "rates unavailable: remote engine (interface counters are read from this machine's kernel)";
        }
        if (denied.isPresent()) {
            return "rates unavailable: " + denied.get().replaceFirst("^kernel view unavailable: ", "");
        }
        if (!h.kernelView()) {
            return h.missing().isEmpty() ? "rates unavailable: no kernel view of this host"
                    : "rates unavailable: " + h.missing().get(0);
        }
        return null;
    }

    /** /proc/PID/net/dev, or null when the process left the namespace meanwhile. */
    private List<CounterSample> fromProc(long pid, long inode) throws IOException {
        String text;
        try {
            text = Files.readString(proc.resolve(pid + "/net/dev"));
        } catch (IOException e) {
            return null; // the process ended
        }
        long at = clock.getAsLong();
        // Read, then checked: a pid reused between the two would give another namespace's counters.
        if (!Long.valueOf(inode).equals(inode(proc.resolve(pid + "/ns/net")))) {
            return null;
        }
        return CounterParser.procNetDev(text, at);
    }

    private List<CounterSample> fromIp(NetNamespace ns) throws IOException {
        CommandResult result;
        try {
            result = runner.run(KernelReader.nsenter(ns.path(), IP_LINK_STATS));
        } catch (CommandNotFoundException e) {
            throw new IOException(e.program() + " is not installed");
        }
        long at = clock.getAsLong();
        if (!result.ok()) {
            throw new IOException(result.firstErrorLine());
        }
        return CounterParser.ipLinkJson(result.stdout(), at);
    }

    /** Which process lives in which network namespace: one pass over every /proc/PID/ns/net. */
    private void scanProcesses() {
        Map<Long, Long> found = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, p -> isPid(p.getFileName().toString()))) {
            for (Path dir : dirs) {
                Long inode = inode(dir.resolve("ns/net"));
                if (inode != null) {
                    found.putIfAbsent(inode, Long.parseLong(dir.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            // no /proc to read: every namespace goes through ip
        }
        pidOf = found;
        scannedAt = clock.getAsLong();
        scanned = true;
    }

    private static boolean isPid(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The inode of the namespace a file names (a bind-mounted namespace, or /proc/PID/ns/net), or null. */
    static Long inode(Path file) {
        try {
            Object ino = Files.readAttributes(file, "unix:ino").get("ino");
            return ino instanceof Number n ? n.longValue() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
