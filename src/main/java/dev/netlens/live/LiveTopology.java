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
    static final Duration DEBOUNCE = Duration.ofMillis(40);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofSeconds(30);
    /** A full pass at least this often, even when the cheap fingerprint says nothing changed. */
    static final Duration FULL_RESYNC = Duration.ofSeconds(60);

    private final List<String> endpoints;
    private final Discovery discovery;
    private final EngineEvents events;
    private final Consumer<LiveUpdate> listener;
    private final Duration resyncPeriod;
    private final Clock clock;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "netlens-refresh"));
    private final List<Thread> watchers = new ArrayList<>();
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private final Set<String> disconnected = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> lastRefreshed = new ConcurrentHashMap<>();
    private volatile boolean running;
    // Touched only on the refresh thread.
    private TopologySnapshot current;
    private List<EngineFailure> failures = List.of();
    private final Map<String, String> hostIdByEndpoint = new HashMap<>();
    private String lastFingerprint;
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
        if (running && refreshQueued.compareAndSet(false, true)) {
            refresher.schedule(this::refresh, DEBOUNCE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The timer's pass: a full rediscovery only when the cheap fingerprint changed (a kernel-only
     * change the engine raised no event for) or the last full pass is a minute old. Runs on the
     * refresh thread, like every pass.
     */
    private void resync() {
        if (!running) {
            return;
        }
        List<String> reachable = endpoints.stream().filter(e -> !disconnected.contains(e)).toList();
        boolean due = lastFullPass == null || !clock.instant().isBefore(lastFullPass.plus(FULL_RESYNC));
        if (!due && !reachable.isEmpty() && discovery.fingerprint(reachable).equals(lastFingerprint)) {
            return;
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
                    requestFull(endpoint); // subscribed first: now list everything, in full
                    scheduleRefresh();
                }, event -> {
                    note(endpoint, event);
                    scheduleRefresh();
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
        pending.computeIfAbsent(endpoint, e -> new PendingChanges()).add(event);
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
        refreshQueued.set(false);
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
        if (changes.size() < reachable.size()) {
            // Fingerprint first: whatever changes during the pass shows up as a difference next time.
            lastFingerprint = discovery.fingerprint(reachable);
        }
        state = discovery.refresh(state, reachable, changes);
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
        listener.accept(update());
        if (!allFull) {
            // After the update, off the path to the picture: the engines as this pass left them, for
            // the timer to compare with. A kernel-only change in the instant between the two waits
            // for the minute's full pass.
            lastFingerprint = discovery.fingerprint(reachable);
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
    }
}
