package dev.netlens.ui.lab;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** A small window to build, inspect and remove the classroom lab, with progress while it works. */
public final class LabView {
    private final LabViewModel vm;
    private final VBox root = new VBox(10);
    private Stage stage;

    public LabView(LabViewModel vm) {
        this.vm = vm;
        root.setId("lab-view");
        root.setPadding(new Insets(14));
        Label intro = new Label("The lesson's network on " + vm.endpoint() + ": three containers on docker0, a user "
                + "bridge with two containers that find each other by name, host and none mode, macvlan on a "
                + "parent the lab makes itself, and an overlay when the engine is a swarm manager. Every object "
                + "is labelled dev.netlens.lab=classroom; Remove takes away exactly those.");
        intro.setWrapText(true);
        ProgressBar bar = new ProgressBar();
        bar.setId("lab-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        Label message = new Label();
        message.setId("lab-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        ListView<String> lines = new ListView<>(vm.lines());
        lines.setId("lab-lines");
        VBox.setVgrow(lines, Priority.ALWAYS);
        Button up = button("Build lab", "lab-up", vm::up);
        Button status = button("Status", "lab-status", vm::status);
        Button down = button("Remove lab", "lab-down", this::confirmDown);
        javafx.scene.control.TextField image = new javafx.scene.control.TextField();
        image.setId("lab-image");
        image.setPrefColumnCount(22);
        image.textProperty().bindBidirectional(vm.imageProperty());
        image.disableProperty().bind(vm.runningProperty());
        HBox buttons = new HBox(8, new Label("Image"), image, up, status, down);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        root.getChildren().addAll(intro, buttons, bar, message, lines);
    }

    private Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.disableProperty().bind(vm.runningProperty());
        b.setOnAction(e -> action.run());
        return b;
    }

    private void confirmDown() {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Remove every object labelled dev.netlens.lab=classroom from " + vm.endpoint() + "?", ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(stage);
        confirm.setHeaderText("Remove the classroom lab");
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(b -> vm.down());
    }

    /** Shows the window (once; later calls bring it to the front). */
    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.setTitle("Classroom lab");
            stage.setScene(new Scene(root, 640, 480));
        }
        stage.show();
        stage.toFront();
    }

    public VBox root() {
        return root;
    }
}
