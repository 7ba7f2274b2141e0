package dev.netlens.ui.lab;

import dev.netlens.ui.concurrent.BackgroundExecutor;
import dev.netlens.ui.concurrent.RunningTask;
import dev.netlens.ui.concurrent.TaskControl;
import dev.netlens.ui.concurrent.TaskRunner;
import dev.netlens.ui.language.I18n;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The classroom lab window's state: one action at a time, its progress, and what it reported. The
 * action is a long task (the window's task executor, listed in the status bar): an image pull never
 * holds the picture back, and Cancel stops it at its next step.
 */
public final class LabViewModel {
    private final LabActions actions;
    private final TaskRunner tasks;
    private final I18n i18n;
    /** The action under way (FX thread), and its control (the worker's steps check it). */
    private RunningTask current;
    private volatile TaskControl control = TaskControl.NONE;
    private final Consumer<Runnable> uiThread;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ObservableList<String> linesView = FXCollections.unmodifiableObservableList(lines);
    private final javafx.beans.property.StringProperty image = new javafx.beans.property.SimpleStringProperty();

    /** @param uiThread moves progress from the worker to the UI thread (Platform::runLater) */
    public LabViewModel(LabActions actions, BackgroundExecutor executor, Consumer<Runnable> uiThread) {
        this(actions, new TaskRunner(executor, uiThread), null, uiThread);
    }

    /** @param i18n the task's title in the status bar (null: the English title as is) */
    public LabViewModel(LabActions actions, TaskRunner tasks, I18n i18n, Consumer<Runnable> uiThread) {
        this.actions = actions;
        this.tasks = tasks;
        this.i18n = i18n;
        this.uiThread = uiThread;
        image.set(actions.defaultImage());
    }

    /** The image to build the lab from (editable: with no registry, a local image). */
    public javafx.beans.property.StringProperty imageProperty() {
        return image;
    }

    public void up() {
        String chosen = image.get() == null || image.get().isBlank() ? actions.defaultImage() : image.get().strip();
        run("Building the classroom lab on " + actions.endpoint(), () -> actions.up(chosen, this::onStep));
    }

    public void down() {
        run("Removing the classroom lab from " + actions.endpoint(), () -> actions.down(this::onStep));
    }

    public void status() {
        run("Reading the lab's objects on " + actions.endpoint(), actions::status);
    }

    private void run(String title, Callable<List<String>> work) {
        if (running.get()) {
            return;
        }
        running.set(true);
        error.set(null);
        progress.set(-1);
        message.set(title);
        lines.clear();
        current = tasks.run(i18n == null ? title : i18n.get("task.lab", title), c -> {
            control = c;
            try {
                return work.call();
            } finally {
                control = TaskControl.NONE;
            }
        }, result -> {
            current = null;
            lines.setAll(result);
            progress.set(1);
            message.set(title.replaceFirst("^\\w+ing", "Done:"));
            running.set(false);
        }, failure -> {
            current = null;
            // The lab's messages are written for people (engine unreachable, image missing...).
            String reason = failure instanceof java.util.concurrent.CancellationException ? "cancelled"
                    : failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            error.set(reason);
            message.set("Stopped: " + reason);
            progress.set(0);
            running.set(false);
        });
    }

    /** Stops the action under way at its next step (what it made so far stays: "down" removes it). */
    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    private void onStep(int done, int total, String text) {
        control.progress(total <= 0 ? -1 : (double) done / total);
        control.checkCancelled();
        uiThread.accept(() -> {
            progress.set(total <= 0 ? -1 : (double) done / total);
            message.set(text);
            lines.add(text);
        });
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<String> lines() {
        return linesView; // one view: a wrapper per call would drop its listeners when collected
    }

    public String endpoint() {
        return actions.endpoint();
    }
}
