package dev.netlens.ui.concurrent;

import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Runs the window's long tasks (files, pictures, the lab) on their executor, each listed while it
 * runs with its progress and a way to cancel it. A cancelled task ends through its failure handler
 * with a {@link CancellationException}, even if its work had finished meanwhile (a late cancel wins:
 * the user was told it stopped).
 */
public final class TaskRunner {
    /** A task's work: checks {@link TaskControl#cancelled} between steps and reports its progress. */
    @FunctionalInterface
    public interface Work<T> {
        T call(TaskControl control) throws Exception;
    }

    private final BackgroundExecutor executor;
    private final Consumer<Runnable> uiThread;
    private final ObservableList<RunningTask> running = FXCollections.observableArrayList();
    /** One view, kept: a wrapper made per call listens weakly and would drop its listeners when collected. */
    private final ObservableList<RunningTask> runningView = FXCollections.unmodifiableObservableList(running);

    /** @param uiThread moves progress from the worker to the UI thread (Platform::runLater; tests: Runnable::run) */
    public TaskRunner(BackgroundExecutor executor, Consumer<Runnable> uiThread) {
        this.executor = executor;
        this.uiThread = uiThread;
    }

    /** Starts a task; UI thread. Its handlers run on the UI thread once it ends. */
    public <T> RunningTask run(String title, Work<T> work, Consumer<? super T> onResult, Consumer<Throwable> onFailure) {
        RunningTask task = new RunningTask(title);
        running.add(task);
        TaskControl control = new TaskControl() {
            @Override
            public void progress(double fraction) {
                uiThread.accept(() -> task.setProgress(fraction));
            }

            @Override
            public boolean cancelled() {
                return task.cancelled();
            }
        };
        executor.submit(() -> {
            control.checkCancelled(); // cancelled while it waited for its turn
            return work.call(control);
        }, result -> {
            running.remove(task);
            if (task.cancelled()) {
                onFailure.accept(new CancellationException());
            } else {
                onResult.accept(result);
            }
        }, failure -> {
            running.remove(task);
            onFailure.accept(task.cancelled() ? new CancellationException() : failure);
        });
        return task;
    }

    /** The tasks running now, oldest first. UI thread. */
    public ObservableList<RunningTask> running() {
        return runningView;
    }

    public BackgroundExecutor executor() {
        return executor;
    }
}
