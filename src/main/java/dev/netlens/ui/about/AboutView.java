package dev.netlens.ui.about;

import dev.netlens.about.AboutInfo;
import dev.netlens.about.Library;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Help > About: the version, and every bundled library with its licence. */
public final class AboutView {
    private final AboutInfo info;

    public AboutView(AboutInfo info) {
        this.info = info;
    }

    /** The dialog's content, also for tests. */
    public VBox content() {
        Label title = new Label(info.name() + " " + info.version());
        title.setId("about-title");
        title.setStyle("-fx-font-size: 20px; -fx-font-weight: bold;");
        Label what = new Label("Draws Docker networking as the kernel really has it. Bundled libraries and their licences:");
        what.setWrapText(true);
        TableView<Library> table = new TableView<>();
        table.setId("about-libraries");
        table.getColumns().add(column("Library", l -> l.group() + ":" + l.artifact()));
        table.getColumns().add(column("Version", Library::version));
        table.getColumns().add(column("Licence", Library::licence));
        table.getItems().setAll(info.libraries());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPrefSize(760, 420);
        VBox box = new VBox(10, title, what, table);
        box.setPadding(new Insets(12));
        return box;
    }

    private static TableColumn<Library, String> column(String name, java.util.function.Function<Library, String> value) {
        TableColumn<Library, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())).getReadOnlyProperty());
        return c;
    }

    public void show(Window owner) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("About " + info.name());
        dialog.getDialogPane().setContent(content());
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.show();
    }
}
