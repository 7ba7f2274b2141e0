package dev.netlens.ui.file;

import dev.netlens.render.Collapsing;
import dev.netlens.ui.language.I18n;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks what picture to write (format and scale, area, title, legend, what to collapse), then where.
 * Collapsing otherwise than the window ({@link ExportRequest#collapse}) applies to the whole graph.
 */
public final class ExportDialog {
    private static final List<String> FORMATS = List.of("PNG 1x", "PNG 2x", "PNG 4x", "SVG");
    /** The collapse choices in the order shown: as the window shows it (null), then auto, none, all. */
    static final List<Collapsing> COLLAPSE = java.util.Arrays.asList(null, Collapsing.AUTO, Collapsing.NONE, Collapsing.ALL);

    private ExportDialog() {
    }

    public static Optional<ExportRequest> ask(Window owner, I18n i18n, Path folder) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("export.title"));
        ChoiceBox<String> format = new ChoiceBox<>();
        format.getItems().setAll(FORMATS);
        format.setValue("PNG 2x");
        ChoiceBox<String> area = new ChoiceBox<>();
        area.getItems().setAll(i18n.get("export.area.whole"), i18n.get("export.area.visible"));
        area.setValue(area.getItems().get(0));
        ChoiceBox<String> collapse = new ChoiceBox<>();
        collapse.setId("export-collapse");
        for (Collapsing c : COLLAPSE) {
            collapse.getItems().add(i18n.get("export.collapse." + (c == null ? "shown" : c.wireName())));
        }
        collapse.getSelectionModel().select(0);
        // The visible part is the window's picture: folded as it is.
        area.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() == 1) {
                collapse.getSelectionModel().select(0);
            }
            collapse.setDisable(b.intValue() == 1);
        });
        TextField title = new TextField();
        CheckBox legend = new CheckBox();
        legend.setSelected(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(i18n.get("export.format")), format);
        grid.addRow(1, new Label(i18n.get("export.area")), area);
        grid.addRow(2, new Label(i18n.get("export.collapse")), collapse);
        grid.addRow(3, new Label(i18n.get("export.withTitle")), title);
        grid.addRow(4, new Label(i18n.get("export.withLegend")), legend);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        if (dialog.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return Optional.empty();
        }
        boolean svg = format.getValue().startsWith("SVG");
        FileChooser chooser = new FileChooser();
        chooser.setInitialDirectory(folder.toFile().isDirectory() ? folder.toFile() : null);
        chooser.setInitialFileName(svg ? "netlens.svg" : "netlens.png");
        chooser.getExtensionFilters().add(svg ? new FileChooser.ExtensionFilter("SVG", "*.svg")
                : new FileChooser.ExtensionFilter("PNG", "*.png"));
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return Optional.empty();
        }
        double scale = svg ? 1 : Double.parseDouble(format.getValue().substring(4, 5));
        String t = title.getText() == null || title.getText().isBlank() ? null : title.getText().trim();
        return Optional.of(new ExportRequest(file.toPath(), svg, scale, area.getSelectionModel().getSelectedIndex() == 1,
                t, legend.isSelected(), COLLAPSE.get(Math.max(0, collapse.getSelectionModel().getSelectedIndex()))));
    }
}
