package dev.netlens.logging;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Scheduled work that outlives its own bugs: a periodic task of a ScheduledExecutorService that throws
 * once is never run again, silently (the live picture would freeze for good). The exception is logged
 * with its trace and the next run goes ahead.
 */
public final class SurvivingTask {
    private static final Logger LOG = Logger.getLogger(SurvivingTask.class.getName());

    private SurvivingTask() {
    }

    /** @param what names the work in the log ("live resync") */
    public static Runnable of(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, what + " failed; it runs again at its next turn", e);
            }
        };
    }
}
