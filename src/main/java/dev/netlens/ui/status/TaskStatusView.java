package dev.netlens.ui.status;

import dev.netlens.ui.concurrent.RunningTask;
import dev.netlens.ui.concurrent.TaskRunner;
import dev.netlens.ui.language.I18n;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;

/**
 * The status bar's long task: its title, its progress and Cancel; hidden when none runs. With more
 * than one, the oldest is shown and the others counted (each ends on its own; Cancel stops the one
 * shown).
 */
public final class TaskStatusView extends HBox {
    private final TaskRunner tasks;
    private final I18n i18n;
    private final Label title = new Label();
    private final ProgressBar bar = new ProgressBar();
    private final Label more = new Label();
    private final Button cancel = new Button();

    public TaskStatusView(TaskRunner tasks, I18n i18n) {
        this.tasks = tasks;
        this.i18n = i18n;
        getStyleClass().add("task-status");
        setId("task-status");
        title.getStyleClass().add("task-title");
        more.getStyleClass().add("task-more");
        bar.getStyleClass().add("task-progress");
        cancel.getStyleClass().add("task-cancel");
        cancel.setId("task-cancel");
        cancel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> i18n.get("task.cancel"),
                i18n.localeProperty()));
        getChildren().addAll(title, bar, more, cancel);
        tasks.running().addListener((ListChangeListener<RunningTask>) c -> refresh());
        refresh();
    }

    private void refresh() {
        boolean any = !tasks.running().isEmpty();
        setVisible(any);
        setManaged(any);
        bar.progressProperty().unbind();
        if (!any) {
            cancel.setOnAction(null);
            return;
        }
        RunningTask shown = tasks.running().get(0);
        title.setText(shown.title());
        bar.progressProperty().bind(shown.progressProperty());
        int others = tasks.running().size() - 1;
        more.setText(others > 0 ? i18n.get("task.more", others) : "");
        cancel.setOnAction(e -> {
            shown.cancel();
            cancel.setDisable(true); // until the task has stopped (the next one gets a fresh button)
        });
        cancel.setDisable(shown.cancelled());
    }
}
