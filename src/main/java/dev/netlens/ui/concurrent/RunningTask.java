package dev.netlens.ui.concurrent;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/** A long task as the window shows it: its title, its progress (FX thread), and Cancel. */
public final class RunningTask {
    private final String title;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final AtomicBoolean cancelled = new AtomicBoolean();

    RunningTask(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Asks the task to stop at its next check; it then ends through its failure handler. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean cancelled() {
        return cancelled.get();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    void setProgress(double fraction) {
        progress.set(fraction);
    }
}
