package dev.netlens.ui.present;

import dev.netlens.ui.legend.LegendView;
import dev.netlens.ui.topology.TopologyCanvasView;
import dev.netlens.ui.topology.TopologyCanvasViewModel;
import javafx.animation.AnimationTimer;
import javafx.animation.FadeTransition;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.transform.Scale;
import javafx.util.Duration;

/**
 * What presentation mode lays over the canvas: the reveal caption, a large legend, the teacher's
 * fading pointer (press and drag) and the pinned node's callout. Mouse-transparent except where
 * the pointer is drawn, so the canvas keeps its clicks.
 */
public final class PresentationView extends StackPane {
    private static final PseudoClass PINNED = PseudoClass.getPseudoClass("pinned");
    private static final Duration POINTER_FADE = Duration.millis(1200);
    private final PresentationViewModel vm;
    private final TopologyCanvasView canvas;
    private final TopologyCanvasViewModel canvasModel;
    private final Pane pointer = new Pane();
    private final Label caption = new Label();
    private final Label hint = new Label();
    private final VBox legend = new VBox();
    private VBox band;
    private final VBox callout = new VBox();
    private final Pane calloutLayer = new Pane(callout);
    private final AnimationTimer follow = new AnimationTimer() {
        @Override
        public void handle(long now) {
            placeCallout();
        }
    };
    private String pinnedShown;
    private boolean pointerDragged;

    public PresentationView(PresentationViewModel vm, TopologyCanvasView canvas, TopologyCanvasViewModel canvasModel) {
        this.vm = vm;
        this.canvas = canvas;
        this.canvasModel = canvasModel;
        getStyleClass().add("presentation-overlay");
        setPickOnBounds(false);
        pointer.setMouseTransparent(true);
        calloutLayer.setMouseTransparent(true);
        calloutLayer.setPickOnBounds(false);

        caption.getStyleClass().add("reveal-caption");
        caption.textProperty().bind(vm.captionProperty());
        hint.getStyleClass().add("reveal-hint");
        hint.textProperty().bind(vm.hintProperty());
        band = new VBox(caption, hint);
        band.getStyleClass().add("caption-band");
        band.setMaxHeight(Region.USE_PREF_SIZE);
        band.setMaxWidth(Double.MAX_VALUE);
        band.setMouseTransparent(true);
        StackPane.setAlignment(band, Pos.BOTTOM_CENTER);
        StackPane.setMargin(band, new Insets(0, 24, 20, 24));

        legend.getStyleClass().add("large-legend");
        legend.getChildren().add(new LegendView(vm.reveal().localeProperty()));
        legend.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        legend.setMouseTransparent(true);
        legend.visibleProperty().bind(vm.legendShownProperty());
        Scale legendScale = new Scale(1, 1, 0, 0);
        legend.getTransforms().add(legendScale);
        StackPane.setAlignment(legend, Pos.TOP_RIGHT);
        StackPane.setMargin(legend, new Insets(16, 16, 0, 0));

        callout.getStyleClass().add("callout");
        callout.setVisible(false);

        getChildren().addAll(pointer, legend, calloutLayer, band);
        vm.zoomProperty().addListener((o, a, b) -> applyZoom(legendScale));
        applyZoom(legendScale);
        vm.pinnedProperty().addListener((o, a, b) -> showPinned(b));
        vm.activeProperty().addListener((o, a, b) -> setVisible(b));
        setVisible(vm.isActive());

        canvas.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            pointerDragged = false;
            pointerAt(e);
        });
        canvas.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (vm.isActive() && e.getButton() == MouseButton.PRIMARY) {
                pointerDragged = true;
                pointerAt(e);
                e.consume(); // the pointer, not a pan
            }
        });
        canvas.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (vm.isActive() && pointerDragged) {
                e.consume(); // a pointer stroke selects nothing
            }
        });
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (vm.isActive() && e.getClickCount() == 2 && e.getButton() == MouseButton.PRIMARY) {
                vm.togglePin(canvasModel.selection().selected());
            }
        });
    }

    /** The caption and callout text grow with the zoom; the legend a little (it must still fit). */
    private void applyZoom(Scale legendScale) {
        double z = vm.zoomProperty().get();
        // Text grows with the zoom, but slower than the drawing: the caption must leave the picture room.
        setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", 16 * (1 + (z - 1) * 0.4)));
        double s = 1 + (z - 1) * 0.3;
        legendScale.setX(s);
        legendScale.setY(s);
        legendScale.setPivotX(legend.getWidth());
    }

    private int pointerMarksDrawn;

    private void pointerAt(MouseEvent e) {
        if (!vm.isActive() || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        Point2D p = pointer.sceneToLocal(e.getSceneX(), e.getSceneY());
        double z = vm.zoomProperty().get();
        Circle dot = new Circle(p.getX(), p.getY(), 14 * z);
        dot.getStyleClass().add("pointer-dot");
        pointer.getChildren().add(dot);
        pointerMarksDrawn++;
        FadeTransition fade = new FadeTransition(POINTER_FADE, dot);
        fade.setFromValue(0.8);
        fade.setToValue(0);
        fade.setOnFinished(x -> pointer.getChildren().remove(dot));
        fade.play();
    }

    /** How many pointer marks were drawn since the view was made (for tests: a slow machine sees them fade first). */
    public int pointerMarksDrawn() {
        return pointerMarksDrawn;
    }

    /** The number of pointer marks still fading (for tests). */
    public int pointerMarks() {
        return pointer.getChildren().size();
    }

    private void showPinned(String id) {
        if (pinnedShown != null) {
            canvas.viewOf(pinnedShown).ifPresent(v -> v.pseudoClassStateChanged(PINNED, false));
        }
        pinnedShown = id;
        if (id == null) {
            callout.setVisible(false);
            follow.stop();
            return;
        }
        canvas.viewOf(id).ifPresent(v -> v.pseudoClassStateChanged(PINNED, true));
        String[] lines = canvasModel.tooltip(id).split("\n");
        callout.getChildren().clear();
        for (int i = 0; i < lines.length; i++) {
            Label l = new Label(lines[i]);
            l.getStyleClass().add(i == 0 ? "callout-title" : "callout-line");
            callout.getChildren().add(l);
        }
        callout.setVisible(true);
        placeCallout();
        follow.start();
    }

    private void placeCallout() {
        if (pinnedShown == null) {
            return;
        }
        Node v = canvas.viewOf(pinnedShown).orElse(null);
        if (v == null) {
            return;
        }
        callout.applyCss();
        callout.autosize();
        Bounds b = calloutLayer.sceneToLocal(v.localToScene(v.getBoundsInLocal()));
        double w = callout.getWidth();
        double h = callout.getHeight();
        double x = b.getMaxX() + 24;
        if (x + w > getWidth() - 8) {
            x = Math.max(8, b.getMinX() - 24 - w);
        }
        double y = Math.max(8, Math.min(b.getMinY() - 8, getHeight() - h - 8));
        callout.relocate(x, y);
    }

    /** Room the overlays take at the right (the legend) and bottom (the caption), for fitting the drawing beside them. */
    public double[] insets() {
        applyCss();
        layout();
        double right = legend.isVisible() ? legend.getBoundsInParent().getWidth() + 32 : 0;
        double bottom = band.getHeight() + 28;
        return new double[] {right, bottom};
    }

    public VBox callout() {
        return callout;
    }

    public Label caption() {
        return caption;
    }

    public VBox legend() {
        return legend;
    }
}
