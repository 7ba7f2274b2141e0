package dev.netlens.discovery;

import dev.netlens.discovery.engine.EngineEndpoints;
import dev.netlens.discovery.engine.EngineApi;
import dev.netlens.discovery.engine.EngineApiException;
import dev.netlens.discovery.engine.EngineContainer;
import dev.netlens.discovery.engine.EngineFacts;
import dev.netlens.discovery.engine.EngineReader;
import dev.netlens.discovery.engine.EngineUnreachableException;
import dev.netlens.discovery.helper.KernelOptions;
import dev.netlens.discovery.kernel.CommandRunner;
import dev.netlens.discovery.kernel.EngineProcess;
import dev.netlens.discovery.kernel.EngineProcessLocator;
import dev.netlens.discovery.kernel.KernelAccess;
import dev.netlens.discovery.kernel.KernelFacts;
import dev.netlens.discovery.kernel.KernelReader;
import dev.netlens.discovery.kernel.KernelUnreadableException;
import dev.netlens.discovery.kernel.NamespaceLister;
import dev.netlens.discovery.kernel.ProcessCommandRunner;
import dev.netlens.snapshot.NamespaceKind;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final KernelOptions kernelOptions;
    private final java.util.Map<String, EngineProcess> engineProcesses = new java.util.concurrent.ConcurrentHashMap<>();
    /** Engines the user allowed a helper container on, one by one (the window's button), by endpoint. */
    private final java.util.Set<String> helperAllowedOn = java.util.concurrent.ConcurrentHashMap.newKeySet();
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
        this(connector, runner, lister, proc, clock, KernelOptions.DEFAULT);
    }

    /** @param kernelOptions how kernels are read: locally, through a helper container, or not at all */
    public Discovery(Function<String, EngineApi> connector, CommandRunner runner, NamespaceLister lister, Path proc,
            Clock clock, KernelOptions kernelOptions) {
        this.kernelOptions = kernelOptions;
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

    /**
     * The engine's API client, or null with the failure added. Only here is a RuntimeException the
     * user's doing (a malformed --host value: docker-java rejects it before any connection).
     */
    private EngineApi connect(String host, List<EngineFailure> failures) {
        try {
            return connector.apply(host);
        } catch (RuntimeException e) {
            failures.add(new EngineFailure(String.valueOf(host), "cannot use this engine address: " + e.getMessage()));
        }
        return null;
    }

    /** A RuntimeException while reading an engine is a bug of ours (a parser's, say), not the engine's or the user's. */
    static EngineFailure internalError(String host, RuntimeException e) {
        return EngineFailure.internalError(host == null ? EngineEndpoints.resolve(null) : host, e);
    }

    /**
     * Allows a helper container on this one engine from now on, as {@code --kernel-helper} does for
     * all: the window's "Run a helper container on ENGINE", once the user said yes. Only under
     * {@code --kernel auto}: {@code local} and {@code none} were the user's choice of no helper.
     *
     * @param endpoint the engine's URI, as in {@code Host.endpoint()}
     * @return whether the next pass over it will use a helper
     */
    public boolean allowHelper(String endpoint) {
        if (kernelOptions.mode() != dev.netlens.discovery.helper.KernelMode.AUTO) {
            return kernelOptions.helperWanted();
        }
        helperAllowedOn.add(endpoint);
        return true;
    }

    /**
     * Whether a helper may be offered for this engine: the kernel mode leaves the choice to the user
     * ({@code auto}) and no helper is allowed on it yet.
     */
    public boolean helperOfferable(String endpoint) {
        return kernelOptions.mode() == dev.netlens.discovery.helper.KernelMode.AUTO && !helperWanted(endpoint);
    }

    /** Whether an engine whose kernel is not local gets a helper: allowed for all, or for this one. */
    private boolean helperWanted(String endpoint) {
        return kernelOptions.helperWanted()
                || kernelOptions.mode() == dev.netlens.discovery.helper.KernelMode.AUTO && helperAllowedOn.contains(endpoint);
    }

    /** Discovery against real engines and the real kernel. */
    public static Discovery local() {
        return local(KernelOptions.DEFAULT);
    }

    /** Discovery against real engines, reading kernels as the options say. */
    public static Discovery local(KernelOptions kernelOptions) {
        return local(kernelOptions, dev.netlens.discovery.engine.TlsFiles.NONE);
    }

    /** As {@link #local(KernelOptions)}, with TLS files for engines reached over TCP. */
    public static Discovery local(KernelOptions kernelOptions, dev.netlens.discovery.engine.TlsFiles tls) {
        return new Discovery(host -> EngineEndpoints.connect(host, Duration.ofSeconds(10), tls),
                new ProcessCommandRunner(Duration.ofSeconds(10)), NamespaceLister.FILE_SYSTEM, Path.of("/proc"),
                Clock.systemUTC(), kernelOptions);
    }

    /**
     * A full pass: every engine read in full. The same path as a live {@link #refresh}, without a
     * previous pass.
     *
     * @param hosts engine URIs; empty means DOCKER_HOST, else the local socket
     */
    public DiscoveryResult discover(List<String> hosts) {
        return discoverState(hosts).result();
    }

    /** A full pass, as {@link #discover}, keeping each engine's raw scan for a later {@link #refresh}. */
    public DiscoveryState discoverState(List<String> hosts) {
        return refresh(null, hosts, Map.of());
    }

    /**
     * A pass that reads again only what changed, where it can: an engine named in {@code changes}
     * whose last scan is in {@code previous} gets an incremental scan (see {@link #refreshHost});
     * every other engine a full one. The snapshot is assembled from all engines' scans as a full pass
     * assembles it, so it equals what {@link #discover} would give at that moment when the changes
     * name everything that changed.
     *
     * @param previous the last pass, or null
     * @param changes per engine (as named in {@code hosts}): what its events said changed; an engine
     *     not in this map is read in full
     */
    public DiscoveryState refresh(DiscoveryState previous, List<String> hosts, Map<String, EngineChanges> changes) {
        List<String> targets = hosts.isEmpty() ? java.util.Collections.singletonList(null) : hosts;
        List<HostScan> scans = new ArrayList<>();
        List<EngineFailure> failures = new ArrayList<>();
        Map<String, DiscoveryState.HostState> states = new java.util.LinkedHashMap<>();
        for (String host : targets) {
            String key = String.valueOf(host);
            DiscoveryState.HostState before = previous == null ? null : previous.hosts().get(key);
            EngineChanges change = changes.get(key);
            EngineApi connected = connect(host, failures);
            if (connected == null) {
                continue;
            }
            try (EngineApi api = connected) {
                DiscoveryState.HostState state;
                if (before != null && change != null && change.isEmpty()) {
                    state = before; // nothing happened on this engine
                } else if (before != null && change != null) {
                    state = refreshHost(api, before, change);
                } else {
                    state = scanInFull(api);
                }
                states.put(key, state);
                scans.add(state.scan());
            } catch (EngineApiException | EngineUnreachableException e) {
                failures.add(new EngineFailure(EngineEndpoints.resolve(host), e.getMessage()));
            } catch (RuntimeException e) {
                failures.add(internalError(host, e));
            }
        }
        DiscoveryResult result = new DiscoveryResult(SnapshotAssembler.assemble(scans, clock.instant()), failures);
        return new DiscoveryState(result, states);
    }

    /**
     * One engine read again from its last scan and what its events named:
     * <ul>
     *   <li>engine: both lists again; inspects only for what changed (see {@link EngineReader#readChanged});</li>
     *   <li>kernel: the engine's own namespace and the firewall always; a container's namespace file is
     *       entered again unless its owner is unchanged (no event, same inspect) and the file is the same
     *       namespace as before (same identity: a path reused by a new sandbox is another namespace);
     *       overlay, load-balancer and ingress namespaces are kept unless an overlay may have changed;
     *       a stale file keeps its verdict while it is the same file; anything else is entered.</li>
     * </ul>
     * An engine whose kernel could be read then and not now, or the reverse, is read in full.
     */
    DiscoveryState.HostState refreshHost(EngineApi api, DiscoveryState.HostState before, EngineChanges changes)
            throws EngineApiException, EngineUnreachableException {
        HostScan earlier = before.scan();
        List<String> missing = new ArrayList<>();
        Optional<EngineProcess> process = kernelProcess(api, missing);
        if (process.isEmpty() && helperWanted(api.endpoint())) {
            IdentityRecorder recorder = new IdentityRecorder(lister);
            return new DiscoveryState.HostState(scan(api, recorder), recorder.identities(), false);
        }
        KernelFacts oldKernel = earlier.kernel();
        if (process.isPresent() != (oldKernel != null) || !missing.equals(earlier.kernelMissing())) {
            return scanInFull(api);
        }
        Map<String, EngineContainer> oldById = new java.util.HashMap<>();
        Map<String, EngineContainer> ownerByFile = new java.util.HashMap<>();
        for (EngineContainer c : earlier.engine().containers()) {
            oldById.put(c.id(), c);
            if (sandboxed(c) && !c.sandboxKey().isBlank()
                    && !changes.containers().contains(c.id())) {
                ownerByFile.putIfAbsent(Path.of(c.sandboxKey()).getFileName().toString(), c);
            }
        }
        Map<String, dev.netlens.discovery.engine.EngineNetwork> oldNetworks = new java.util.HashMap<>();
        earlier.engine().networks().forEach(n -> oldNetworks.put(n.id(), n));
        // Overlay, load-balancer and ingress namespaces change with what joins an overlay: kept only when
        // no changed network is (or may be) an overlay and no changed container was on one.
        boolean overlayTouched = changes.networks().stream().anyMatch(id -> !oldNetworks.containsKey(id)
                || isOverlay(oldNetworks.get(id)))
                || changes.containers().stream().map(oldById::get).filter(java.util.Objects::nonNull)
                        .anyMatch(c -> onOverlay(c, oldNetworks));
        IdentityRecorder recorder = new IdentityRecorder(lister);
        NamespaceReuse reuse = new NamespaceReuse(recorder, before.identities(), oldKernel, ownerByFile, overlayTouched);
        CompletableFuture<KernelFacts> kernel = process
                .map(p -> CompletableFuture.supplyAsync(() -> readKernel(p, List.of(), recorder, reuse), kernelStarter))
                .orElse(CompletableFuture.completedFuture(null));
        EngineFacts engine = beside(kernel,
                () -> new EngineReader(api, pool).readChanged(earlier.engine(), changes.containers(), changes.networks()));
        KernelFacts facts = withHost(kernel.join(), missing);
        if (facts != null) {
            try {
                KernelReader reader = kernelReader(recorder);
                facts = reader.readAlso(facts, process.get(), sandboxKeys(engine), reuse);
                facts = reader.reread(facts, keptButChanged(reuse, engine, oldById));
            } catch (KernelUnreadableException e) {
                missing.add(e.getMessage());
                facts = null;
            }
        }
        return new DiscoveryState.HostState(new HostScan(api.endpoint(), engine, facts, missing), recorder.identities(), true);
    }

    /**
     * Kept dumps to read again after all: one kept for an owner the engine now shows otherwise (its
     * state changed with no event we saw, say), and the overlay namespaces when a container that
     * changed is on an overlay (joined with no event we saw for its network).
     */
    private static List<Path> keptButChanged(NamespaceReuse reuse, EngineFacts engine, Map<String, EngineContainer> oldById) {
        Map<String, EngineContainer> nowById = new java.util.HashMap<>();
        engine.containers().forEach(c -> nowById.put(c.id(), c));
        List<Path> again = new ArrayList<>();
        reuse.reusedForOwner().forEach((file, owner) -> {
            if (!owner.equals(nowById.get(owner.id()))) {
                again.add(Path.of(file));
            }
        });
        Map<String, dev.netlens.discovery.engine.EngineNetwork> nowNetworks = new java.util.HashMap<>();
        engine.networks().forEach(n -> nowNetworks.put(n.id(), n));
        boolean overlayNow = engine.containers().stream()
                .filter(c -> !c.equals(oldById.get(c.id()))).anyMatch(c -> onOverlay(c, nowNetworks));
        if (overlayNow) {
            reuse.reusedShared().forEach(f -> again.add(Path.of(f)));
        }
        return again;
    }

    /**
     * A cheap summary of what the engines show: container ids and states, network ids, the
     * namespace files and the engine namespace's links. Two equal fingerprints mean a full pass
     * would very likely find nothing new; it costs two API calls and one {@code ip link} per engine
     * instead of one process per namespace. Unreachable engines give a fingerprint of their own.
     * The live view's timer uses {@link #kernelFingerprint}; this one tells a test whether anything
     * at all changed on the engine while it looked.
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

    /** One engine read in full, noting each namespace file's identity for a later incremental pass. */
    private DiscoveryState.HostState scanInFull(EngineApi api) throws EngineApiException, EngineUnreachableException {
        IdentityRecorder recorder = new IdentityRecorder(lister);
        return new DiscoveryState.HostState(scan(api, recorder), recorder.identities(), false);
    }

    /** @param lister lists the namespace folders (one that notes each file's identity, say) */
    HostScan scan(EngineApi api, NamespaceLister lister) throws EngineApiException, EngineUnreachableException {
        List<String> missing = new ArrayList<>();
        Optional<EngineProcess> process = kernelProcess(api, missing);
        if (process.isEmpty() && helperWanted(api.endpoint())) {
            helperScans.incrementAndGet();
            try {
                return new HelperScan(kernelOptions, pool, kernelStarter, this::removeHelper).scan(api);
            } finally {
                helperScans.decrementAndGet(); // after its removal was handed over
            }
        }
        // The kernel is read while the engine answers: the two take about as long as each other.
        CompletableFuture<KernelFacts> kernel = process
                .map(p -> CompletableFuture.supplyAsync(() -> readKernel(p, List.of(), lister, f -> null), kernelStarter))
                .orElse(CompletableFuture.completedFuture(null));
        EngineFacts engine = beside(kernel, () -> new EngineReader(api, pool).read());
        KernelFacts facts = withHost(kernel.join(), missing);
        if (facts != null) {
            try {
                facts = kernelReader(lister).readAlso(facts, process.get(), sandboxKeys(engine));
            } catch (KernelUnreadableException e) {
                missing.add(e.getMessage());
                facts = null;
            }
        }
        return new HostScan(api.endpoint(), engine, facts, missing);
    }

    private static boolean isOverlay(dev.netlens.discovery.engine.EngineNetwork n) {
        return n == null || "overlay".equalsIgnoreCase(n.driver()) || "swarm".equals(n.scope());
    }

    private static boolean onOverlay(EngineContainer c, Map<String, dev.netlens.discovery.engine.EngineNetwork> networks) {
        return c.endpoints().stream().anyMatch(e -> {
            var n = networks.get(e.network());
            if (n == null) {
                n = networks.values().stream().filter(x -> x.name().equals(e.networkName())).findFirst().orElse(null);
            }
            return isOverlay(n);
        });
    }

    /** One read of an engine's API. */
    private interface EngineRead {
        EngineFacts read() throws EngineApiException, EngineUnreachableException;
    }

    /** Reads the engine while {@code kernel} is being read; an engine that fails cancels the kernel read. */
    private static EngineFacts beside(CompletableFuture<KernelFacts> kernel, EngineRead read)
            throws EngineApiException, EngineUnreachableException {
        try {
            return read.read();
        } catch (EngineApiException | EngineUnreachableException e) {
            kernel.cancel(true);
            throw e;
        }
    }

    /** The kernel's facts, or null (its reason added to missing) when not even the engine's namespace was read. */
    private static KernelFacts withHost(KernelFacts facts, List<String> missing) {
        if (facts != null && facts.host() == null) {
            missing.add(facts.problems().get(0));
            return null;
        }
        return facts;
    }

    /** The namespace files of the containers whose sandbox exists now. */
    private static List<String> sandboxKeys(EngineFacts engine) {
        return engine.containers().stream().filter(Discovery::sandboxed).map(EngineContainer::sandboxKey).toList();
    }

    /** A running or paused container has a network sandbox; a created or exited one has none. */
    private static boolean sandboxed(EngineContainer c) {
        return "running".equals(c.state()) || "paused".equals(c.state());
    }

    /**
     * The local engine process whose kernel this pass reads, as the kernel mode says: none for
     * {@code none} and {@code helper}; else the dockerd serving the socket, or failing that the local
     * dockerd that is this engine by its identity (behind a socket proxy, or reached over TCP).
     */
    private Optional<EngineProcess> kernelProcess(EngineApi api, List<String> missing) {
        switch (kernelOptions.mode()) {
            case NONE -> {
                missing.add("kernel view not read (--kernel none)");
                return Optional.empty();
            }
            case HELPER -> {
                return Optional.empty();
            }
            default -> {
                List<String> reasons = new ArrayList<>();
                Optional<EngineProcess> process = localEngine(api.endpoint(), reasons);
                if (process.isEmpty() && KernelAccess.deniedReason(proc.resolve("self/status")).isEmpty()) {
                    process = sameMachineEngine(api);
                }
                if (process.isEmpty() && !helperWanted(api.endpoint())) {
                    missing.addAll(reasons);
                }
                return process;
            }
        }
    }

    /** The local dockerd that is this engine by what /info says, remembered while it lives. */
    private Optional<EngineProcess> sameMachineEngine(EngineApi api) {
        String key = "identity " + api.endpoint();
        EngineProcess known = engineProcesses.get(key);
        if (known != null && stillDockerd(known.pid())) {
            return Optional.of(known);
        }
        Optional<EngineProcess> found;
        try {
            found = new EngineProcessLocator(proc).findByIdentity(api.get("/info"));
        } catch (EngineApiException | EngineUnreachableException | RuntimeException e) {
            found = Optional.empty();
        }
        found.ifPresentOrElse(p -> engineProcesses.put(key, p), () -> engineProcesses.remove(key));
        return found;
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

    /**
     * The firewall of one engine's host, read again now, with counters: the firewall panel's "Refresh
     * counters" (a few processes, not a pass). An engine whose kernel cannot be read gives a capture
     * that says why.
     *
     * @param endpoint the engine's URI, as in {@code Host.endpoint()}
     */
    public dev.netlens.snapshot.FirewallCapture readFirewall(String endpoint) {
        List<String> missing = new ArrayList<>();
        Optional<EngineProcess> process;
        try {
            process = localEngine(endpoint, missing);
        } catch (IllegalArgumentException e) {
            return dev.netlens.snapshot.FirewallCapture.unavailable("cannot use this engine address: " + endpoint);
        }
        if (process.isEmpty() && engineProcesses.containsKey("identity " + endpoint)) {
            // found by its identity in an earlier pass (behind a socket proxy, over TCP)
            process = Optional.of(engineProcesses.get("identity " + endpoint)).filter(p -> stillDockerd(p.pid()));
        }
        return process.map(p -> new dev.netlens.discovery.kernel.FirewallDumper(runner).read(p))
                .orElseGet(() -> dev.netlens.snapshot.FirewallCapture.unavailable(missing.get(0)));
    }

    /** The kernel's view, or facts without a host namespace whose one problem says why it failed. */
    private KernelFacts readKernel(EngineProcess process, List<String> sandboxKeys, NamespaceLister lister,
            java.util.function.Function<Path, KernelReader.Earlier> reuse) {
        try {
            return kernelReader(lister).read(process, sandboxKeys, reuse);
        } catch (KernelUnreadableException e) {
            return new KernelFacts(null, List.of(), null, List.of(e.getMessage()), null);
        }
    }

    private KernelReader kernelReader(NamespaceLister lister) {
        return new KernelReader(runner, lister, pool, proc.resolve("sys/kernel/random/boot_id"), proc.resolve("sys"));
    }

    /** Removals of helper containers under way: {@link #close} waits for them (nothing of ours is left running). */
    private final java.util.Set<CompletableFuture<Void>> helperRemovals = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Passes reading a kernel through a helper now: each hands its helper's removal over before it ends. */
    private final java.util.concurrent.atomic.AtomicInteger helperScans = new java.util.concurrent.atomic.AtomicInteger();

    /** Removes a helper beside the pass, over a connection of its own (the pass closes its one when it ends). */
    private void removeHelper(dev.netlens.discovery.helper.KernelHelper helper, String endpoint) {
        Runnable removal = () -> {
            try (EngineApi fresh = connector.apply(endpoint)) {
                helper.removeWith(fresh);
            } catch (RuntimeException e) {
                // the engine went away: removed at the next start, by its label
            }
        };
        CompletableFuture<Void> done;
        try {
            done = CompletableFuture.runAsync(removal, kernelStarter);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            removal.run(); // closing: removed here and now
            return;
        }
        helperRemovals.add(done);
        done.whenComplete((v, e) -> helperRemovals.remove(done));
    }

    /**
     * Waits (at most 30 s) until no pass is reading through a helper and every helper container of
     * earlier passes is removed; one still there then is removed at the next start, by its label.
     */
    public void awaitHelperRemovals() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (helperScans.get() == 0 && helperRemovals.isEmpty()) {
                return;
            }
            try {
                CompletableFuture.allOf(helperRemovals.toArray(CompletableFuture[]::new)).get(50, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // not yet, or failed (its removal already said why): look again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Stops: a pass under way ends soon (its reads are refused), its helper and those of earlier
     * passes are removed first, then the threads stop.
     */
    @Override
    public void close() {
        pool.shutdownNow();
        awaitHelperRemovals();
        kernelStarter.shutdownNow();
    }
}
