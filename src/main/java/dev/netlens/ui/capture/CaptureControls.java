package dev.netlens.ui.capture;

import dev.netlens.capture.CaptureException;
import dev.netlens.capture.CaptureSession;
import dev.netlens.capture.CaptureTarget;
import dev.netlens.capture.CaptureTargets;
import dev.netlens.capture.Wireshark;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.InterfaceKind;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.concurrent.BackgroundExecutor;
import dev.netlens.ui.language.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

/**
 * "Capture..." in the canvas's context menu of an interface (a VXLAN device also offers its underlay)
 * or a container, and Capture > Capture selected (Ctrl+K): opens a {@link CaptureDialog} on it.
 */
public final class CaptureControls {
    private final Supplier<TopologySnapshot> snapshot;
    private final Supplier<String> selected;
    private final Supplier<Window> owner;
    private final BackgroundExecutor executor;
    private final I18n i18n;

    public CaptureControls(Supplier<TopologySnapshot> snapshot, Supplier<String> selected, Supplier<Window> owner,
                           BackgroundExecutor executor, I18n i18n) {
        this.snapshot = snapshot;
        this.selected = selected;
        this.owner = owner;
        this.executor = executor;
        this.i18n = i18n;
    }

    /** The context menu's capture items for vertex {@code id}: none for what cannot be captured on. */
    public List<MenuItem> menuItems(String id) {
        List<MenuItem> items = new ArrayList<>();
        if (id == null) {
            return items;
        }
        TopologySnapshot s = snapshot.get();
        if (id.startsWith("if:")) {
            String iface = id.substring(3);
            items.add(item("context.capture", "ctx-capture", () -> open(() -> new CaptureTargets(s).forInterface(iface))));
            boolean vxlan = s.interfaces().stream().anyMatch(i -> i.id().equals(iface) && i.kind() == InterfaceKind.VXLAN);
            if (vxlan) {
                items.add(item("context.captureUnderlay", "ctx-capture-underlay", () -> open(() -> new CaptureTargets(s)
                        .underlayOf(iface).orElseThrow(() -> new CaptureException(CaptureException.Problem.NOT_FOUND,
                                i18n.get("capture.noUnderlay"))))));
            }
        } else if (id.startsWith("ctr:")) {
            container(s, id).ifPresent(c -> items.add(item("context.capture", "ctx-capture",
                    () -> open(() -> new CaptureTargets(s).forContainer(c.id())))));
        }
        return items;
    }

    /** Capture > Capture selected… (Ctrl+K). */
    public Menu menu() {
        Menu m = new Menu();
        m.setId("menu-capture");
        m.textProperty().bind(text("menu.capture"));
        MenuItem selectedItem = item("menu.capture.selected", "menu-capture-selected", this::captureSelected);
        selectedItem.setAccelerator(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN));
        m.getItems().add(selectedItem);
        return m;
    }

    /** Opens the dialog on the selected interface or container; says so when the selection is neither. */
    public void captureSelected() {
        List<MenuItem> items = menuItems(selected.get());
        if (items.isEmpty()) {
            tell(i18n.get("capture.selectFirst"));
            return;
        }
        items.get(0).fire();
    }

    private void open(Target target) {
        CaptureTarget t;
        try {
            t = target.resolve();
        } catch (CaptureException e) {
            tell(e.problem() == CaptureException.Problem.NOT_FOUND ? e.getMessage()
                    : i18n.get("capture.problem." + e.problem().key(), e.detail()));
            return;
        }
        CaptureViewModel vm = new CaptureViewModel(t, executor, CaptureSession::start, i18n, Wireshark.find());
        new CaptureDialog(vm, i18n).show(owner.get());
    }

    private void tell(String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text);
        a.setHeaderText(null);
        a.setTitle(i18n.get("menu.capture"));
        if (owner.get() != null) {
            a.initOwner(owner.get());
        }
        a.show();
    }

    private static Optional<Container> container(TopologySnapshot s, String vertex) {
        return s.containers().stream().filter(c -> vertex.equals("ctr:" + c.host() + "/" + c.id())).findFirst();
    }

    @FunctionalInterface
    private interface Target {
        CaptureTarget resolve() throws CaptureException;
    }

    private MenuItem item(String key, String id, Runnable action) {
        return i18n.menuItem(key, id, action);
    }

    private javafx.beans.binding.StringBinding text(String key) {
        return i18n.text(key);
    }
}
