package dev.netlens.discovery;

import dev.netlens.discovery.engine.EngineEndpoints;
import dev.netlens.discovery.engine.EngineApi;
import dev.netlens.discovery.engine.EngineApiException;
import dev.netlens.discovery.engine.EngineContainer;
import dev.netlens.discovery.engine.EngineFacts;
import dev.netlens.discovery.engine.EngineReader;
import dev.netlens.discovery.engine.EngineUnreachableException;
import dev.netlens.discovery.kernel.CommandRunner;
import dev.netlens.discovery.kernel.EngineProcess;
import dev.netlens.discovery.kernel.EngineProcessLocator;
import dev.netlens.discovery.kernel.KernelAccess;
import dev.netlens.discovery.kernel.KernelFacts;
import dev.netlens.discovery.kernel.KernelReader;
import dev.netlens.discovery.kernel.KernelUnreadableException;
import dev.netlens.discovery.kernel.NamespaceLister;
import dev.netlens.discovery.kernel.ProcessCommandRunner;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * One pass over one or more engines: their APIs, and the kernel where it is local and readable.
 * Degrades rather than fails: an engine whose kernel cannot be read gives an API-only host with
 * the reason; an engine that cannot be reached at all is reported as a failure beside the rest.
 */
public final class Discovery implements AutoCloseable {
    private final Function<String, EngineApi> connector;
    private final CommandRunner runner;
    private final NamespaceLister lister;
    private final Path proc;
    private final Clock clock;
    private final ExecutorService pool;
    private final java.util.Map<String, EngineProcess> engineProcesses = new java.util.concurrent.ConcurrentHashMap<>();
    /** Runs each engine's kernel read beside its API read; not the pool, whose tasks it waits on. */
    private final ExecutorService kernelStarter = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "netlens-kernel");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param proc the /proc to read engine processes, credentials and the boot id from
     */
    public Discovery(Function<String, EngineApi> connector, CommandRunner runner, NamespaceLister lister, Path proc,
            Clock clock) {
        this.connector = connector;
        this.runner = runner;
        this.lister = lister;
        this.proc = proc;
        this.clock = clock;
        this.pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "netlens-discovery");
            t.setDaemon(true);
            return t;
        });
    }

    /** Discovery against real engines and the real kernel. */
    public static Discovery local() {
        return new Discovery(host -> EngineEndpoints.connect(host, Duration.ofSeconds(10)),
                new ProcessCommandRunner(Duration.ofSeconds(10)), NamespaceLister.FILE_SYSTEM, Path.of("/proc"),
                Clock.systemUTC());
    }

    /** @param hosts engine URIs; empty means DOCKER_HOST, else the local socket */
    public DiscoveryResult discover(List<String> hosts) {
        List<String> targets = hosts.isEmpty() ? java.util.Collections.singletonList(null) : hosts;
        List<HostScan> scans = new ArrayList<>();
        List<EngineFailure> failures = new ArrayList<>();
        for (String host : targets) {
            try (EngineApi api = connector.apply(host)) {
                scans.add(scan(api));
            } catch (EngineApiException | EngineUnreachableException e) {
                failures.add(new EngineFailure(EngineEndpoints.resolve(host),
                        e.getMessage()));
            } catch (RuntimeException e) {
                // A malformed --host value, say: docker-java rejects it before any connection.
                failures.add(new EngineFailure(String.valueOf(host), "cannot use this engine address: " + e.getMessage()));
            }
        }
        return new DiscoveryResult(SnapshotAssembler.assemble(scans, clock.instant()), failures);
    }

    /**
     * A cheap summary of what the engines show: container ids and states, network ids, the
     * namespace files and the engine namespace's links. Two equal fingerprints mean a full pass
     * would very likely find nothing new; it costs two API calls and one {@code ip link} per engine
     * instead of one process per namespace. Unreachable engines give a fingerprint of their own.
     */
    public String fingerprint(List<String> hosts) {
        return fingerprint(hosts, true);
    }

    /**
     * The fingerprint of what the kernel shows alone: namespace files and the engine namespace's
     * links, no API call. For an engine whose event stream is connected, its containers and networks
     * cannot change without an event, so this is all the resync timer needs to look at.
     */
    public String kernelFingerprint(List<String> hosts) {
        return fingerprint(hosts, false);
    }

    private String fingerprint(List<String> hosts, boolean engineLists) {
        StringBuilder summary = new StringBuilder();
        for (String host : hosts) {
            // Sorted: the engine lists containers and networks in no stable order.
            java.util.SortedSet<String> lines = new java.util.TreeSet<>();
            try (EngineApi api = connector.apply(host)) {
                if (engineLists) {
                    for (var c : api.get("/containers/json?all=1")) {
                        lines.add("c " + c.path("Id").asText() + " " + c.path("State").asText());
                    }
                    for (var n : api.get("/networks")) {
                        lines.add("n " + n.path("Id").asText());
                    }
                }
                Optional<EngineProcess> process = localEngine(api.endpoint(), new ArrayList<>());
                if (process.isPresent()) {
                    EngineProcess p = process.get();
                    lister.list(p.netnsDir()).forEach(f -> lines.add("f " + f.getFileName()));
                    List<String> link = List.of("ip", "-j", "link", "show");
                    lines.add("l " + runner.run(p.sharesOurNamespace() ? link
                            : dev.netlens.discovery.kernel.KernelReader.nsenter(p.hostNamespace().toString(), link)).stdout());
                }
            } catch (EngineApiException | EngineUnreachableException | java.io.IOException | RuntimeException e) {
                lines.add("unreadable: " + e.getClass().getSimpleName());
            }
            summary.append(host).append('\n');
            lines.forEach(l -> summary.append(l).append('\n'));
        }
        return summary.toString();
    }

    HostScan scan(EngineApi api) throws EngineApiException, EngineUnreachableException {
        List<String> missing = new ArrayList<>();
        Optional<EngineProcess> process = localEngine(api.endpoint(), missing);
        // The kernel is read while the engine answers: the two take about as long as each other.
        CompletableFuture<KernelFacts> kernel = process
                .map(p -> CompletableFuture.supplyAsync(() -> readKernel(p, List.of()), kernelStarter))
                .orElse(CompletableFuture.completedFuture(null));
        EngineFacts engine;
        try {
            engine = new EngineReader(api, pool).read();
        } catch (EngineApiException | EngineUnreachableException e) {
            kernel.cancel(true);
            throw e;
        }
        KernelFacts facts = kernel.join();
        if (facts != null && facts.host() == null) {
            missing.add(facts.problems().get(0));
            facts = null;
        } else if (facts != null) {
            List<String> sandboxKeys = engine.containers().stream()
                    .filter(c -> "running".equals(c.state()) || "paused".equals(c.state()))
                    .map(EngineContainer::sandboxKey).toList();
            try {
                facts = kernelReader().readAlso(facts, process.get(), sandboxKeys);
            } catch (KernelUnreadableException e) {
                missing.add(e.getMessage());
                facts = null;
            }
        }
        return new HostScan(api.endpoint(), engine, facts, missing);
    }

    /** The engine's process when it is local and its kernel may be read; otherwise why not, in missing. */
    private Optional<EngineProcess> localEngine(String endpoint, List<String> missing) {
        URI uri = URI.create(endpoint);
        if (!"unix".equals(uri.getScheme())) {
            missing.add("kernel view unavailable: remote engine (" + endpoint + "); showing what its API reports");
            return Optional.empty();
        }
        Optional<String> denied = KernelAccess.deniedReason(proc.resolve("self/status"));
        if (denied.isPresent()) {
            missing.add(denied.get());
            return Optional.empty();
        }
        Optional<EngineProcess> process = locate(uri.getPath());
        if (process.isEmpty()) {
            missing.add("kernel view unavailable: no dockerd process on this machine serves " + uri.getPath());
        }
        return process;
    }

    /**
     * The engine process for a socket, remembered while that process lives: the live view asks at
     * every resync tick, and finding it means reading every process's command line in /proc.
     */
    private Optional<EngineProcess> locate(String socket) {
        EngineProcess known = engineProcesses.get(socket);
        if (known != null && stillDockerd(known.pid())) {
            return Optional.of(known);
        }
        Optional<EngineProcess> found = new EngineProcessLocator(proc).find(socket);
        found.ifPresentOrElse(p -> engineProcesses.put(socket, p), () -> engineProcesses.remove(socket));
        return found;
    }

    /** A pid can be reused once its engine stopped: check it still runs dockerd. */
    private boolean stillDockerd(long pid) {
        try {
            String argv0 = new String(java.nio.file.Files.readAllBytes(proc.resolve(pid + "/cmdline")),
                    java.nio.charset.StandardCharsets.UTF_8).split("\0")[0];
            return !argv0.isEmpty() && java.nio.file.Path.of(argv0).getFileName().toString().equals("dockerd");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /** The kernel's view, or facts without a host namespace whose one problem says why it failed. */
    private KernelFacts readKernel(EngineProcess process, List<String> sandboxKeys) {
        try {
            return kernelReader().read(process, sandboxKeys);
        } catch (KernelUnreadableException e) {
            return new KernelFacts(null, List.of(), null, List.of(e.getMessage()), null);
        }
    }

    private KernelReader kernelReader() {
        return new KernelReader(runner, lister, pool, proc.resolve("sys/kernel/random/boot_id"));
    }

    @Override
    public void close() {
        pool.shutdownNow();
        kernelStarter.shutdownNow();
    }
}
