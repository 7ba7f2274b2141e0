package dev.netlens.ui.concurrent;

import java.util.concurrent.CancellationException;

/** What a long task sees of its place in the window: where to report progress, whether to stop. */
public interface TaskControl {
    /** From 0 to 1; negative: unknown. Any thread. */
    void progress(double fraction);

    boolean cancelled();

    /** Ends the task (through its failure handler) once the user cancelled it. */
    default void checkCancelled() {
        if (cancelled()) {
            throw new CancellationException();
        }
    }

    /** For work run outside any window (tests, the command line): never cancelled. */
    TaskControl NONE = new TaskControl() {
        @Override
        public void progress(double fraction) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };
}
