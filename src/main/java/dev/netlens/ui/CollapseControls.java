package dev.netlens.ui;

import dev.netlens.ui.state.TopologyState;

import dev.netlens.graph.Collapse;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.ui.language.I18n;
import dev.netlens.ui.present.PresentationViewModel;
import dev.netlens.ui.selection.SelectionModel;
import dev.netlens.ui.topology.TopologyCanvasView;
import java.util.Optional;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * Collapsing and expanding from the canvas: a double-click on a group's frame or a bridge collapses
 * it and on a summary expands it; the context menu offers the same ("Collapse “shop”", "Expand
 * “shop”", on a shape inside a group its group) and "Expand all", below what other controls add
 * (the trace's "Trace from here"); the View menu's items act on the selection. None of it while
 * presenting: there a double-click pins a callout.
 */
final class CollapseControls implements WindowMenus.Folding {
    /** What a gesture on a vertex folds or unfolds: {@code id} as {@link TopologyState#collapse}/{@code expand} take it. */
    record Fold(String id, boolean expand, String name) {
    }

    private final TopologyState state;
    private final SelectionModel selection;
    private final PresentationViewModel presentation;
    private final I18n i18n;
    private final ContextMenu menu = new ContextMenu();
    private final java.util.List<java.util.function.Function<String, java.util.List<MenuItem>>> contributors =
            new java.util.ArrayList<>();
    /** The vertex to select when the frame that has it arrives (the summary just made, the group just opened). */
    private String selectWhenShown;

    CollapseControls(TopologyState state, SelectionModel selection, TopologyCanvasView canvas,
                     PresentationViewModel presentation, I18n i18n) {
        this.state = state;
        this.selection = selection;
        this.presentation = presentation;
        this.i18n = i18n;
        menu.setId("collapse-menu");
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (!presentation.isActive() && e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2
                    && e.isStillSincePress()) {
                target(state.frame().graph(), canvas.vertexUnder(e.getX(), e.getY(), e.getPickResult()), false)
                        .ifPresent(this::apply);
                e.consume();
            }
        });
        canvas.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            menu.hide();
            if (!presentation.isActive() && fill(canvas.vertexUnder(e.getX(), e.getY(), e.getPickResult()))) {
                menu.show(canvas, e.getScreenX(), e.getScreenY());
            }
            e.consume();
        });
        state.frameProperty().addListener((o, a, b) -> {
            if (selectWhenShown != null && b.graph().node(selectWhenShown).isPresent()) {
                selection.select(selectWhenShown);
                selectWhenShown = null;
            }
        });
    }

    /**
     * What a gesture on {@code id} folds or unfolds in {@code g}: a summary expands what it stands
     * for, a group, bridge or network collapses; with {@code enclosing}, a shape inside a group
     * collapses that group.
     */
    static Optional<Fold> target(TopologyGraph g, String id, boolean enclosing) {
        if (id == null) {
            return Optional.empty();
        }
        TopoNode n = g.node(id).orElse(null);
        if (n == null) {
            return Optional.empty();
        }
        if (n.kind() == NodeKind.SUMMARY) {
            return Optional.of(new Fold(n.ref(), true, n.label()));
        }
        if (Collapse.collapsible(g, id)) {
            return Optional.of(new Fold(id, false, nameOf(g, n)));
        }
        if (enclosing) {
            for (String a : g.ancestors(id)) {
                TopoNode box = g.node(a).orElse(null);
                if (box != null && box.kind() == NodeKind.GROUP) {
                    return Optional.of(new Fold(a, false, box.label()));
                }
            }
        }
        return Optional.empty();
    }

    /** A bridge goes by its network's name when it carries one (docker0: "bridge"). */
    private static String nameOf(TopologyGraph g, TopoNode n) {
        if (n.kind() == NodeKind.BRIDGE) {
            for (TopoNode v : g.nodes()) {
                if (v.kind() == NodeKind.NETWORK && g.representative(v.id()).equals(n.id())) {
                    return v.label();
                }
            }
        }
        return n.label();
    }

    private void apply(Fold f) {
        TopologyGraph whole = state.frame().whole();
        if (f.expand()) {
            selectWhenShown = whole.representative(f.id()); // the group's frame again; a network: its bridge
            state.expand(f.id());
        } else {
            selectWhenShown = Collapse.summaryId(whole.node(f.id()).isPresent() ? whole.representative(f.id()) : f.id());
            state.collapse(f.id());
        }
    }

    /** Items other controls add to the context menu for a vertex (or null), above the collapsing ones. */
    void addMenuItems(java.util.function.Function<String, java.util.List<MenuItem>> items) {
        contributors.add(items);
    }

    /** Fills the context menu for a right-click on {@code id} (or on nothing); false when it would be empty. */
    private boolean fill(String id) {
        menu.getItems().clear();
        for (var c : contributors) {
            menu.getItems().addAll(c.apply(id));
        }
        if (!menu.getItems().isEmpty()) {
            menu.getItems().add(new SeparatorMenuItem());
        }
        int before = menu.getItems().size();
        TopologyGraph g = state.frame().graph();
        target(g, id, true).ifPresent(f -> {
            MenuItem item = new MenuItem(i18n.get(f.expand() ? "context.expand" : "context.collapse", f.name()));
            item.setId(f.expand() ? "ctx-expand" : "ctx-collapse");
            item.setMnemonicParsing(false);
            item.setOnAction(e -> apply(f));
            menu.getItems().add(item);
        });
        if (anyFolded()) {
            if (menu.getItems().size() > before) {
                menu.getItems().add(new SeparatorMenuItem());
            }
            MenuItem all = new MenuItem(i18n.get("menu.expandAll"));
            all.setId("ctx-expand-all");
            all.setOnAction(e -> expandAll());
            menu.getItems().add(all);
        }
        if (menu.getItems().size() == before && before > 0) {
            menu.getItems().remove(before - 1); // no collapsing items: no separator before them
        }
        return !menu.getItems().isEmpty();
    }

    private boolean anyFolded() {
        return state.frame().graph().nodes().stream().anyMatch(n -> n.kind() == NodeKind.SUMMARY);
    }

    /** The canvas's context menu (for tests). */
    ContextMenu contextMenu() {
        return menu;
    }

    @Override
    public void collapseSelected() {
        if (!presentation.isActive()) {
            target(state.frame().graph(), selection.selected(), true).filter(f -> !f.expand()).ifPresent(this::apply);
        }
    }

    @Override
    public void expandSelected() {
        if (!presentation.isActive()) {
            target(state.frame().graph(), selection.selected(), false).filter(Fold::expand).ifPresent(this::apply);
        }
    }

    @Override
    public void expandAll() {
        state.expandAll();
    }

    @Override
    public void collapseGroupsLargerThan(Integer n) {
        state.collapseGroupsLargerThan(n);
    }

    @Override
    public javafx.beans.property.ReadOnlyObjectProperty<Integer> largerThanProperty() {
        return state.collapseState().largerThanProperty();
    }
}
