package dev.netlens.ui;

import dev.netlens.ui.state.TopologyFrame;

import dev.netlens.render.Palette;
import dev.netlens.render.Theme;
import dev.netlens.ui.file.ExportDialog;
import dev.netlens.ui.file.ExportRequest;
import dev.netlens.ui.file.FileViewModel;
import dev.netlens.ui.file.PictureSource;
import dev.netlens.ui.language.I18n;
import dev.netlens.ui.present.PresentationCamera;
import dev.netlens.ui.present.PresentationView;
import dev.netlens.ui.present.PresentationViewModel;
import dev.netlens.ui.topology.TopologyCanvasView;
import dev.netlens.ui.topology.TopologyCanvasViewModel;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The window around the canvas: theme stylesheet, message banner, export progress, drag and drop
 * of snapshot files, the File menu's dialogs, and presentation mode (chrome hidden, full screen,
 * keys for the reveal). Kept apart from {@link MainWindow} so panels can be added there freely.
 */
final class WindowChrome implements WindowMenus.Actions {
    private final BorderPane root;
    private final TopologyCanvasView canvas;
    private final TopologyCanvasViewModel canvasModel;
    private final PresentationViewModel presentation;
    private final FileViewModel files;
    private final I18n i18n;
    private final Label message = new Label();
    private final HBox banner;
    private final HBox progress;
    private String themeSheet;
    /** What Esc undoes before the selection (a trace being picked, then a trace shown): true when it did something. */
    private java.util.function.BooleanSupplier escapeFirst = () -> false;
    private Node savedTop;
    private Node savedRight;
    private Node savedBottom;

