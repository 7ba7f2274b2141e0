package dev.netlens.live;

import dev.netlens.discovery.Discovery;
import dev.netlens.discovery.DiscoveryResult;
import dev.netlens.discovery.DiscoveryState;
import dev.netlens.discovery.EngineChanges;
import dev.netlens.discovery.EngineFailure;
import dev.netlens.logging.SurvivingTask;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a topology live: one event stream per engine, a rediscovery shortly after each event and
 * on a resync timer (kernel-only changes raise no event), and reconnection with back-off when an
 * engine goes away, its last picture kept and marked stale meanwhile. Every update is an
 * immutable {@link LiveUpdate} handed to the listener on the scheduler's refresh thread; viewers
 * move it to their UI thread themselves.
 *
 * <p>Order matters, as the engine's clients learned: subscribe first, then list, so nothing created
 * in between is missed; the event listener only queues; a stream that ends normally means the
 * connection is gone; after every reconnect, resync in full.
 *
 * <p>Threads: the passes, the timer and every field marked "refresh thread" below run on the
 * {@link LiveScheduler}'s refresh thread alone; each engine's stream has a watcher thread that only
 * notes events and queues passes (through the thread-safe fields marked so).
 */
public final class LiveTopology implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveTopology.class);
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
    /** After an incremental pass, when the timer's fingerprint is taken (off the path to the picture). */
    static final Duration FINGERPRINT_DELAY = Duration.ofMillis(250);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    /**
     * The longest wait between two tries to reach an engine whose stream ended: a try that fails costs
     * one refused connection, and every second of waiting is a second its changes are not drawn once it
     * is back (the soak restarts engine 2: at 30 s, its first changes waited that long).
     */
    static final Duration MAX_RETRY = Duration.ofSeconds(4);
    /**
     * A full pass at least this often, even when the cheap fingerprint says nothing changed: for a
     * change inside a namespace that raised no event (made with nsenter from the host, say; one made
     * by {@code docker exec} raises exec events, which re-read that container's namespace). Each such
     * pass costs about 0.7 s of CPU at 200 containers: once a minute it was half the idle window's CPU.
     */
    public static final Duration FULL_RESYNC = Duration.ofMinutes(5);
    /** The periodic full pass may wait this long past its time for a tick with no event in the last second. */
    static final Duration FULL_RESYNC_SLACK = Duration.ofSeconds(60);
    /** A timer tick this soon after an engine event leaves the comparison to a quieter tick. */
    private static final Duration QUIET = Duration.ofSeconds(1);

    private final List<String> endpoints;
    private final Discovery discovery;
    private final EngineEvents events;
    private final Consumer<LiveUpdate> listener;
    private final Duration resyncPeriod;
    private final Clock clock;
    private final LiveScheduler scheduler;
    private final List<Thread> watchers = new ArrayList<>();
    private volatile boolean running;

    // Thread-safe, written by the watchers.
    private final Set<String> disconnected = ConcurrentHashMap.newKeySet();
    private final HelperEvents helpers = new HelperEvents();
    /** Per engine, what its events named since the last pass began (each guards itself). */
    private final Map<String, PendingChanges> pending = new ConcurrentHashMap<>();
    /** When the last engine event came (scheduler nanos), to keep the periodic full pass off a busy moment. */
    private volatile long lastEvent;
    /** Counts passes, so that a deferred fingerprint knows whether another pass came since. */
    private final AtomicLong passes = new AtomicLong();
    private final AtomicLong fullScans = new AtomicLong();
    private final AtomicLong incrementalScans = new AtomicLong();

    // Guarded by this (watchers and the refresh thread).
    /** The queued pass and when it is due (scheduler nanos). */
    private LiveScheduler.Scheduled queued;
    private long queuedDue;
    /** Containers created and not yet started, with when: their events may wait for the start. */
    private final Map<String, Long> created = new HashMap<>();

    // Refresh thread only.
    private TopologySnapshot current;
    private List<EngineFailure> failures = List.of();
    private final Map<String, String> hostIdByEndpoint = new HashMap<>();
    private final Map<String, Instant> lastRefreshed = new HashMap<>();
    private String lastFingerprint;
    /** An incremental pass came after the last fingerprint: the timer's baseline is yet to be taken. */
    private boolean baselinePending;
    private Instant lastFullPass;
    private DiscoveryState state;

    /**
     * @param endpoints engine URIs to watch (resolved ones: DOCKER_HOST already applied)
     * @param resyncPeriod how often to rediscover even without events
     */
    public LiveTopology(List<String> endpoints, Discovery discovery, EngineEvents events, Duration resyncPeriod,
            Clock clock, Consumer<LiveUpdate> listener) {
        this(endpoints, discovery, events, resyncPeriod, clock, LiveScheduler.system(), listener);
    }

    /** @param clock the times shown to users (last read); {@code scheduler} times everything else */
    public LiveTopology(List<String> endpoints, Discovery discovery, EngineEvents events, Duration resyncPeriod,
            Clock clock, LiveScheduler scheduler, Consumer<LiveUpdate> listener) {
        this.endpoints = List.copyOf(endpoints);
        this.discovery = discovery;
        this.events = events;
        this.resyncPeriod = resyncPeriod;
        this.clock = clock;
        this.scheduler = scheduler;
        this.listener = listener;
        this.lastEvent = scheduler.nanoTime() - Duration.ofMinutes(1).toNanos(); // none yet
    }

    public void start() {
        running = true;
        for (String endpoint : endpoints) {
            disconnected.add(endpoint);
            Thread watcher = new Thread(() -> watch(endpoint), "netlens-events");
            watcher.setDaemon(true);
            watchers.add(watcher);
            watcher.start();
        }
        scheduler.repeat(guarded("resync", this::resync), resyncPeriod);
    }

    /** Asks for a full rediscovery soon; many requests within the debounce time make one. */
    public void requestRefresh() {
        endpoints.forEach(this::requestFull);
        scheduleRefresh(DEBOUNCE);
    }

    /**
     * Reads this one engine again in full soon (the others as their events say): after the user
     * allowed a helper container on it, say. An endpoint not watched asks for all of them.
     *
     * @param endpoint the engine's URI, as in {@code Host.endpoint()}
     */
    public void rediscover(String endpoint) {
        if (endpoints.contains(endpoint)) {
            requestFull(endpoint);
        } else {
            endpoints.forEach(this::requestFull);
        }
        scheduleRefresh(DEBOUNCE);
    }

    /** Full and incremental engine scans so far (for tests and benchmarks). */
    long[] scanCounts() {
        return new long[] {fullScans.get(), incrementalScans.get()};
    }

    // ---- queueing passes (any thread) ----

    /** A pass within {@code delay}: an earlier queued one stands, a later one is brought forward. */
    private synchronized void scheduleRefresh(Duration delay) {
        if (!running) {
            return;
        }
        long due = scheduler.nanoTime() + delay.toNanos();
        if (queued != null && (queuedDue <= due || !queued.cancel())) {
            return; // due soon enough; or running now, which clears queued first, so it cannot be
        }
        queuedDue = due;
        queued = scheduler.schedule(guarded("refresh", this::refresh), delay);
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
    private synchronized Duration delayFor(JsonNode event) {
        long now = scheduler.nanoTime();
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
        long left = CREATE_GRACE.toNanos() - (now - created.get(container));
        return Duration.ofNanos(Math.max(DEBOUNCE.toNanos(), left));
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

    // ---- the event streams (one watcher thread each) ----

    private void watch(String endpoint) {
        Duration retry = FIRST_RETRY;
        while (running) {
            boolean connected = streamUntilGone(endpoint);
            if (!running) {
                return;
            }
            disconnected.add(endpoint);
            scheduler.schedule(guarded("stale", this::publishStale), Duration.ZERO);
            retry = connected ? FIRST_RETRY : retry;
            try {
                scheduler.sleep(retry);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // closed
            }
            retry = retry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retry.multipliedBy(2);
        }
    }

    /** Follows one engine's stream until it ends; whether it connected at all (the back-off restarts if so). */
    private boolean streamUntilGone(String endpoint) {
        AtomicBoolean connected = new AtomicBoolean();
        try {
            events.stream(endpoint, () -> {
                connected.set(true);
                disconnected.remove(endpoint);
                // Subscribed first: now list everything, in full. The other engines too: an engine
                // coming back changes their overlay networks' peers and tasks, with no event of theirs.
                endpoints.forEach(this::requestFull);
                scheduleRefresh(DEBOUNCE);
            }, event -> {
                if (helpers.isHelpers(event)) {
                    return; // Netlens's own helper container: its pass would start another, and so on
                }
                lastEvent = scheduler.nanoTime();
                note(endpoint, event);
                scheduleRefresh(delayFor(event));
            });
        } catch (Exception e) {
            // Same as a normal end: the connection is gone. The reason reaches the user via discovery.
            LOG.debug("event stream of {} ended: {}", endpoint, e.toString());
        } catch (Error e) {
            if (running) {
                throw e;
            }
        }
        return connected.get();
    }

    // ---- the refresh thread ----

    /**
     * The timer's pass: a full rediscovery only when the cheap fingerprint changed (a kernel-only
     * change the engine raised no event for) or the last full pass is FULL_RESYNC old.
     */
    private void resync() {
        if (!running) {
            return;
        }
        List<String> reachable = reachable();
        Instant now = clock.instant();
        boolean due = lastFullPass == null || !now.isBefore(lastFullPass.plus(FULL_RESYNC));
        boolean busy = scheduler.nanoTime() - lastEvent < QUIET.toNanos() || isQueued();
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
        LOG.debug("timer asks for a full pass ({})", due ? "periodic" : "fingerprint changed");
        endpoints.forEach(this::requestFull);
        scheduleRefresh(DEBOUNCE);
    }

    private void refresh() {
        dequeue();
        if (!running) {
            return;
        }
        List<String> reachable = reachable();
        if (reachable.isEmpty()) {
            publishUnreachable();
            return;
        }
        Map<String, EngineChanges> changes = takeChanges(reachable);
        if (!changes.isEmpty() && changes.size() == reachable.size()
                && changes.values().stream().allMatch(EngineChanges::isEmpty)) {
            return; // a request with nothing behind it (its events were taken by the pass before)
        }
        boolean allFull = changes.isEmpty();
        long pass = passes.incrementAndGet(); // voids a deferred fingerprint of an earlier pass
        if (changes.size() < reachable.size()) {
            // Fingerprint first: whatever changes during the pass shows up as a difference next time.
            lastFingerprint = discovery.kernelFingerprint(reachable);
        }
        discover(reachable, changes);
        Instant now = clock.instant();
        if (allFull) {
            lastFullPass = now;
        }
        DiscoveryResult result = state.result();
        recordHosts(result, now);
        failures = withDisconnected(result.failures());
        current = StaleHostMerge.keep(result.snapshot(), current, staleHostIds());
        baselinePending = !allFull;
        listener.accept(update());
        if (!allFull) {
            deferBaseline(pass, reachable);
        }
    }

    private List<String> reachable() {
        return endpoints.stream().filter(e -> !disconnected.contains(e)).toList();
    }

    /** No engine answers: every one is a failure, and the picture so far (or an empty one) stays. */
    private void publishUnreachable() {
        // Never discover an empty list: to Discovery that means "the default engine", not none.
        failures = endpoints.stream().map(LiveTopology::reconnecting).toList();
        if (current == null) {
            current = new TopologySnapshot(TopologySnapshot.SCHEMA, clock.instant().toString(), "live",
                    List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }
        listener.accept(update());
    }

    /**
     * What the events named since the last pass: taken now, so that events during this pass count
     * for the next one. An engine with no earlier scan, or asking for one, is left out: read in full.
     */
    private Map<String, EngineChanges> takeChanges(List<String> reachable) {
        Map<String, EngineChanges> changes = new HashMap<>();
        for (String endpoint : reachable) {
            PendingChanges p = pending.get(endpoint);
            EngineChanges change = p == null ? EngineChanges.NONE : p.take();
            if (change != null && state != null && state.hosts().containsKey(endpoint)) {
                changes.put(endpoint, change);
            }
        }
        return changes;
    }

    /** The pass itself, and its count of full and incremental engine scans. */
    private void discover(List<String> reachable, Map<String, EngineChanges> changes) {
        long t0 = System.nanoTime();
        state = discovery.refresh(state, reachable, changes);
        LOG.debug("{} pass {} ms ({})", changes.isEmpty() ? "full" : "incremental",
                (System.nanoTime() - t0) / 1_000_000, changes.values());
        for (var entry : state.hosts().entrySet()) {
            EngineChanges change = changes.get(entry.getKey());
            if (reachable.contains(entry.getKey()) && change == null) {
                fullScans.incrementAndGet();
            } else if (entry.getValue().incremental() && change != null && !change.isEmpty()) {
                incrementalScans.incrementAndGet();
            }
        }
    }

    private void recordHosts(DiscoveryResult result, Instant now) {
        for (Host host : result.snapshot().hosts()) {
            hostIdByEndpoint.put(host.endpoint(), host.id());
            lastRefreshed.put(host.endpoint(), now);
        }
    }

    /** Discovery's failures, and a "reconnecting" one for each engine whose stream is gone. */
    private List<EngineFailure> withDisconnected(List<EngineFailure> discovered) {
        List<EngineFailure> failed = new ArrayList<>(discovered);
        for (String endpoint : endpoints) {
            if (disconnected.contains(endpoint) && failed.stream().noneMatch(f -> f.endpoint().equals(endpoint))) {
                failed.add(reconnecting(endpoint));
            }
        }
        return failed;
    }

    /**
     * Shortly after an incremental pass's update, beside the refresh thread: the engines as this pass
     * left them, for the timer to compare with. The result is handed back to the refresh thread, which
     * keeps it only if no other pass came meanwhile (a kernel-only change in between waits for the
     * periodic full pass).
     */
    private void deferBaseline(long pass, List<String> reachable) {
        scheduler.scheduleAside(guarded("fingerprint", () -> {
            if (!running || passes.get() != pass) {
                return;
            }
            String fingerprint = discovery.kernelFingerprint(reachable);
            scheduler.schedule(guarded("baseline", () -> {
                if (passes.get() == pass) {
                    lastFingerprint = fingerprint;
                    baselinePending = false;
                }
            }), Duration.ZERO);
        }), FINGERPRINT_DELAY);
    }

    /** Marks a vanished engine's host stale at once, without waiting for a rediscovery. */
    private void publishStale() {
        if (current != null) {
            listener.accept(update());
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

    private static EngineFailure reconnecting(String endpoint) {
        return new EngineFailure(endpoint, "engine " + endpoint + " does not answer; reconnecting");
    }

    /** A scheduled task that logs and survives an unchecked exception: one bad pass must not stop the timer. */
    private static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("live {} failed; the next one will try again", what, e);
            }
        };
    }

    @Override
    public void close() {
        running = false;
        events.closeAll();
        watchers.forEach(Thread::interrupt);
        scheduler.shutdown();
    }
}
