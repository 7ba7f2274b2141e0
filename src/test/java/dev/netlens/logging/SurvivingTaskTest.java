package dev.netlens.logging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A periodic task that throws once keeps running, and the exception is in the log file. */
class SurvivingTaskTest {
    @TempDir
    Path temp;

    @AfterEach
    void quietAgain() {
        System.clearProperty(Logs.FILE_PROPERTY);
        Logs.configure(false);
    }

    @Test
    void aPeriodicTaskThatThrowsOnceKeepsRunningAndTheExceptionIsLogged() throws Exception {
        Path log = temp.resolve("netlens.log");
        System.setProperty(Logs.FILE_PROPERTY, log.toString());
        Logs.configure(false);
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch threeMore = new CountDownLatch(3);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            ScheduledFuture<?> periodic = timer.scheduleWithFixedDelay(SurvivingTask.of("test resync", () -> {
                if (runs.incrementAndGet() == 1) {
                    throw new IllegalStateException("boom once");
                }
                threeMore.countDown();
            }), 0, 1, TimeUnit.MILLISECONDS);
            // Waits for runs, not for a time: without the wrapper the first exception ends the task for good.
            assertTrue(threeMore.await(60, TimeUnit.SECONDS), "runs after the exception: " + (runs.get() - 1));
            assertFalse(periodic.isDone());
        } finally {
            timer.shutdownNow();
        }
        String logged = Files.readString(log);
        assertTrue(logged.contains("SEVERE") && logged.contains("test resync failed") && logged.contains("boom once"), logged);
    }
}
