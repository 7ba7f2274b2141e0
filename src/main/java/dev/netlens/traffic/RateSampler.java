package dev.netlens.traffic;

import dev.netlens.snapshot.TopologySnapshot;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Samples every interface's counters on an interval the user sets (default 2 s; off stops it), on a
 * thread of its own, and hands each tick's rates to a listener as an immutable {@link RateSnapshot}.
 * Keeps the last {@link #WINDOW} of each interface for sparklines. A tick that fails is logged and
 * the next one runs: sampling never stops by itself. Switched off, the source lets go of what it
 * holds ({@link CounterSource#release()}); closed, it is closed.
 */
public final class RateSampler implements AutoCloseable {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);
    /** How far back the sparklines reach. */
    public static final Duration WINDOW = Duration.ofMinutes(5);
    private static final System.Logger LOG = System.getLogger(RateSampler.class.getName());
    private final CounterSource source;
    private final Consumer<RateSnapshot> listener;
    private final ScheduledExecutorService timer;
    private volatile TopologySnapshot topology;
    private ScheduledFuture<?> task;
    private Duration interval = DEFAULT_INTERVAL;
    private boolean closed;
    // Touched only on the timer thread (and by tick() in tests, never both at once).
    private Map<String, CounterSample> previous = Map.of();
    private RateHistory history = new RateHistory(capacity(DEFAULT_INTERVAL));
    private Duration historyInterval = DEFAULT_INTERVAL;
    private long sequence;

    public RateSampler(CounterSource source, Consumer<RateSnapshot> listener) {
        this(source, listener, Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "netlens-rates");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        }));
    }

    RateSampler(CounterSource source, Consumer<RateSnapshot> listener, ScheduledExecutorService timer) {
        this.source = source;
        this.listener = listener;
        this.timer = timer;
    }

    /** The namespaces to sample: the latest snapshot shown (any thread). Null stops nothing, samples nothing. */
    public void setTopology(TopologySnapshot snapshot) {
        topology = snapshot;
    }

    /**
     * Samples every {@code every} from now on; null or zero switches sampling off. The first tick
     * after a start only records counters: a rate needs two samples.
     */
    public synchronized void setInterval(Duration every) {
        if (closed) {
            return;
        }
        if (task != null) {
            task.cancel(false);
            task = null;
        }
        interval = every == null || every.isZero() || every.isNegative() ? null : every;
        if (interval == null) {
            timer.execute(source::release); // after any tick under way: nothing it holds outlives sampling
        } else {
            Duration chosen = interval;
            timer.execute(() -> restart(chosen));
            task = timer.scheduleWithFixedDelay(this::safeTick, 0, chosen.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The interval sampled at, or null when off. */
    public synchronized Duration interval() {
        return interval;
    }

    /** A fresh start at a new interval: old counters are too old for a rate, old points of another spacing. */
    private void restart(Duration every) {
        previous = Map.of();
        if (!every.equals(historyInterval)) {
            history = new RateHistory(capacity(every));
            historyInterval = every;
        }
    }

    static int capacity(Duration every) {
        return (int) Math.max(2, Math.min(3600, WINDOW.toMillis() / Math.max(1, every.toMillis())));
    }

    void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "traffic sampling failed; trying again next tick", e);
        }
    }

    /** One sampling pass, on the caller's thread (the timer's, or a test's). */
    RateSnapshot tick() {
        TopologySnapshot snapshot = topology;
        if (snapshot == null) {
            return null;
        }
        CounterRead read = source.read(snapshot);
        Map<String, InterfaceRate> rates = Rates.between(previous, read.samples());
        previous = read.samples();
        history.add(rates);
        RateSnapshot out = new RateSnapshot(++sequence, historyInterval, rates, history.moving(), read.unavailable(),
                read.problems());
        listener.accept(out);
        return out;
    }

    /** The interface's recent rates (oldest first). */
    RateHistory history() {
        return history;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (task != null) {
            task.cancel(false);
        }
        timer.shutdownNow();
        source.close(); // a tick still under way starts nothing more
    }
}
