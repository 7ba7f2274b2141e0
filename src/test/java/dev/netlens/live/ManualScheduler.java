package dev.netlens.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A {@link LiveScheduler} whose time moves only when a test says so: {@link #advance} runs every task
 * due by then, in time order, on the test's own thread (the "refresh thread" and the one beside it are
 * both the test's), and wakes the watchers sleeping through their back-off.
 */
final class ManualScheduler implements LiveScheduler {
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private final List<Task> tasks = new ArrayList<>();
    private long now;
    private long sequence;
    private int sleepers;
    private boolean shutDown;

    private final class Task implements Scheduled {
        final long due;
        final long order = sequence++;
        final Runnable run;
        final Duration period;
        boolean done;

        Task(long due, Runnable run, Duration period) {
            this.due = due;
            this.run = run;
            this.period = period;
        }

        @Override
        public boolean cancel() {
            synchronized (ManualScheduler.this) {
                if (done) {
                    return false;
                }
                done = true;
                return tasks.remove(this);
            }
        }
    }

    /** A clock that shows this scheduler's time. */
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return EPOCH.plusNanos(nanoTime());
            }
        };
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized Scheduled schedule(Runnable task, Duration delay) {
        Task t = new Task(now + delay.toNanos(), task, null);
        if (!shutDown) {
            tasks.add(t);
        }
        return t;
    }

    @Override
    public synchronized void repeat(Runnable task, Duration period) {
        tasks.add(new Task(now + period.toNanos(), task, period));
    }

    @Override
    public void scheduleAside(Runnable task, Duration delay) {
        schedule(task, delay);
    }

    @Override
    public synchronized void sleep(Duration duration) throws InterruptedException {
        long wake = now + duration.toNanos();
        sleepers++;
        notifyAll();
        try {
            while (now < wake) {
                wait();
            }
        } finally {
            sleepers--;
        }
    }

    @Override
    public synchronized void shutdown() {
        shutDown = true;
        tasks.clear();
    }

    /** Moves time on by {@code duration}, running what falls due on this thread. */
    void advance(Duration duration) {
        long target;
        synchronized (this) {
            target = now + duration.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                Optional<Task> due = tasks.stream().filter(t -> t.due <= target)
                        .min(Comparator.<Task>comparingLong(t -> t.due).thenComparingLong(t -> t.order));
                if (due.isEmpty()) {
                    now = target;
                    notifyAll();
                    return;
                }
                next = due.get();
                tasks.remove(next);
                now = Math.max(now, next.due);
                next.done = true;
                notifyAll();
            }
            next.run.run();
            synchronized (this) {
                if (next.period != null && !shutDown) {
                    tasks.add(new Task(now + next.period.toNanos(), next.run, next.period));
                }
            }
        }
    }

    /** Runs what is due now (a task another thread queued for "at once"). */
    void runDue() {
        advance(Duration.ZERO);
    }

    /** Waits (in real time, as a guard only) until {@code count} watchers sleep through their back-off. */
    synchronized void awaitSleepers(int count) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (sleepers < count) {
            long left = giveUp - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + count + " watcher(s) backing off");
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