    WindowChrome(BorderPane root, TopologyCanvasView canvas, TopologyCanvasViewModel canvasModel,
                 PresentationViewModel presentation, FileViewModel files, I18n i18n) {
        this.root = root;
        this.canvas = canvas;
        this.canvasModel = canvasModel;
        this.presentation = presentation;
        this.files = files;
        this.i18n = i18n;
        message.setId("message");
        message.setWrapText(true);
        message.textProperty().bind(files.messageProperty());
        Button close = new Button("✕");
        close.setOnAction(e -> files.dismissMessage());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        banner = new HBox(message, grow, close);
        banner.setId("banner");
        banner.getStyleClass().add("message-banner");
        banner.setMaxHeight(Region.USE_PREF_SIZE);
        banner.visibleProperty().bind(files.messageProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        files.messageIsErrorProperty().addListener((o, a, b) -> banner.setStyle(b ? "" : "-fx-background-color: -nl-blue;"));
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(files.progressProperty());
        bar.setPrefWidth(260);
        progress = new HBox(new Label("PNG"), bar);
        progress.setId("export-progress");
        progress.getStyleClass().add("export-progress");
        progress.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        progress.visibleProperty().bind(files.progressProperty().greaterThanOrEqualTo(0));

        applyTheme(presentation.themeProperty().get());
        Runnable language = () -> {
            root.getStyleClass().remove("lang-ko");
            if ("ko".equals(i18n.localeProperty().get().getLanguage())) {
                root.getStyleClass().add("lang-ko"); // a font with Hangul (fonts-noto-cjk)
            }
        };
        i18n.localeProperty().addListener(o -> language.run());
        language.run();
        presentation.legendShownProperty().addListener(o -> refitLater());
        presentation.themeProperty().addListener((o, a, b) -> applyTheme(b));
        presentation.zoomProperty().addListener((o, a, b) -> {
            if (presentation.isActive()) {
                fitPresentation();
            }
        });
        canvas.widthProperty().addListener(o -> refitLater());
        canvas.heightProperty().addListener(o -> refitLater());
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            List<File> dropped = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            if (!dropped.isEmpty()) {
                files.open(dropped.get(0).toPath());
            }
            e.setDropCompleted(!dropped.isEmpty());
            e.consume();
        });
    }

    private PresentationCamera camera;

    /** Frames the current reveal step beside the legend and above the caption, at once (see {@link PresentationCamera}). */
    private void fitPresentation() {
        if (camera != null) {
            camera.frameStep(false);
        }
    }

    /** Esc outside presentation asks this first; the selection is cleared only when it did nothing. */
    void escapeFirst(java.util.function.BooleanSupplier action) {
        escapeFirst = action;
    }

    PresentationCamera camera() {
        return camera;
    }

    StackPane centre(PresentationView overlay) {
        camera = new PresentationCamera(presentation, canvas, canvasModel, overlay);
        StackPane.setAlignment(banner, Pos.TOP_CENTER);
        StackPane.setAlignment(progress, Pos.BOTTOM_LEFT);
        StackPane.setMargin(progress, new Insets(12));
        StackPane centre = new StackPane(canvas, overlay, banner, progress);
        centre.setMinSize(0, 0);
        return centre;
    }

    private void applyTheme(Theme theme) {
        if (themeSheet != null) {
            root.getStylesheets().remove(themeSheet);
        }
        themeSheet = "data:text/css;base64,"
                + Base64.getEncoder().encodeToString(Palette.css(theme).getBytes(StandardCharsets.UTF_8));
        root.getStylesheets().add(0, themeSheet);
        root.getStyleClass().removeIf(c -> c.startsWith("theme-"));
        root.getStyleClass().add(theme.styleClass());
    }

    private void refitLater() {
        if (presentation.isActive()) {
            Platform.runLater(this::fitPresentation);
        }
    }

    void onKey(KeyEvent e) {
        if (!presentation.isActive()) {
            if (e.getCode() == KeyCode.F5) {
                present();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE && !e.isShortcutDown() && !editingText() && escapeFirst.getAsBoolean()) {
                e.consume(); // a trace being picked or shown went first
            } else if (e.getCode() == KeyCode.ESCAPE && !e.isShortcutDown() && canvasModel.selection().selected() != null
                    && !editingText()) {
                canvasModel.selection().clear();
                e.consume();
            }
            return;
        }
        if (e.isShiftDown() && e.getCode().isArrowKey()) {
            // Shift+arrows pan (to the part of a step larger than the screen); the plain arrows step.
            double dx = canvas.getWidth() / 4;
            double dy = canvas.getHeight() / 4;
            switch (e.getCode()) {
                case LEFT, KP_LEFT -> canvas.panBy(-dx, 0);
                case RIGHT, KP_RIGHT -> canvas.panBy(dx, 0);
                case UP, KP_UP -> canvas.panBy(0, -dy);
                default -> canvas.panBy(0, dy);
            }
            e.consume();
            return;
        }
        // The reveal's layers, or a shown trace's hops (the view-model knows which).
        switch (e.getCode()) {
            case ESCAPE -> leave();
            case RIGHT, DOWN, PAGE_DOWN, SPACE -> presentation.next();
            case LEFT, UP, PAGE_UP, BACK_SPACE -> presentation.previous();
            case HOME -> presentation.first();
            case END -> presentation.last();
            case L -> presentation.legendShownProperty().set(!presentation.legendShownProperty().get());
            case P -> presentation.togglePin(canvasModel.selection().selected());
            case PLUS, EQUALS, ADD -> presentation.zoomProperty().set(presentation.zoomProperty().get() + 0.5);
            case MINUS, SUBTRACT -> presentation.zoomProperty().set(presentation.zoomProperty().get() - 0.5);
            case F5 -> { }
            default -> {
                return;
            }
        }
        e.consume();
    }

    /**
     * Whether Esc belongs to a text field: one with the keyboard and text in it (the search box
     * being typed in). An empty one, or any other control, lets Esc clear the selection.
     */
    private boolean editingText() {
        Node owner = root.getScene() == null ? null : root.getScene().getFocusOwner();
        return owner instanceof TextInputControl t && t.isEditable() && !t.getText().isEmpty();
    }

    @Override
    public void present() {
        if (presentation.isActive()) {
            return;
        }
        // The selection's dimming belongs to the desk, not the class: the presentation starts on a clean picture.
        canvasModel.selection().clear();
        savedTop = root.getTop();
        savedRight = root.getRight();
        savedBottom = root.getBottom();
        root.setTop(null);
        root.setRight(null);
        root.setBottom(null);
        presentation.enter();
        stage().ifPresent(s -> {
            s.setFullScreenExitHint("");
            s.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            s.setFullScreen(true);
        });
        root.applyCss();
        root.layout();
        fitPresentation();
        canvas.requestFocus();
    }

    void leave() {
        if (!presentation.isActive()) {
            return;
        }
        presentation.leave();
        root.setTop(savedTop);
        root.setRight(savedRight);
        root.setBottom(savedBottom);
        stage().ifPresent(s -> s.setFullScreen(false));
        root.applyCss();
        root.layout();
        canvas.fitToWindow();
    }

    private java.util.Optional<Stage> stage() {
        Window w = root.getScene() == null ? null : root.getScene().getWindow();
        return w instanceof Stage s ? java.util.Optional.of(s) : java.util.Optional.empty();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private FileChooser jsonChooser() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Netlens snapshot (JSON)", "*.json"));
        return chooser;
    }

    @Override
    public void open() {
        File f = jsonChooser().showOpenDialog(window());
        if (f != null) {
            files.open(f.toPath());
        }
    }

    @Override
    public void save() {
        FileChooser chooser = jsonChooser();
        chooser.setInitialFileName("netlens-snapshot.json");
        File f = chooser.showSaveDialog(window());
        if (f != null) {
            files.save(f.toPath());
        }
    }

    @Override
    public void export() {
        ExportDialog.ask(window(), i18n, files.recent().picturesFolder()).ifPresent(r -> {
            Path parent = r.file().toAbsolutePath().getParent();
            if (parent != null) {
                files.rememberPicturesFolder(parent);
            }
            files.export(r, pictureSource());
        });
    }

    @Override
    public void quickPng() {
        ExportRequest r = files.quickPng();
        files.export(r, pictureSource());
    }

    /** What the canvas shows now, for a picture drawn off the FX thread. */
    PictureSource pictureSource() {
        TopologyFrame f = canvasModel.frameProperty().get();
        return new PictureSource(f.graph(), f.layout(), canvasModel.visibleProperty().get(),
                canvasModel.revealMaskProperty().get(), canvas.visibleWorld(), presentation.themeProperty().get(),
                f.whole(), canvasModel.filter());
    }
}
