package dev.netlens.live;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** {@link LiveScheduler} on the wall clock's monotonic time and two single-thread executors. */
final class SystemLiveScheduler implements LiveScheduler {
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "netlens-refresh"));
    /** Takes fingerprints beside the refresh thread, not in its way. */
    private final ScheduledExecutorService aside = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "netlens-fingerprint"));

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Scheduled schedule(Runnable task, Duration delay) {
        try {
            ScheduledFuture<?> future = refresher.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException e) {
            return () -> true; // shut down meanwhile: it never runs
        }
    }

    @Override
    public void repeat(Runnable task, Duration period) {
        refresher.scheduleWithFixedDelay(task, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void scheduleAside(Runnable task, Duration delay) {
        try {
            aside.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // shut down meanwhile
        }
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    @Override
    public void shutdown() {
        refresher.shutdownNow();
        aside.shutdownNow();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
