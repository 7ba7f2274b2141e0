package dev.netlens.discovery.kernel;

import dev.netlens.snapshot.FirewallCapture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Reads every network namespace of one engine with one {@code ip} each, entered by
 * {@code nsenter --net=FILE}: nsenter opens the file only for its own short life, so Netlens never
 * holds a namespace open (an open handle would keep a removed namespace alive). That one ip runs a
 * batch given on its input: {@code addr show} (interfaces) and {@code route show table main}, so the
 * routes cost no process of their own.
 */
public final class KernelReader {
    /** One ip for both reads; -d (for linkinfo) applies to the whole batch. */
    static final List<String> IP_BATCH = List.of("ip", "-j", "-d", "-batch", "-");
    static final String BATCH_INPUT = "addr show\nroute show table main\n";
    private final CommandRunner runner;
    private final ExecutorService pool;
    private final NamespaceLister lister;
    private final java.util.function.Supplier<String> bootId;
    private final Path procSys;

    /** A reader whose kernel settings come from the real /proc/sys when the engine shares our namespace. */
    public KernelReader(CommandRunner runner, NamespaceLister lister, ExecutorService pool, Path bootIdFile) {
        this(runner, lister, pool, bootIdFile, Path.of("/proc/sys"));
    }

    /** @param procSys this process's /proc/sys, read for the engine's settings when it shares our namespace */
    public KernelReader(CommandRunner runner, NamespaceLister lister, ExecutorService pool, Path bootIdFile, Path procSys) {
        this(runner, lister, pool, () -> readBootId(bootIdFile), procSys);
    }

    /**
     * A reader for a kernel seen through something else than this machine's files (the kernel helper):
     * {@code bootId} gives its boot id, and {@code procSys} is never read when engines do not share
     * our namespace.
     */
    public KernelReader(CommandRunner runner, NamespaceLister lister, ExecutorService pool,
            java.util.function.Supplier<String> bootId, Path procSys) {
        this.runner = runner;
        this.lister = lister;
        this.pool = pool;
        this.bootId = bootId;
        this.procSys = procSys;
    }

    /**
     * @param sandboxKeys namespace files the engine reported for its containers (their folders are
     *     read as well as the engine's own netns folder)
     * @throws KernelUnreadableException when not even the engine's own namespace can be read
     */
    public KernelFacts read(EngineProcess engine, Collection<String> sandboxKeys) throws KernelUnreadableException {
        return read(engine, sandboxKeys, NO_REUSE);
    }

