package dev.netlens.ui;

import dev.netlens.ui.state.CollapseState;

import dev.netlens.render.Theme;
import dev.netlens.ui.file.FileViewModel;
import dev.netlens.ui.language.I18n;
import dev.netlens.ui.present.PresentationViewModel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The window's menu bar (File, View), labelled in the UI language and relabelled when it changes.
 * View also collapses and expands: the selection (Ctrl+Shift+C / Ctrl+Shift+E), everything, and
 * "Collapse groups larger than" 5, 10, 20, 50 containers or never.
 */
final class WindowMenus {
    /** What the menu items do that needs the window (dialogs, the canvas). */
    interface Actions {
        void open();

        void save();

        void export();

        void quickPng();

        void present();
    }

    /** Collapsing and expanding (see {@link CollapseControls}). */
    interface Folding {
        void collapseSelected();

        void expandSelected();

        void expandAll();

        /** Groups larger than {@code n} collapsed, now and in later snapshots; null: never. */
        void collapseGroupsLargerThan(Integer n);

        javafx.beans.property.ReadOnlyObjectProperty<Integer> largerThanProperty();
    }

    private final I18n i18n;
    private final MenuBar bar = new MenuBar();
    private final Menu view = new Menu();
    private final Menu file = new Menu();

    WindowMenus(I18n i18n, FileViewModel files, PresentationViewModel presentation, Actions actions,
                Folding folding, Consumer<Path> openRecent) {
        this.i18n = i18n;
        bar.setId("menu-bar");
        file.setId("menu-file");
        MenuItem open = item("menu.open", "open", actions::open, new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        Menu recent = new Menu();
        recent.setId("recent");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (Path p : files.recent().files()) {
                MenuItem i = new MenuItem(p.toString());
                i.setMnemonicParsing(false);
                i.setOnAction(e -> openRecent.accept(p));
                recent.getItems().add(i);
            }
            if (recent.getItems().isEmpty()) {
                MenuItem none = new MenuItem(i18n.get("menu.recent.empty"));
                none.setDisable(true);
                recent.getItems().add(none);
            }
        };
        files.recent().files().addListener((ListChangeListener<Path>) c -> fillRecent.run());
        MenuItem save = item("menu.save", "save", actions::save,
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        MenuItem export = item("menu.export", "export", actions::export,
                new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        MenuItem quick = item("menu.quickPng", "quick-png", actions::quickPng,
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        MenuItem live = item("menu.live", "back-to-live", files::backToLive, null);
        live.disableProperty().bind(files.openFileProperty().isNull());
        file.getItems().addAll(open, recent, save, new SeparatorMenuItem(), export, quick, new SeparatorMenuItem(), live);

        view.setId("menu-view");
        MenuItem present = item("menu.present", "present", actions::present, new KeyCodeCombination(KeyCode.F5));
        Menu theme = new Menu();
        ToggleGroup themes = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem r = new RadioMenuItem();
            r.setToggleGroup(themes);
            r.setSelected(presentation.themeProperty().get() == t);
            r.setOnAction(e -> presentation.themeProperty().set(t));
            presentation.themeProperty().addListener((o, a, b) -> r.setSelected(b == t));
            relabel(r, "menu.theme." + t.name());
            theme.getItems().add(r);
        }
        Menu zoom = new Menu();
        ToggleGroup zooms = new ToggleGroup();
        for (double z : new double[] {1, 1.5, 2, 2.5, 3}) {
            RadioMenuItem r = new RadioMenuItem(String.format(Locale.ROOT, "%.1fx", z).replace(".0x", "x"));
            r.setToggleGroup(zooms);
            r.setSelected(presentation.zoomProperty().get() == z);
            r.setOnAction(e -> presentation.zoomProperty().set(z));
            presentation.zoomProperty().addListener((o, a, b) -> r.setSelected(b.doubleValue() == z));
            zoom.getItems().add(r);
        }
        Menu language = new Menu();
        ToggleGroup languages = new ToggleGroup();
        for (Locale l : I18n.SUPPORTED) {
            RadioMenuItem r = new RadioMenuItem(I18n.nameOf(l));
            r.setToggleGroup(languages);
            r.setSelected(i18n.localeProperty().get().equals(l));
            r.setOnAction(e -> i18n.setLocale(l));
            i18n.localeProperty().addListener((o, a, b) -> r.setSelected(b.equals(l)));
            language.getItems().add(r);
        }
        MenuItem collapse = item("menu.collapseSelected", "collapse-selected", folding::collapseSelected,
                new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        MenuItem expand = item("menu.expandSelected", "expand-selected", folding::expandSelected,
                new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        MenuItem expandAll = item("menu.expandAll", "expand-all", folding::expandAll, null);
        Menu larger = new Menu();
        larger.setId("collapse-larger");
        ToggleGroup thresholds = new ToggleGroup();
        java.util.List<Integer> choices = new java.util.ArrayList<>(CollapseState.THRESHOLDS);
        choices.add(null);
        for (Integer n : choices) {
            RadioMenuItem r = new RadioMenuItem();
            r.setId(n == null ? "collapse-larger-never" : "collapse-larger-" + n);
            r.setToggleGroup(thresholds);
            r.setSelected(java.util.Objects.equals(folding.largerThanProperty().get(), n));
            r.setOnAction(e -> folding.collapseGroupsLargerThan(n));
            folding.largerThanProperty().addListener((o, a, b) -> r.setSelected(java.util.Objects.equals(b, n)));
            if (n == null) {
                relabel(r, "menu.collapseLarger.never");
                larger.getItems().add(new SeparatorMenuItem());
            } else {
                r.setText(i18n.get("menu.collapseLarger.n", n));
                i18n.localeProperty().addListener(o -> r.setText(i18n.get("menu.collapseLarger.n", n)));
            }
            larger.getItems().add(r);
        }
        view.getItems().addAll(present, theme, zoom, language, new SeparatorMenuItem(), collapse, expand, expandAll,
                larger);
        relabel(file, "menu.file");
        relabel(recent, "menu.recent");
        relabel(view, "menu.view");
        relabel(theme, "menu.theme");
        relabel(zoom, "menu.zoom");
        relabel(language, "menu.language");
        relabel(larger, "menu.collapseLarger");
        i18n.localeProperty().addListener(o -> fillRecent.run());
        fillRecent.run();
        bar.getMenus().addAll(file, view);
    }

    private MenuItem item(String key, String id, Runnable action, KeyCombination accelerator) {
        MenuItem i = new MenuItem();
        i.setId(id);
        i.setOnAction(e -> action.run());
        if (accelerator != null) {
            i.setAccelerator(accelerator);
        }
        relabel(i, key);
        return i;
    }

    private void relabel(MenuItem item, String key) {
        item.setText(i18n.get(key));
        i18n.localeProperty().addListener(o -> item.setText(i18n.get(key)));
    }

    MenuBar bar() {
        return bar;
    }

    /** The File menu, for the window's own additions (the engine chooser). */
    Menu file() {
        return file;
    }

    /** The View menu, for the window's own additions (traffic sampling). */
    Menu view() {
        return view;
    }
}
