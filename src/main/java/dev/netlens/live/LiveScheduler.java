package dev.netlens.live;

import java.time.Duration;

/**
 * The time and threads of a {@link LiveTopology}: its one refresh thread (every pass, every timer
 * tick, every field the passes own), a thread beside it for work that must not hold a pass up, and
 * the monotonic time its debounce, grace and back-off are measured in. A seam so that tests move time
 * by hand instead of sleeping ({@code ManualScheduler} in the tests); {@link #system()} in the app.
 */
public interface LiveScheduler {
    /** A task that has not run yet may be cancelled; one that has begun may not. */
    interface Scheduled {
        /** @return whether the task will now never run */
        boolean cancel();
    }

    /** Monotonic nanoseconds, like {@link System#nanoTime()}. */
    long nanoTime();

    /** Runs {@code task} on the refresh thread after {@code delay}. */
    Scheduled schedule(Runnable task, Duration delay);

    /** Runs {@code task} on the refresh thread every {@code period}, measured from the end of one run. */
    void repeat(Runnable task, Duration period);

    /** Runs {@code task} after {@code delay} on a thread beside the refresh thread. */
    void scheduleAside(Runnable task, Duration delay);

    /** Blocks the calling (event stream) thread for {@code duration}: the reconnect back-off. */
    void sleep(Duration duration) throws InterruptedException;

    /** Stops both threads; nothing scheduled runs afterwards. */
    void shutdown();

    /** Real time and two daemon threads. */
    static LiveScheduler system() {
        return new SystemLiveScheduler();
    }
}
