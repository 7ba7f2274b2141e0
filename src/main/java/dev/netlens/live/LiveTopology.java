package dev.netlens.live;

import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.DiscoveryResult;
import dev.netlens.discovery.DiscoveryState;
import dev.netlens.discovery.EngineChanges;
import dev.netlens.discovery.EngineFailure;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.TopologySnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Keeps a topology live: one event stream per engine, a rediscovery shortly after each event and
 * on a resync timer (kernel-only changes raise no event), and reconnection with back-off when an
 * engine goes away, its last picture kept and marked stale meanwhile. Every update is an
 * immutable {@link LiveUpdate} handed to the listener on this class's own refresh thread; viewers
 * move it to their UI thread themselves.
 *
 * <p>Order matters, as the engine's clients learned: subscribe first, then list, so nothing created
 * in between is missed; the event listener only queues; a stream that ends normally means the
 * connection is gone; after every reconnect, resync in full.
 */
public final class LiveTopology implements AutoCloseable {
    /**
     * Events this close together make one pass. Short: a burst is also merged by the refresh thread
     * itself (events that come during a pass all go to the next one), and the pass is incremental.
     */
    static final Duration DEBOUNCE = Duration.ofMillis(5);
    /**
     * How long a container's {@code create} (and the connects that follow it) may wait for its
     * {@code start}: {@code docker run} raises both within a few hundred ms, and a pass for the
     * created state alone would make the start's pass (and its frame) queue behind it.
     */
    static final Duration CREATE_GRACE = Duration.ofMillis(800);
    private static final boolean DEBUG = Boolean.getBoolean("netlens.live.debug");
    /** After an incremental pass, when the timer's fingerprint is taken (off the path to the picture). */
    static final Duration FINGERPRINT_DELAY = Duration.ofMillis(250);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofSeconds(30);
    /**
     * A full pass at least this often, even when the cheap fingerprint says nothing changed: for a
     * change inside a namespace that raised no event (made with nsenter from the host, say; one made
     * by {@code docker exec} raises exec events, which re-read that container's namespace). Each such
     * pass costs about 0.7 s of CPU at 200 containers: once a minute it was half the idle window's CPU.
     */
    public static final Duration FULL_RESYNC = Duration.ofMinutes(5);

