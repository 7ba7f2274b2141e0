package dev.netlens.ui;

import dev.netlens.ui.language.I18n;
import dev.netlens.ui.present.PresentationViewModel;
import dev.netlens.ui.selection.SelectionModel;
import dev.netlens.ui.topology.TopologyCanvasView;
import dev.netlens.ui.trace.TraceDestinationDialog;
import dev.netlens.ui.trace.TraceViewModel;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * Starting a packet trace from the canvas: "Trace from here" in the context menu of a container,
 * interface, port or host (and Trace > Trace from selected, Ctrl+T), then a click on the destination
 * or Trace > ... to an address (Ctrl+Shift+T, a small dialog). While picking, a band over the canvas
 * says so, and a click picks instead of selecting; Esc cancels. None of it while presenting.
 */
final class TraceControls {
    /** A press that moves less than this many pixels before its release is a click, not a pan. */
    private static final double CLICK_SLOP = 5;
    private final TraceViewModel vm;
    private final TopologyCanvasView canvas;
    private final SelectionModel selection;
    private final PresentationViewModel presentation;
    private final I18n i18n;
    private final Runnable showTab;
    private final HBox band;
    private Point2D pressedAt;

    TraceControls(TraceViewModel vm, TopologyCanvasView canvas, SelectionModel selection, PresentationViewModel presentation,
                  I18n i18n, Runnable showTab) {
        this.vm = vm;
        this.canvas = canvas;
        this.selection = selection;
        this.presentation = presentation;
        this.i18n = i18n;
        this.showTab = showTab;
        canvas.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> pressedAt = new Point2D(e.getX(), e.getY()));
        canvas.addEventFilter(MouseEvent.MOUSE_RELEASED, this::released);
        Label hint = new Label();
        hint.setId("trace-pick-hint");
        hint.textProperty().bind(vm.pickHintProperty());
        hint.setWrapText(true);
        Button address = new Button();
        address.setId("trace-pick-address");
        address.textProperty().bind(text("trace.toAddress.button"));
        address.setOnAction(e -> askAddress());
        Button cancel = new Button();
        cancel.setId("trace-pick-cancel");
        cancel.textProperty().bind(text("trace.cancel"));
        cancel.setOnAction(e -> vm.cancelPicking());
        band = new HBox(hint, address, cancel);
        band.getStyleClass().add("trace-pick-hint");
        band.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        band.visibleProperty().bind(vm.pickingProperty().and(presentation.activeProperty().not()));
        band.managedProperty().bind(band.visibleProperty());
        StackPane.setAlignment(band, Pos.TOP_CENTER);
    }

    /** The band shown over the canvas while a destination is being picked. */
    HBox band() {
        return band;
    }

    /** While picking, a click on the canvas picks the destination and selects nothing. */
    private void released(MouseEvent e) {
        if (!vm.isPicking() || presentation.isActive() || e.getButton() != MouseButton.PRIMARY || pressedAt == null) {
            return;
        }
        if (pressedAt.distance(e.getX(), e.getY()) > CLICK_SLOP) {
            return; // a pan
        }
        String id = canvas.vertexUnder(e.getX(), e.getY(), e.getPickResult());
        if (id != null) {
            vm.pickDestination(id);
        }
        e.consume();
    }

    /** The context menu's items for a right-click on {@code id} (or on nothing). */
    List<MenuItem> menuItems(String id) {
        List<MenuItem> items = new ArrayList<>();
        if (presentation.isActive()) {
            return items;
        }
        if (vm.isPicking()) {
            if (id != null) {
                items.add(item("context.traceTo", "ctx-trace-to", () -> vm.pickDestination(id)));
            }
            items.add(item("trace.cancel", "ctx-trace-cancel", vm::cancelPicking));
            return items;
        }
        if (vm.canStartAt(id)) {
            items.add(item("context.traceFrom", "ctx-trace-from", () -> startFrom(id)));
            items.add(item("context.traceFromToAddress", "ctx-trace-from-address", () -> {
                startFrom(id);
                askAddress();
            }));
        }
        if (vm.request() != null) {
            items.add(item("menu.trace.clear", "ctx-trace-clear", vm::clear));
        }
        return items;
    }

    /** The Trace menu: from the selection (Ctrl+T), from it to an address (Ctrl+Shift+T), clear. */
    Menu menu() {
        Menu m = new Menu();
        m.setId("menu-trace");
        m.textProperty().bind(text("menu.trace"));
        MenuItem from = item("menu.trace.fromSelected", "menu-trace-from", this::startFromSelection);
        from.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN));
        MenuItem toAddress = item("menu.trace.toAddress", "menu-trace-address", () -> {
            if (startFromSelection()) {
                askAddress();
            }
        });
        toAddress.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        MenuItem clear = item("menu.trace.clear", "menu-trace-clear", vm::clear);
        m.getItems().addAll(from, toAddress, clear);
        return m;
    }

    /** Ctrl+T: "Trace from here" on the selected vertex. */
    boolean startFromSelection() {
        if (presentation.isActive()) {
            return false;
        }
        return startFrom(selection.selected());
    }

    boolean startFrom(String id) {
        boolean started = vm.startFrom(id);
        showTab.run();
        return started;
    }

    private void askAddress() {
        if (!vm.isPicking()) {
            return;
        }
        String from = vm.pickingFrom();
        TraceDestinationDialog.ask(canvas.getScene() == null ? null : canvas.getScene().getWindow(), i18n, from)
                .ifPresentOrElse(d -> {
                    if (vm.traceTo(d.address(), d.port(), d.protocol())) {
                        showTab.run();
                    }
                }, () -> { });
    }

    private MenuItem item(String key, String id, Runnable action) {
        return i18n.menuItem(key, id, action);
    }

    private javafx.beans.binding.StringBinding text(String key) {
        return i18n.text(key);
    }
}