    /**
     * As {@link #read(EngineProcess, Collection)}, but a namespace file for which {@code reuse} gives
     * an earlier dump is not entered again: that dump stands in for it, at the same place. The engine's
     * own namespace and the firewall are always read.
     */
    public KernelFacts read(EngineProcess engine, Collection<String> sandboxKeys, Function<Path, Earlier> reuse)
            throws KernelUnreadableException {
        Future<FirewallCapture> firewall = pool.submit(() -> new FirewallDumper(runner).read(engine));
        List<String> settingProblems = new java.util.concurrent.CopyOnWriteArrayList<>();
        Future<java.util.Map<String, String>> sysctls = pool.submit(() -> new SysctlReader(runner, procSys)
                .read(engine, settingProblems));
        List<String> problems = new ArrayList<>();
        // The sandboxes are entered while the engine's own namespace is read: they do not depend on it.
        List<Future<NamespaceDump>> pending = submitAll(namespaceFiles(engine.netnsDir(), sandboxKeys, problems), reuse);
        NamespaceDump host;
        try {
            host = readNamespace("host", engine.hostNamespace().toString(), engine.sharesOurNamespace());
        } catch (NamespaceReadException e) {
            firewall.cancel(true);
            sysctls.cancel(true);
            pending.forEach(f -> f.cancel(true));
            throw new KernelUnreadableException("kernel view unavailable: " + e.getMessage());
        }
        List<NamespaceDump> sandboxes = collect(pending, problems);
        try {
            java.util.Map<String, String> settings = sysctls.get();
            problems.addAll(settingProblems);
            return new KernelFacts(host, sandboxes, firewall.get(), problems, bootId.get(), settings);
        } catch (ExecutionException e) {
            throw new KernelUnreadableException("kernel view unavailable: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KernelUnreadableException("kernel view unavailable: interrupted");
        }
    }

    /**
     * Reads what an earlier read, started before the engine listed its containers, could not cover:
     * namespaces under other folders, and the sandboxes of running containers that came meanwhile.
     *
     * @param sandboxKeys the namespace files of running containers
     */
    public KernelFacts readAlso(KernelFacts facts, EngineProcess engine, Collection<String> sandboxKeys)
            throws KernelUnreadableException {
        return readAlso(facts, engine, sandboxKeys, NO_REUSE);
    }

    /** As {@link #readAlso(KernelFacts, EngineProcess, Collection)}, reusing earlier dumps as {@link #read} does. */
    public KernelFacts readAlso(KernelFacts facts, EngineProcess engine, Collection<String> sandboxKeys,
            Function<Path, Earlier> reuse) throws KernelUnreadableException {
        java.util.Set<String> done = new java.util.HashSet<>();
        facts.sandboxes().forEach(d -> done.add(d.path()));
        List<String> problems = new ArrayList<>(facts.problems());
        java.util.Set<Path> candidates = new java.util.TreeSet<>();
        // Folders other than the engine's own, listed now that the sandbox keys are known ...
        // (the engine's own folder was listed by the first read: not again, a process for the helper)
        namespaceFiles(engine.netnsDir(), false, sandboxKeys, new ArrayList<>()).stream()
                .filter(f -> !f.getParent().equals(engine.netnsDir())).forEach(candidates::add);
        // ... and sandboxes that appeared after the first listing (a container started meanwhile).
        sandboxKeys.stream().filter(k -> k != null && !k.isBlank() && !k.endsWith("/default")).map(Path::of)
                .forEach(candidates::add);
        List<Path> missing = candidates.stream().filter(f -> !done.contains(f.toString())
                && problems.stream().noneMatch(p -> p.contains(f.toString()) || p.contains(" " + f.getFileName() + " "))).toList();
        if (missing.isEmpty()) {
            return facts;
        }
        List<NamespaceDump> sandboxes = new ArrayList<>(facts.sandboxes());
        sandboxes.addAll(readAll(missing, problems, reuse));
        return facts.with(sandboxes, problems);
    }

    /**
     * Enters these namespace files again and puts their new dumps where the old ones stood (in
     * {@code facts.sandboxes()}); one that cannot be read any more is dropped and its reason added.
     */
    public KernelFacts reread(KernelFacts facts, Collection<Path> files) throws KernelUnreadableException {
        if (files.isEmpty()) {
            return facts;
        }
        List<String> problems = new ArrayList<>(facts.problems());
        java.util.Map<String, NamespaceDump> fresh = new java.util.HashMap<>();
        for (NamespaceDump dump : readAll(List.copyOf(files), problems, NO_REUSE)) {
            fresh.put(dump.path(), dump);
        }
        java.util.Set<String> wanted = new java.util.HashSet<>();
        files.forEach(f -> wanted.add(f.toString()));
        List<NamespaceDump> sandboxes = new ArrayList<>();
        for (NamespaceDump dump : facts.sandboxes()) {
            if (!wanted.contains(dump.path())) {
                sandboxes.add(dump);
            } else if (fresh.containsKey(dump.path())) {
                sandboxes.add(fresh.get(dump.path()));
            }
        }
        return facts.with(sandboxes, problems);
    }

    private static final Function<Path, Earlier> NO_REUSE = f -> null;

    /**
     * What an earlier pass found for a namespace file, to stand in for entering it again: its dump,
     * or the problem that made it skip the file.
     */
    public record Earlier(NamespaceDump dump, String problem) {
        public static Earlier of(NamespaceDump dump) {
            return new Earlier(dump, null);
        }

        public static Earlier skipped(String problem) {
            return new Earlier(null, problem);
        }
    }

    /** The problem noted for a namespace file that is no namespace any more (its bind mount is gone). */
    public static String staleProblem(String path) {
        return "stale namespace file " + path + " (Invalid argument): skipped";
    }

    private List<NamespaceDump> readAll(List<Path> files, List<String> problems, Function<Path, Earlier> reuse)
            throws KernelUnreadableException {
        return collect(submitAll(files, reuse), problems);
    }

    private List<Future<NamespaceDump>> submitAll(List<Path> files, Function<Path, Earlier> reuse) {
        List<Future<NamespaceDump>> pending = new ArrayList<>();
        List<Path> toRead = new ArrayList<>();
        List<java.util.concurrent.CompletableFuture<NamespaceDump>> toReadDumps = new ArrayList<>();
        for (Path file : files) {
            Earlier earlier = reuse.apply(file);
            if (earlier != null && earlier.dump() != null) {
                pending.add(java.util.concurrent.CompletableFuture.completedFuture(earlier.dump()));
            } else if (earlier != null) {
                pending.add(java.util.concurrent.CompletableFuture.failedFuture(new NamespaceReadException(earlier.problem())));
            } else if (runner.batches() > 0) {
                java.util.concurrent.CompletableFuture<NamespaceDump> dump = new java.util.concurrent.CompletableFuture<>();
                toRead.add(file);
                toReadDumps.add(dump);
                pending.add(dump);
            } else {
                pending.add(pool.submit(() -> readNamespace(file.getFileName().toString(), file.toString(), false)));
            }
        }
        submitBatches(toRead, toReadDumps);
        return pending;
    }

    /**
     * Namespaces read in a few batches (a runner whose every command is costly, the kernel helper's
     * exec): each batch one task of the pool, one {@link CommandRunner#runBatch} call.
     */
    private void submitBatches(List<Path> files, List<java.util.concurrent.CompletableFuture<NamespaceDump>> dumps) {
        if (files.isEmpty()) {
            return;
        }
        int batches = Math.min(files.size(), runner.batches());
        for (int b = 0; b < batches; b++) {
            List<Integer> mine = new ArrayList<>();
            for (int i = b; i < files.size(); i += batches) {
                mine.add(i);
            }
            Future<?> task = pool.submit(() -> {
                List<List<String>> argvs = mine.stream().map(i -> nsenter(files.get(i).toString(), IP_BATCH)).toList();
                List<CommandResult> results;
                try {
                    results = runner.runBatch(argvs, BATCH_INPUT);
                } catch (CommandNotFoundException e) {
                    for (int i : mine) {
                        dumps.get(i).completeExceptionally(new NamespaceReadException(e.program()
                                + " is not installed: cannot read namespace " + files.get(i).getFileName()));
                    }
                    return;
                } catch (IOException e) {
                    for (int i : mine) {
                        dumps.get(i).completeExceptionally(new NamespaceReadException("namespace "
                                + files.get(i).getFileName() + " could not be read: " + e.getMessage()));
                    }
                    return;
                }
                for (int k = 0; k < mine.size(); k++) {
                    Path file = files.get(mine.get(k));
                    try {
                        dumps.get(mine.get(k)).complete(dump(file.getFileName().toString(), file.toString(), results.get(k)));
                    } catch (NamespaceReadException e) {
                        dumps.get(mine.get(k)).completeExceptionally(e);
                    }
                }
            });
            // A cancelled pass cancels the batch's dumps too.
            for (int i : mine) {
                dumps.get(i).whenComplete((d, e) -> {
                    if (dumps.get(i).isCancelled()) {
                        task.cancel(true);
                    }
                });
            }
        }
    }

    private List<NamespaceDump> collect(List<Future<NamespaceDump>> pending, List<String> problems)
            throws KernelUnreadableException {
        List<NamespaceDump> dumps = new ArrayList<>();
        for (Future<NamespaceDump> future : pending) {
            try {
                dumps.add(future.get());
            } catch (ExecutionException e) {
                problems.add(e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KernelUnreadableException("kernel view unavailable: interrupted");
            }
        }
        return dumps;
    }

    private NamespaceDump readNamespace(String name, String path, boolean current) throws NamespaceReadException {
        List<String> argv = current ? IP_BATCH : nsenter(path, IP_BATCH);
        CommandResult result;
        try {
            result = runner.run(argv, BATCH_INPUT);
        } catch (CommandNotFoundException e) {
            throw new NamespaceReadException(e.program() + " is not installed: cannot read namespace " + name);
        } catch (IOException e) {
            throw new NamespaceReadException("namespace " + name + " could not be read: " + e.getMessage());
        }
        return dump(name, path, result);
    }

    /** One namespace's dump from what its ip printed, or why it could not be read. */
    private static NamespaceDump dump(String name, String path, CommandResult result) throws NamespaceReadException {
        if (!result.ok()) {
            String error = result.firstErrorLine();
            if (error.contains("Invalid argument")) {
                throw new NamespaceReadException(staleProblem(path));
            }
            if (error.contains("No such file")) {
                throw new NamespaceReadException("namespace " + name + " vanished during the scan: skipped");
            }
            throw new NamespaceReadException("namespace " + name + " could not be read: " + error);
        }
        try {
            // One JSON array per batch command: the interfaces, then the routes (absent from an ip
            // that printed only the first).
            List<com.fasterxml.jackson.databind.JsonNode> arrays = dev.netlens.json.JsonTree.parseAll(result.stdout());
            if (arrays.isEmpty()) {
                throw new IOException("ip printed no JSON array");
            }
            List<KernelRoute> routes = arrays.size() > 1 ? IpRouteParser.parse(arrays.get(1)) : null;
            return new NamespaceDump(name, path, IpAddrParser.parse(arrays.get(0)), routes);
        } catch (IOException e) {
            throw new NamespaceReadException("namespace " + name + ": unreadable ip output (" + e.getMessage() + ")");
        }
    }

    public static List<String> nsenter(String namespaceFile, List<String> command) {
        List<String> argv = new ArrayList<>();
        argv.add("nsenter");
        argv.add("--net=" + namespaceFile);
        argv.addAll(command);
        return argv;
    }

    private List<Path> namespaceFiles(Path netnsDir, Collection<String> sandboxKeys, List<String> problems) {
        return namespaceFiles(netnsDir, true, sandboxKeys, problems);
    }

    /** @param withOwn whether the engine's own namespace folder is listed too, or only the sandboxes' other folders */
    private List<Path> namespaceFiles(Path netnsDir, boolean withOwn, Collection<String> sandboxKeys, List<String> problems) {
        Set<Path> dirs = new TreeSet<>();
        dirs.add(netnsDir);
        for (String key : sandboxKeys) {
            if (key != null && !key.isBlank() && Path.of(key).getParent() != null) {
                dirs.add(Path.of(key).getParent());
            }
        }
        if (!withOwn) {
            dirs.remove(netnsDir);
        }
        Set<Path> files = new TreeSet<>();
        for (Path dir : dirs) {
            try {
                for (Path file : lister.list(dir)) {
                    // "default" is the engine's own namespace, bind-mounted for host-mode containers.
                    if (!file.getFileName().toString().equals("default")) {
                        files.add(file);
                    }
                }
            } catch (IOException e) {
                problems.add("cannot list namespace folder " + dir + ": " + e.getMessage());
            }
        }
        return new ArrayList<>(files);
    }

    private static String readBootId(Path bootIdFile) {
        try {
            return Files.readString(bootIdFile).strip();
        } catch (IOException e) {
            return null;
        }
    }

    /** One namespace could not be read; the message is user-facing. */
    static final class NamespaceReadException extends Exception {
        private static final long serialVersionUID = 1L;

        NamespaceReadException(String message) {
            super(message);
        }
    }
}