    private final List<String> endpoints;
    private final Discovery discovery;
    private final EngineEvents events;
    private final Consumer<LiveUpdate> listener;
    private final Duration resyncPeriod;
    private final Clock clock;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "netlens-refresh"));
    private final List<Thread> watchers = new ArrayList<>();
    /** The queued pass and when it is due (System.nanoTime); guarded by {@code this}. */
    private java.util.concurrent.ScheduledFuture<?> queued;
    private long queuedDue;
    /** Containers created and not yet started, with when: their events may wait for the start. */
    private final Map<String, Long> created = new ConcurrentHashMap<>();
    /** Counts passes, so that a deferred fingerprint knows whether another pass came since. */
    private final java.util.concurrent.atomic.AtomicLong passes = new java.util.concurrent.atomic.AtomicLong();
    /** An incremental pass came after the last fingerprint: the timer's baseline is yet to be taken. */
    private volatile boolean baselinePending;
    /** Takes the baseline fingerprint after an incremental pass, beside the refresh thread, not in its way. */
    private final ScheduledExecutorService fingerprinter = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "netlens-fingerprint"));
    /** When the last engine event came (System.nanoTime), to keep the periodic full pass off a busy moment. */
    private volatile long lastEvent = System.nanoTime() - 60_000_000_000L; // none yet
    /** The periodic full pass may wait this long past its time for a tick with no event in the last second. */
    static final Duration FULL_RESYNC_SLACK = Duration.ofSeconds(60);
    private final Set<String> disconnected = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> lastRefreshed = new ConcurrentHashMap<>();
    private volatile boolean running;
    // Touched only on the refresh thread.
    private TopologySnapshot current;
    private List<EngineFailure> failures = List.of();
    private final Map<String, String> hostIdByEndpoint = new HashMap<>();
    private volatile String lastFingerprint;
    private Instant lastFullPass;
    private DiscoveryState state;
    /** Per engine, what its events named since the last pass began; touched under its own lock. */
    private final Map<String, PendingChanges> pending = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong fullScans = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong incrementalScans = new java.util.concurrent.atomic.AtomicLong();

    /**
     * @param endpoints engine URIs to watch (resolved ones: DOCKER_HOST already applied)
     * @param resyncPeriod how often to rediscover even without events
     */
    public LiveTopology(List<String> endpoints, Discovery discovery, EngineEvents events, Duration resyncPeriod,
            Clock clock, Consumer<LiveUpdate> listener) {
        this.endpoints = List.copyOf(endpoints);
        this.discovery = discovery;
        this.events = events;
        this.resyncPeriod = resyncPeriod;
        this.clock = clock;
        this.listener = listener;
    }

    public void start() {
        running = true;
        for (String endpoint : endpoints) {
            disconnected.add(endpoint);
            Thread watcher = daemon(() -> watch(endpoint), "netlens-events");
            watchers.add(watcher);
            watcher.start();
        }
        refresher.scheduleWithFixedDelay(this::resync, resyncPeriod.toMillis(), resyncPeriod.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asks for a full rediscovery soon; many requests within the debounce time make one. */
    public void requestRefresh() {
        endpoints.forEach(this::requestFull);
        scheduleRefresh();
    }

    /** A pass soon, reading again what the events noted so far; many requests within the debounce time make one. */
    private void scheduleRefresh() {
        scheduleRefresh(DEBOUNCE);
    }

    /** A pass within {@code delay}: an earlier queued one stands, a later one is brought forward. */
    private synchronized void scheduleRefresh(Duration delay) {
        if (!running) {
            return;
        }
        long due = System.nanoTime() + delay.toNanos();
        if (queued != null) {
            if (queuedDue <= due || !queued.cancel(false)) {
                return; // due soon enough; or running now, which clears queued first, so it cannot be
            }
        }
        queuedDue = due;
        try {
            queued = refresher.schedule(this::refresh, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            queued = null; // closed meanwhile
        }
    }

    private synchronized void dequeue() {
        queued = null;
    }

    private synchronized boolean isQueued() {
        return queued != null;
    }

    /**
     * The delay for an event's pass: the debounce, unless it concerns a container created and not yet
     * started within {@link #CREATE_GRACE}, whose start will very likely follow (then until the grace ends).
     */
    private Duration delayFor(JsonNode event) {
        long now = System.nanoTime();
        created.values().removeIf(t -> now - t > CREATE_GRACE.toNanos());
        String type = event.path("Type").asText("");
        String action = event.path("Action").asText("");
        JsonNode actor = event.path("Actor");
        String container = type.equals("container") ? actor.path("ID").asText("")
                : actor.path("Attributes").path("container").asText("");
        if (type.equals("container") && action.equals("create") && !container.isEmpty()) {
            created.put(container, now);
        } else if (type.equals("container") && !action.equals("start") && created.containsKey(container)
                || type.equals("network") && action.equals("connect") && created.containsKey(container)) {
            // a connect or another step of the same docker run: it waits with the create
        } else {
            created.remove(container);
            return DEBOUNCE;
        }
        Long createdAt = created.get(container);
        if (createdAt == null) {
            return DEBOUNCE; // forgotten meanwhile (its grace is over)
        }
        long left = CREATE_GRACE.toNanos() - (now - createdAt);
        return Duration.ofNanos(Math.max(DEBOUNCE.toNanos(), left));
    }

    /**
     * The timer's pass: a full rediscovery only when the cheap fingerprint changed (a kernel-only
     * change the engine raised no event for) or the last full pass is FULL_RESYNC old. Runs on the
     * refresh thread, like every pass.
     */
    private void resync() {
        if (!running) {
            return;
        }
        List<String> reachable = endpoints.stream().filter(e -> !disconnected.contains(e)).toList();
        Instant now = clock.instant();
        boolean due = lastFullPass == null || !now.isBefore(lastFullPass.plus(FULL_RESYNC));
        boolean busy = System.nanoTime() - lastEvent < 1_000_000_000L || isQueued();
        if (busy && lastFullPass != null && now.isBefore(lastFullPass.plus(FULL_RESYNC).plus(FULL_RESYNC_SLACK))) {
            // Events are coming, their pass may not have run yet: the fingerprint would differ for
            // them, and a full pass now would make them wait. A quieter tick compares (and does the
            // periodic full pass, a little late).
            return;
        }
        if (!due && baselinePending && !reachable.isEmpty()) {
            // An incremental pass came since the last fingerprint: take it now as the baseline instead
            // of comparing with one older than the picture.
            baselinePending = false;
            lastFingerprint = discovery.kernelFingerprint(reachable);
            return;
        }
        if (!due && !reachable.isEmpty() && discovery.kernelFingerprint(reachable).equals(lastFingerprint)) {
            return;
        }
        if (DEBUG) {
            System.err.println("live: timer asks for a full pass (" + (due ? "periodic" : "fingerprint changed") + ")");
        }
        endpoints.forEach(this::requestFull);
        scheduleRefresh();
    }

    private void watch(String endpoint) {
        Duration retry = FIRST_RETRY;
        while (running) {
            AtomicBoolean connected = new AtomicBoolean();
            try {
                events.stream(endpoint, () -> {
                    connected.set(true);
                    disconnected.remove(endpoint);
                    // Subscribed first: now list everything, in full. The other engines too: an engine
                    // coming back changes their overlay networks' peers and tasks, with no event of theirs.
                    endpoints.forEach(this::requestFull);
                    scheduleRefresh();
                }, event -> {
                    lastEvent = System.nanoTime();
                    note(endpoint, event);
                    scheduleRefresh(delayFor(event));
                });
            } catch (Exception e) {
                // Same as a normal end: the connection is gone. The reason reaches the user via discovery.
            } catch (Error e) {
                if (!running) {
                    return;
                }
                throw e;
            }
            if (!running) {
                return;
            }
            disconnected.add(endpoint);
            refresher.execute(this::publishStale);
            retry = connected.get() ? FIRST_RETRY : retry;
            sleep(retry);
            retry = retry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retry.multipliedBy(2);
        }
    }

    /** The next pass reads this engine in full. */
    private void requestFull(String endpoint) {
        pending.computeIfAbsent(endpoint, e -> new PendingChanges()).requestFull();
    }

    private void note(String endpoint, JsonNode event) {
        note(pending, endpoints, endpoint, event);
    }

    /**
     * Notes an event of {@code endpoint} for the next pass. An overlay network is one object that every
     * engine on it reports: a container joining or leaving it on one engine changes its peers and tasks
     * as the others see them, and they raise no event for it. They read that network again too.
     */
    static void note(Map<String, PendingChanges> pending, List<String> endpoints, String endpoint, JsonNode event) {
        pending.computeIfAbsent(endpoint, e -> new PendingChanges()).add(event);
        JsonNode actor = event.path("Actor");
        if ("network".equals(event.path("Type").asText()) && "overlay".equals(actor.path("Attributes").path("type").asText())) {
            String network = actor.path("ID").asText("");
            if (!network.isEmpty()) {
                endpoints.stream().filter(e -> !e.equals(endpoint))
                        .forEach(e -> pending.computeIfAbsent(e, k -> new PendingChanges()).addNetwork(network));
            }
        }
    }

    /** Full and incremental engine scans so far (for tests and benchmarks). */
    long[] scanCounts() {
        return new long[] {fullScans.get(), incrementalScans.get()};
    }

    /** Marks a vanished engine's host stale at once, without waiting for a rediscovery. */
    private void publishStale() {
        if (current != null) {
            listener.accept(update());
        }
    }

    private void refresh() {
        dequeue();
        if (!running) {
            return;
        }
        List<String> reachable = endpoints.stream().filter(e -> !disconnected.contains(e)).toList();
        if (reachable.isEmpty()) {
            // Never discover an empty list: to Discovery that means "the default engine", not none.
            failures = endpoints.stream()
                    .map(e -> new EngineFailure(e, "engine " + e + " does not answer; reconnecting")).toList();
            if (current == null) {
                current = new TopologySnapshot(TopologySnapshot.SCHEMA, clock.instant().toString(), "live",
                        List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
            }
            listener.accept(update());
            return;
        }
        // What the events named since the last pass: taken now, so that events during this pass
        // count for the next one. An engine with no earlier scan, or asking for one, is read in full.
        Map<String, EngineChanges> changes = new HashMap<>();
        for (String endpoint : reachable) {
            PendingChanges p = pending.get(endpoint);
            EngineChanges change = p == null ? EngineChanges.NONE : p.take();
            if (change != null && state != null && state.hosts().containsKey(endpoint)) {
                changes.put(endpoint, change);
            }
        }
        boolean allFull = changes.isEmpty();
        if (!changes.isEmpty() && changes.size() == reachable.size()
                && changes.values().stream().allMatch(EngineChanges::isEmpty)) {
            return; // a request with nothing behind it (its events were taken by the pass before)
        }
        long pass = passes.incrementAndGet(); // voids a deferred fingerprint of an earlier pass
        if (changes.size() < reachable.size()) {
            // Fingerprint first: whatever changes during the pass shows up as a difference next time.
            lastFingerprint = discovery.kernelFingerprint(reachable);
        }
        long t0 = System.nanoTime();
        state = discovery.refresh(state, reachable, changes);
        if (DEBUG) {
            System.err.printf("live: %s pass %.1f ms at %d (%s)%n", allFull ? "full" : "incremental",
                    (System.nanoTime() - t0) / 1e6, System.currentTimeMillis() % 100000, changes.values());
        }
        DiscoveryResult result = state.result();
        for (var entry : state.hosts().entrySet()) {
            if (reachable.contains(entry.getKey()) && !changes.containsKey(entry.getKey())) {
                fullScans.incrementAndGet();
            } else if (entry.getValue().incremental() && changes.containsKey(entry.getKey())
                    && !changes.get(entry.getKey()).isEmpty()) {
                incrementalScans.incrementAndGet();
            }
        }
        Instant now = clock.instant();
        if (allFull) {
            lastFullPass = now;
        }
        for (Host host : result.snapshot().hosts()) {
            hostIdByEndpoint.put(host.endpoint(), host.id());
            lastRefreshed.put(host.endpoint(), now);
        }
        List<EngineFailure> failed = new ArrayList<>(result.failures());
        for (String endpoint : endpoints) {
            if (disconnected.contains(endpoint) && failed.stream().noneMatch(f -> f.endpoint().equals(endpoint))) {
                failed.add(new EngineFailure(endpoint, "engine " + endpoint + " does not answer; reconnecting"));
            }
        }
        failures = failed;
        current = StaleHostMerge.keep(result.snapshot(), current, staleHostIds());
        baselinePending = !allFull;
        listener.accept(update());
        if (!allFull) {
            // Shortly after the update, beside the refresh thread (and unless another pass came
            // meanwhile): the engines as this pass left them, for the timer to compare with. A
            // kernel-only change in between waits for the periodic full pass.
            try {
                fingerprinter.schedule(() -> {
                    if (!running || passes.get() != pass) {
                        return;
                    }
                    long f0 = System.nanoTime();
                    String fingerprint = discovery.kernelFingerprint(reachable);
                    if (passes.get() == pass) {
                        lastFingerprint = fingerprint;
                        baselinePending = false;
                    }
                    if (DEBUG) {
                        System.err.printf("live: fingerprint %.1f ms at %d%n", (System.nanoTime() - f0) / 1e6,
                                System.currentTimeMillis() % 100000);
                    }
                }, FINGERPRINT_DELAY.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closed meanwhile
            }
        }
    }

    private Set<String> staleHostIds() {
        Set<String> stale = new HashSet<>();
        for (String endpoint : endpoints) {
            boolean failed = disconnected.contains(endpoint) || failures.stream().anyMatch(f -> f.endpoint().equals(endpoint));
            if (failed && hostIdByEndpoint.containsKey(endpoint)) {
                stale.add(hostIdByEndpoint.get(endpoint));
            }
        }
        return stale;
    }

    private LiveUpdate update() {
        return new LiveUpdate(current, staleHostIds(), failures, lastRefreshed);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        running = false;
        events.closeAll();
        watchers.forEach(Thread::interrupt);
        refresher.shutdownNow();
        fingerprinter.shutdownNow();
    }
}
