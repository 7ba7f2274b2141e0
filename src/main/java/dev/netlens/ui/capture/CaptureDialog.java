package dev.netlens.ui.capture;

import dev.netlens.ui.language.I18n;
import java.io.File;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The capture window of one interface: output file, filter, packet and time limits, Start, the count
 * as it grows, Stop, and "Open in Wireshark" once a file was written (when Wireshark is installed).
 * Not modal: the topology stays usable while a capture runs. Closing it stops the capture.
 */
public final class CaptureDialog {
    private final CaptureViewModel vm;
    private final I18n i18n;
    private final VBox root;

    public CaptureDialog(CaptureViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        Label where = new Label(i18n.get("capture.where", vm.target().place(), vm.target().interfaceName()));
        where.setId("capture-where");
        where.setWrapText(true);
        where.getStyleClass().add("capture-where");

        TextField file = new TextField();
        file.setId("capture-output");
        file.setPromptText(i18n.get("capture.output.prompt"));
        file.setPrefColumnCount(28);
        file.textProperty().addListener((o, a, b) -> vm.outputProperty().set(b == null || b.isBlank() ? null : Path.of(b.strip())));
        vm.outputProperty().addListener((o, a, b) -> {
            String text = b == null ? "" : b.toString();
            if (!text.equals(file.getText())) {
                file.setText(text);
            }
        });
        Button browse = new Button(i18n.get("capture.browse"));
        browse.setId("capture-browse");
        browse.setOnAction(e -> choose());
        HBox fileRow = new HBox(6, file, browse);
        HBox.setHgrow(file, Priority.ALWAYS);

        TextField filter = new TextField();
        filter.setId("capture-filter");
        filter.setPromptText(i18n.get("capture.filter.prompt"));
        filter.textProperty().bindBidirectional(vm.filterProperty());
        TextField count = new TextField();
        count.setId("capture-count");
        count.setPromptText(i18n.get("capture.noLimit"));
        count.setPrefColumnCount(8);
        count.textProperty().bindBidirectional(vm.packetLimitProperty());
        TextField seconds = new TextField();
        seconds.setId("capture-seconds");
        seconds.setPromptText(i18n.get("capture.noLimit"));
        seconds.setPrefColumnCount(8);
        seconds.textProperty().bindBidirectional(vm.secondsProperty());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label(i18n.get("capture.output")), fileRow);
        form.addRow(1, new Label(i18n.get("capture.filter")), filter);
        form.addRow(2, new Label(i18n.get("capture.count")), count);
        form.addRow(3, new Label(i18n.get("capture.seconds")), seconds);
        GridPane.setHgrow(fileRow, Priority.ALWAYS);
        // Labels and the button keep their whole text; the fields take what is left.
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        form.getColumnConstraints().addAll(labels, new javafx.scene.layout.ColumnConstraints());
        browse.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);

        Label packets = new Label();
        packets.setId("capture-packets");
        packets.getStyleClass().add("capture-packets");
        packets.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("capture.packets", vm.packetsProperty().get()),
                vm.packetsProperty(), i18n.localeProperty()));
        packets.setStyle("-fx-font-size: 1.6em; -fx-font-weight: bold;");
        Label message = new Label();
        message.setId("capture-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        var busy = Bindings.createBooleanBinding(() -> switch (vm.phaseProperty().get()) {
            case STARTING, RUNNING, STOPPING -> true;
            default -> false;
        }, vm.phaseProperty());
        Button start = new Button(i18n.get("capture.start"));
        start.setId("capture-start");
        start.setDefaultButton(true);
        start.disableProperty().bind(busy.or(vm.outputProperty().isNull()));
        start.setOnAction(e -> vm.start());
        Button stop = new Button(i18n.get("capture.stop"));
        stop.setId("capture-stop");
        stop.disableProperty().bind(vm.phaseProperty().isNotEqualTo(CaptureViewModel.Phase.RUNNING));
        stop.setOnAction(e -> vm.stop());
        Button wireshark = new Button(i18n.get("capture.wireshark"));
        wireshark.setId("capture-wireshark");
        wireshark.disableProperty().bind(vm.canOpenProperty().not());
        wireshark.setOnAction(e -> vm.openInWireshark());
        if (!vm.wiresharkInstalled()) {
            wireshark.setTooltip(new javafx.scene.control.Tooltip(i18n.get("capture.wireshark.missing")));
        }
        for (javafx.scene.Node n : new javafx.scene.Node[] {file, browse, filter, count, seconds}) {
            n.disableProperty().bind(busy);
        }
        HBox buttons = new HBox(8, start, stop, wireshark);
        root = new VBox(12, where, form, packets, message, buttons);
        root.setPadding(new Insets(16));
        root.setPrefWidth(560);
        root.getStyleClass().add("capture-dialog");
    }

    public VBox root() {
        return root;
    }

    public CaptureViewModel viewModel() {
        return vm;
    }

    /** Shows it in its own window; closing the window stops a running capture. */
    public Stage show(Window owner) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.NONE);
        stage.setTitle(i18n.get("capture.title", vm.target().interfaceName()));
        stage.setScene(new Scene(root));
        stage.setOnHidden(e -> vm.close());
        stage.show();
        return stage;
    }

    private void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("capture.output"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("pcap", "*.pcap"));
        chooser.setInitialFileName(vm.target().interfaceName() + ".pcap");
        File f = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) {
            vm.outputProperty().set(f.toPath());
        }
    }
}
