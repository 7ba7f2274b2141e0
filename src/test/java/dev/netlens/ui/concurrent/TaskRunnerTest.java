package dev.netlens.ui.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Long tasks: listed while they run, with their progress; Cancel ends them through their failure handler. */
class TaskRunnerTest {
    private final TaskRunner runner = new TaskRunner(new SameThreadExecutor(), Runnable::run);

    @Test
    void aTaskIsListedWithItsProgressWhileItRunsAndLeavesTheListWhenDone() {
        List<Double> seen = new ArrayList<>();
        AtomicReference<String> result = new AtomicReference<>();
        runner.run("Writing a.png", c -> {
            RunningTask t = runner.running().get(0);
            t.progressProperty().addListener((o, a, b) -> seen.add(b.doubleValue()));
            c.progress(0.25);
            c.progress(1);
            assertEquals("Writing a.png", t.title());
            return "done";
        }, result::set, e -> { throw new AssertionError(e); });
        assertEquals(List.of(0.25, 1.0), seen);
        assertEquals("done", result.get());
        assertTrue(runner.running().isEmpty());
    }

    @Test
    void cancelStopsTheWorkAtItsNextCheckAndEndsWithACancellation() {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Integer> steps = new ArrayList<>();
        runner.run("Pulling", c -> {
            for (int i = 0; i < 10; i++) {
                c.checkCancelled();
                steps.add(i);
                if (i == 2) {
                    runner.running().get(0).cancel(); // the user presses Cancel during step 2
                }
            }
            return "finished";
        }, r -> { throw new AssertionError("no result after a cancel"); }, failure::set);
        assertEquals(List.of(0, 1, 2), steps);
        assertInstanceOf(CancellationException.class, failure.get());
        assertTrue(runner.running().isEmpty());
    }

    @Test
    void aCancelThatComesAfterTheLastCheckStillWins() {
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        runner.run("Saving", c -> {
            runner.running().get(0).cancel();
            return "written";
        }, result::set, failure::set);
        assertNull(result.get());
        assertInstanceOf(CancellationException.class, failure.get());
    }
}
