package dev.netlens.ui;

import dev.netlens.ui.state.CollapseState;

import dev.netlens.ui.state.TopologyState;

import dev.netlens.layout.LayoutEngine;
import dev.netlens.layout.StableLayout;
import dev.netlens.layout.StackLayout;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.concurrent.BackgroundExecutor;
import dev.netlens.ui.concurrent.TaskRunner;
import dev.netlens.ui.concurrent.UiExecutors;
import dev.netlens.ui.status.TaskStatusView;
import javafx.scene.layout.HBox;
import dev.netlens.ui.dns.DnsPanelView;
import dev.netlens.ui.dns.DnsPanelViewModel;
import dev.netlens.ui.drivers.DriverPanelView;
import dev.netlens.ui.drivers.DriverPanelViewModel;
import dev.netlens.ui.file.FileViewModel;
import dev.netlens.ui.file.RecentFiles;
import dev.netlens.ui.firewall.FirewallPanelView;
import dev.netlens.ui.firewall.FirewallPanelViewModel;
import dev.netlens.ui.language.PanelTexts;
import dev.netlens.ui.language.UiLanguage;
import dev.netlens.ui.legend.LegendView;
import dev.netlens.ui.language.I18n;
import dev.netlens.ui.present.PresentationCamera;
import dev.netlens.ui.present.PresentationView;
import dev.netlens.ui.present.PresentationViewModel;
import dev.netlens.ui.present.RevealViewModel;
import dev.netlens.ui.properties.PropertyPanelView;
import dev.netlens.ui.properties.PropertyPanelViewModel;
import dev.netlens.ui.selection.SelectionModel;
import dev.netlens.ui.status.StatusBarView;
import dev.netlens.ui.status.StatusBarViewModel;
import dev.netlens.ui.topology.FxLabelMetrics;
import dev.netlens.ui.topology.TopologyCanvasView;
import dev.netlens.ui.topology.TopologyCanvasViewModel;
import dev.netlens.ui.trace.TraceView;
import dev.netlens.ui.trace.TraceViewModel;
import java.util.Objects;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The topology window's content: toolbar (search, filters, zoom) on top, the canvas in the middle,
 * details and legend on the right, status at the bottom. Panels share one {@link SelectionModel}
 * and one {@link TopologyState}; feed new snapshots with {@link #show}.
 */
public final class MainWindow {
    private static final PseudoClass NOT_FOUND = PseudoClass.getPseudoClass("not-found");
    /** The "all" choices: a leading space, which no Docker network name or host id can start with. */
    private static final String ALL_NETWORKS = " all networks";
    private static final String ALL_HOSTS = " all hosts";

    private final TopologyState state;
    private final SelectionModel selection = new SelectionModel();
    private final TopologyCanvasViewModel canvasModel;
    private final TopologyCanvasView canvas;
    private final PropertyPanelView properties;
    private final UiLanguage language;
    private final FirewallPanelView firewall;
    private final FirewallPanelViewModel firewallModel;
    private final DriverPanelView drivers;
    private final DnsPanelView dns;
    private final TabPane sideTabs = new TabPane();
    /** ControlsFX's clearable field: a clear button appears while there is text (styled by its CSS). */
    private final TextField search = org.controlsfx.control.textfield.TextFields.createClearableTextField();
    private final BorderPane root = new BorderPane();
    private final I18n i18n;
    private final PresentationViewModel presentation;
    private final PresentationView presentationView;
    private final FileViewModel files;
    private final WindowChrome chrome;
    private final BackgroundExecutor executor;
    /** Files, pictures and the lab: long tasks on their own executor, listed in the status bar with Cancel. */
    private final TaskRunner tasks;
    private final javafx.scene.control.MenuBar menuBar;
    private final javafx.scene.control.Menu fileMenu;
    private dev.netlens.ui.engines.EngineChooserView engineChooser;
    private final CollapseControls collapse;
    private final TraceViewModel trace;
    private final TraceView traceView;
    private final TraceControls traceControls;
    private final dev.netlens.ui.capture.CaptureControls captureControls;
    private final dev.netlens.ui.traffic.TrafficViewModel traffic;
    private final StatusBarViewModel statusModel;

    public MainWindow(TopologySnapshot initial, BackgroundExecutor executor) {
        this(initial, executor, new StableLayout(new StackLayout(new FxLabelMetrics())));
    }

    public MainWindow(TopologySnapshot initial, BackgroundExecutor executor, LayoutEngine layoutEngine) {
        this(initial, executor, layoutEngine, UiLanguage.forUser());
    }

    public MainWindow(TopologySnapshot initial, BackgroundExecutor executor, LayoutEngine layoutEngine,
                      UiLanguage language) {
        this(initial, executor, layoutEngine, RecentFiles.forUser(), new I18n(language));
    }

    public MainWindow(TopologySnapshot initial, BackgroundExecutor executor, LayoutEngine layoutEngine,
                      RecentFiles recent, I18n i18n) {
        this(initial, executor, layoutEngine, recent, i18n, TraceViewModel.TRACER);
    }

    /** With what computes packet traces (tests give made-up results). */
    public MainWindow(TopologySnapshot initial, BackgroundExecutor executor, LayoutEngine layoutEngine,
                      RecentFiles recent, I18n i18n, TraceViewModel.TraceFunction tracer) {
        this(initial, UiExecutors.of(executor), layoutEngine, recent, i18n, tracer);
    }

    /** The application's window: layouts on one executor, files, pictures and the lab on the other. */
    public MainWindow(TopologySnapshot initial, UiExecutors executors) {
        this(initial, executors, new StableLayout(new StackLayout(new FxLabelMetrics())), RecentFiles.forUser(),
                new I18n(UiLanguage.forUser()), TraceViewModel.TRACER);
    }

    public MainWindow(TopologySnapshot initial, UiExecutors executors, LayoutEngine layoutEngine,
                      RecentFiles recent, I18n i18n, TraceViewModel.TraceFunction tracer) {
        this.i18n = i18n;
        this.language = i18n.language();
        // Firewall reads and traces work on the snapshot the layout line last took: they stay in its order.
        BackgroundExecutor executor = executors.layout();
        this.executor = executor;
        this.tasks = new TaskRunner(executors.tasks(), MainWindow::onFxThread);
        state = new TopologyState(executor, layoutEngine, new CollapseState(recent.preferences()));
        canvasModel = new TopologyCanvasViewModel(state, selection);
        canvas = new TopologyCanvasView(canvasModel);
        properties = new PropertyPanelView(new PropertyPanelViewModel(state, selection, i18n), i18n);
        statusModel = new StatusBarViewModel(state);
        StatusBarView status = new StatusBarView(statusModel);
        firewallModel = new FirewallPanelViewModel(state, selection, canvasModel, language, executor);
        firewall = new FirewallPanelView(firewallModel);
        drivers = new DriverPanelView(new DriverPanelViewModel(state, selection, language));
        dns = new DnsPanelView(new DnsPanelViewModel(state, selection, language));
        trace = new TraceViewModel(state, canvasModel, language, executor, tracer);
        traceView = new TraceView(trace, text("menu.trace.clear"));
        trace.setRuleOpener(r -> {
            selectTab("tab-firewall");
            firewallModel.showRule(r.host(), r.ruleId());
        });

        root.getStyleClass().add("netlens");
        // The canvas, not the search box, has the keyboard when the window opens: zoom keys work at
        // once, and no caret blinks in an idle window (its timeline kept JavaFX pulsing 60 times a
        // second, walking the whole scene's bounds each time: most of the idle window's CPU).
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                javafx.application.Platform.runLater(canvas::requestFocus);
            }
        });
        root.getStylesheets().add(Objects.requireNonNull(MainWindow.class.getResource("netlens.css")).toExternalForm());
        files = new FileViewModel(state, tasks, recent, i18n);
        presentation = new PresentationViewModel(new RevealViewModel(state, i18n), i18n);
        presentation.hopsProperty().bind(trace.stepsProperty());
        canvasModel.revealMaskProperty().bind(presentation.reveal().maskProperty());
        presentationView = new PresentationView(presentation, canvas, canvasModel);
        chrome = new WindowChrome(root, canvas, canvasModel, presentation, files, i18n);
        collapse = new CollapseControls(state, selection, canvas, presentation, i18n);
        traceControls = new TraceControls(trace, canvas, selection, presentation, i18n, () -> selectTab("tab-trace"));
        collapse.addMenuItems(traceControls::menuItems);
        captureControls = new dev.netlens.ui.capture.CaptureControls(() -> state.frame().snapshot(), selection::selected,
                () -> root.getScene() == null ? null : root.getScene().getWindow(), executor, i18n);
        collapse.addMenuItems(id -> presentation.isActive() || trace.isPicking() ? java.util.List.of() : captureControls.menuItems(id));
        chrome.escapeFirst(trace::escape);
        traffic = new dev.netlens.ui.traffic.TrafficViewModel(state, selection, language, recent.preferences());
        installTraffic();
        WindowMenus menus = new WindowMenus(i18n, files, presentation, chrome, collapse, files::open);
        menus.view().getItems().addAll(new javafx.scene.control.SeparatorMenuItem(),
                dev.netlens.ui.traffic.TrafficMenu.of(traffic));
        menuBar = menus.bar();
        fileMenu = menus.file();
        menuBar.getMenus().add(traceControls.menu());
        menuBar.getMenus().add(captureControls.menu());
        menuBar.getMenus().add(helpMenu());
        root.setTop(new VBox(menuBar, toolbar()));
        javafx.scene.layout.StackPane centre = chrome.centre(presentationView);
        centre.getChildren().add(traceControls.band());
        root.setCenter(centre);
        // Badges read from the back of the room: larger with presentation's projector zoom.
        Runnable badgeScale = () -> canvas.setBadgeScale(presentation.isActive()
                ? 1 + (presentation.zoomProperty().get() - 1) * 0.6 : 1);
        presentation.activeProperty().addListener(o -> badgeScale.run());
        presentation.zoomProperty().addListener(o -> badgeScale.run());
        ScrollPane legend = legend();
        VBox side = new VBox(sideTabs(firewallModel, legend), legend);
        Tab trafficTab = new Tab();
        trafficTab.setId("tab-traffic");
        trafficTab.setClosable(false);
        trafficTab.setContent(new dev.netlens.ui.traffic.TrafficPanelView(traffic));
        trafficTab.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                dev.netlens.ui.traffic.TrafficTexts.TEXTS.text(language.locale(), "tab.traffic"), language.localeProperty()));
        sideTabs.getTabs().add(trafficTab);
        side.getStyleClass().add("side-panel");
        VBox.setVgrow(sideTabs, Priority.ALWAYS);
        root.setRight(side);
        // The rule, driver and name panels need width and height: wider side, legend folded away.
        sideTabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            boolean wide = b.intValue() > 0;
            side.getStyleClass().remove("wide");
            if (wide) {
                side.getStyleClass().add("wide");
            }
        });
        language.localeProperty().addListener((o, a, b) -> languageStyle());
        languageStyle();
        javafx.scene.layout.HBox bottom = new javafx.scene.layout.HBox(status, new TaskStatusView(tasks, i18n));
        bottom.getStyleClass().add("bottom-bar");
        HBox.setHgrow(status, Priority.ALWAYS);
        root.setBottom(bottom);
        if (initial != null) {
            files.showLive(initial);
        }
    }

    /** Properties / Firewall / Drivers / DNS / Trace; leaving the firewall tab takes its rule's marks off the canvas. */
    private TabPane sideTabs(FirewallPanelViewModel firewallModel, ScrollPane legend) {
        String[] keys = {"tab.properties", "tab.firewall", "tab.drivers", "tab.dns", "tab.trace"};
        javafx.scene.Node[] panels = {properties, firewall, drivers, dns, traceView};
        String[] ids = {"tab-properties", "tab-firewall", "tab-drivers", "tab-dns", "tab-trace"};
        for (int i = 0; i < keys.length; i++) {
            String key = keys[i];
            Tab tab = new Tab();
            tab.setId(ids[i]);
            tab.setClosable(false);
            // A panel enters the scene when its tab is first chosen: the window's first frame does
            // not wait for the styling and skins of three panels nobody has looked at yet.
            javafx.scene.Node panel = panels[i];
            if (i == 0) {
                tab.setContent(panel);
            } else {
                tab.selectedProperty().addListener((o, was, now) -> {
                    if (now && tab.getContent() == null) {
                        tab.setContent(panel);
                    }
                });
            }
            tab.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> PanelTexts.TEXTS.text(language.locale(), key), language.localeProperty()));
            sideTabs.getTabs().add(tab);
        }
        sideTabs.setId("side-tabs");
        sideTabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (a != null && a.getContent() == firewall) {
                firewallModel.clearRule();
            }
        });
        legend.visibleProperty().bind(sideTabs.getSelectionModel().selectedIndexProperty().isEqualTo(0));
        legend.managedProperty().bind(legend.visibleProperty());
        return sideTabs;
    }

    /**
     * Rates on the canvas's links, the selection's sparklines under its properties, and the reveal's
     * traffic step; during a reveal the links stay at rest until that step.
     */
    private void installTraffic() {
        var reveal = presentation.reveal();
        Runnable marks = () -> canvas.showTraffic(reveal.activeProperty().get()
                && dev.netlens.reveal.RevealPlan.STEPS.get(reveal.stepProperty().get()) != dev.netlens.reveal.RevealLayer.TRAFFIC
                ? java.util.Map.of() : traffic.linkRatesProperty().get());
        traffic.linkRatesProperty().addListener(o -> marks.run());
        reveal.activeProperty().addListener(o -> marks.run());
        reveal.stepProperty().addListener(o -> marks.run());
        state.frameProperty().addListener(o -> marks.run()); // links drawn anew carry their marks at once
        reveal.trafficCaptionProperty().bind(traffic.captionProperty());
        properties.getChildren().add(new dev.netlens.ui.traffic.TrafficPanelView.SelectionTrafficView(traffic));
    }

    /** One sampling tick's rates, from the live connection. FX thread. */
    public void showRates(dev.netlens.traffic.RateSnapshot rates) {
        traffic.accept(rates);
    }

    /** Traffic rates: the sampling interval (null: off), the busiest links, the selection's sparklines. */
    public dev.netlens.ui.traffic.TrafficViewModel traffic() {
        return traffic;
    }

    /** Brings a side tab to the front by its id. */
    private void selectTab(String id) {
        sideTabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> sideTabs.getSelectionModel().select(t));
    }

    /** Korean text takes the CJK font (netlens.css, .lang-ko). */
    private void languageStyle() {
        root.getStyleClass().remove("lang-ko");
        if (language.isKorean()) {
            root.getStyleClass().add("lang-ko");
        }
    }

    private ScrollPane legend() {
        ScrollPane sp = new ScrollPane(new LegendView(language.localeProperty()));
        sp.setFitToWidth(true);
        sp.getStyleClass().add("legend-scroll");
        return sp;
    }

    private ToolBar toolbar() {
        search.setId("search");
        search.promptTextProperty().bind(text("toolbar.search"));
        search.setPrefColumnCount(26);
        search.setOnAction(e -> {
            boolean found = canvasModel.search(search.getText()).isPresent();
            search.pseudoClassStateChanged(NOT_FOUND, !found);
        });
        search.textProperty().addListener(o -> search.pseudoClassStateChanged(NOT_FOUND, false));
        CheckBox hideStopped = new CheckBox();
        hideStopped.textProperty().bind(text("toolbar.hideStopped"));
        hideStopped.setId("hide-stopped");
        hideStopped.selectedProperty().bindBidirectional(canvasModel.hideStoppedProperty());
        CheckBox hideSystem = new CheckBox();
        hideSystem.textProperty().bind(text("toolbar.hideSystem"));
        hideSystem.setId("hide-system");
        hideSystem.selectedProperty().bindBidirectional(canvasModel.hideSystemProperty());
        ComboBox<String> network = choice("only-network", ALL_NETWORKS, canvasModel.networkNames());
        shownAs(network, ALL_NETWORKS, "toolbar.allNetworks");
        network.valueProperty().addListener((o, a, b) ->
                canvasModel.onlyNetworkProperty().set(ALL_NETWORKS.equals(b) ? null : b));
        ComboBox<String> host = choice("only-host", ALL_HOSTS, canvasModel.hostIds());
        shownAs(host, ALL_HOSTS, "toolbar.allHosts");
        host.valueProperty().addListener((o, a, b) -> canvasModel.onlyHostProperty().set(ALL_HOSTS.equals(b) ? null : b));
        Button fit = new Button();
        fit.textProperty().bind(text("toolbar.fit"));
        fit.setTooltip(tip("toolbar.fit.tip"));
        fit.setId("fit");
        fit.setOnAction(e -> canvas.fitToWindow());
        Button in = new Button("+");
        in.setOnAction(e -> canvas.zoomBy(1.25));
        in.setTooltip(tip("toolbar.zoomIn.tip"));
        Button out = new Button("−");
        out.setOnAction(e -> canvas.zoomBy(0.8));
        out.setTooltip(tip("toolbar.zoomOut.tip"));
        Button lang = new Button();
        lang.setId("language-toggle");
        lang.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> UiLanguage.nameOf(language.isKorean() ? java.util.Locale.ENGLISH : java.util.Locale.KOREAN),
                language.localeProperty()));
        lang.setTooltip(new javafx.scene.control.Tooltip());
        lang.getTooltip().textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> PanelTexts.TEXTS.text(language.locale(), "language.toggle"), language.localeProperty()));
        lang.setOnAction(e -> language.toggle());
        ToolBar bar = new ToolBar(search, new Separator(), hideStopped, hideSystem, network, host, new Separator(),
                out, in, fit, new Separator(), lang);
        bar.getStyleClass().add("main-toolbar");
        return bar;
    }

    /** A text in the UI language, following it when it is switched. */
    private javafx.beans.binding.StringBinding text(String key) {
        return javafx.beans.binding.Bindings.createStringBinding(() -> i18n.get(key), i18n.localeProperty());
    }

    /** Shows a box's "all" choice in the UI language; the names themselves stay as the engine gives them. */
    private void shownAs(ComboBox<String> box, String all, String key) {
        Runnable convert = () -> box.setConverter(new javafx.util.StringConverter<>() {
            private final String shown = i18n.get(key);

            @Override
            public String toString(String item) {
                return all.equals(item) ? shown : item;
            }

            @Override
            public String fromString(String text) {
                return shown.equals(text) ? all : text;
            }
        });
        convert.run();
        i18n.localeProperty().addListener(o -> convert.run());
    }

    private javafx.scene.control.Tooltip tip(String key) {
        javafx.scene.control.Tooltip t = new javafx.scene.control.Tooltip();
        t.textProperty().bind(text(key));
        return t;
    }

    private static ComboBox<String> choice(String id, String all, ObservableList<String> names) {
        ObservableList<String> items = FXCollections.observableArrayList(all);
        items.addAll(names);
        ComboBox<String> box = new ComboBox<>(items);
        // setAll drops the chosen item and the box would show nothing: keep the choice while it exists.
        names.addListener((ListChangeListener<String>) c -> {
            String keep = box.getValue();
            items.setAll(all);
            items.addAll(names);
            box.setValue(keep != null && items.contains(keep) ? keep : all);
        });
        // An unmodifiable view listens to its source weakly: the box holds it, or a GC silences it.
        box.getProperties().put("names", names);
        box.setId(id);
        box.setValue(all);
        return box;
    }

    /**
     * Keyboard shortcuts for the whole window: Ctrl+F search, Ctrl +/- zoom, Ctrl+0 fit, Esc clears
     * the selection; F5 presents, and while presenting Esc leaves, arrows and Page Up/Down step the
     * reveal (or a shown trace's hops), Shift+arrows pan. (Ctrl+Shift+C / Ctrl+Shift+E collapse and
     * expand the selection: the View menu's accelerators; Ctrl+T traces from it, Ctrl+Shift+T to an
     * address: the Trace menu's. Esc cancels picking a trace's destination, then clears a shown trace.)
     */
    public void installShortcuts(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, chrome::onKey);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!e.isShortcutDown()) {
                return;
            }
            switch (e.getCode()) {
                case F -> search.requestFocus();
                case PLUS, EQUALS, ADD -> canvas.zoomBy(1.25);
                case MINUS, SUBTRACT -> canvas.zoomBy(0.8);
                case DIGIT0, NUMPAD0 -> canvas.fitToWindow();
                default -> {
                    return;
                }
            }
            e.consume();
        });
        if (scene.getRoot() != root) {
            throw new IllegalArgumentException("scene does not show this window");
        }
    }

    /** Replaces the picture, applying only what changed. Any thread may call it. */
    public void show(TopologySnapshot snapshot) {
        state.show(snapshot);
    }

    /**
     * A snapshot from the live engines: shown, unless a snapshot file is open (then kept until
     * File > Back to live). FX thread.
     */
    public void showLive(TopologySnapshot snapshot) {
        files.showLive(snapshot);
    }

    /** How the firewall panel reads a live host's firewall again (its counters); set by the live connection. FX thread. */
    public void setFirewallRefresh(dev.netlens.ui.firewall.FirewallRefresh refresh) {
        firewallModel.setRefresh(refresh);
    }

    /**
     * A live pass whose picture was not redrawn (only counters moved): the firewall panel shows its
     * captures' counters, unless a snapshot file is open. FX thread.
     */
    public void showFirewallCounters(TopologySnapshot latest) {
        if (!files.showingFile()) {
            firewallModel.newerCaptures(latest.hosts());
        }
    }

    /** The canvas's context menu (Collapse / Expand / Expand all), for tests. */
    public javafx.scene.control.ContextMenu collapseMenu() {
        return collapse.contextMenu();
    }

    public FileViewModel files() {
        return files;
    }

    public PresentationViewModel presentation() {
        return presentation;
    }

    public PresentationView presentationView() {
        return presentationView;
    }

    /** Where presentation mode points the camera at each reveal step. */
    public PresentationCamera presentationCamera() {
        return chrome.camera();
    }

    public FirewallPanelView firewall() {
        return firewall;
    }

    public DriverPanelView drivers() {
        return drivers;
    }

    public DnsPanelView dns() {
        return dns;
    }

    /** The packet trace's state (picking, the shown trace, its marks). */
    public TraceViewModel trace() {
        return trace;
    }

    public TraceView traceView() {
        return traceView;
    }

    /** "Trace from here" on a vertex, as the context menu does it; false when nothing can start there. */
    public boolean traceFrom(String id) {
        return traceControls.startFrom(id);
    }

    public TabPane sideTabs() {
        return sideTabs;
    }

    public UiLanguage language() {
        return language;
    }

    public I18n i18n() {
        return i18n;
    }

    /** Enters presentation mode (F5). */
    public void enterPresentation() {
        chrome.present();
    }

    /** Leaves presentation mode (Esc). */
    public void leavePresentation() {
        chrome.leave();
    }

    /** Greys the boxes of hosts whose engine stopped answering. */
    public void setStaleHosts(Set<String> hostIds) {
        state.setStaleHosts(hostIds);
    }

    /** The long tasks running now (files, pictures, the lab). */
    public TaskRunner tasks() {
        return tasks;
    }

    private static void onFxThread(Runnable r) {
        if (javafx.application.Platform.isFxApplicationThread()) {
            r.run();
        } else {
            javafx.application.Platform.runLater(r);
        }
    }

    public BorderPane root() {
        return root;
    }

    public TopologyCanvasView canvas() {
        return canvas;
    }

    public TopologyCanvasViewModel canvasModel() {
        return canvasModel;
    }

    public PropertyPanelView properties() {
        return properties;
    }

    public SelectionModel selection() {
        return selection;
    }

    public TopologyState state() {
        return state;
    }

    /**
     * Offers, in the status bar, a helper container for live engines whose kernel cannot be read;
     * the live connection fills the port, and it is called on the task executor. FX thread.
     */
    public void offerKernelHelper(dev.netlens.ui.status.KernelHelperOffer offer) {
        statusModel.offerKernelHelper(offer, tasks.executor(), i18n);
    }

    /** The status bar's state (hosts, what each lacks, the helper's offer). */
    public StatusBarViewModel statusBar() {
        return statusModel;
    }

    /** Adds the Lab menu: build, inspect and remove the classroom lab, through the application's port. */
    public void installLab(dev.netlens.ui.lab.LabActions actions) {
        dev.netlens.ui.lab.LabView view = new dev.netlens.ui.lab.LabView(
                new dev.netlens.ui.lab.LabViewModel(actions, tasks, i18n, javafx.application.Platform::runLater));
        javafx.scene.control.MenuItem open = new javafx.scene.control.MenuItem();
        open.textProperty().bind(text("menu.lab.open"));
        open.setId("menu-lab");
        open.setOnAction(e -> view.show(root.getScene() == null ? null : root.getScene().getWindow()));
        javafx.scene.control.Menu lab = new javafx.scene.control.Menu();
        lab.textProperty().bind(text("menu.lab"));
        lab.getItems().add(open);
        menuBar.getMenus().add(lab);
    }

    /**
     * Adds File > Engines… (Ctrl+Shift+D): the dialog that lists docker contexts, the engines shown
     * now, addresses and a swarm's nodes, and shows the chosen ones live through the application's
     * port. Called once, by the live connection's launcher. FX thread.
     */
    public void installEngineChooser(dev.netlens.reach.EngineDirectory directory, dev.netlens.ui.engines.EngineSwitch engines,
            dev.netlens.reach.ChosenEngines remembered) {
        engineChooser = new dev.netlens.ui.engines.EngineChooserView(
                new dev.netlens.ui.engines.EngineChooserViewModel(directory, engines, remembered, tasks, i18n), i18n);
        javafx.scene.control.MenuItem open = i18n.menuItem("menu.engines", "menu-engines", this::showEngineChooser);
        open.setAccelerator(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.D,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN, javafx.scene.input.KeyCombination.SHIFT_DOWN));
        fileMenu.getItems().addAll(0, java.util.List.of(open, new javafx.scene.control.SeparatorMenuItem()));
    }

    /** Opens the Engines dialog (File > Engines…); nothing when no live connection installed it. */
    public void showEngineChooser() {
        if (engineChooser != null) {
            engineChooser.show(root.getScene() == null ? null : root.getScene().getWindow());
        }
    }

    /** The Engines dialog, once installed (tests). */
    public java.util.Optional<dev.netlens.ui.engines.EngineChooserView> engineChooser() {
        return java.util.Optional.ofNullable(engineChooser);
    }

    private javafx.scene.control.Menu helpMenu() {
        javafx.scene.control.MenuItem about = new javafx.scene.control.MenuItem();
        about.textProperty().bind(text("menu.about"));
        about.setId("menu-about");
        about.setOnAction(e -> new dev.netlens.ui.about.AboutView(dev.netlens.about.AboutInfo.load())
                .show(root.getScene() == null ? null : root.getScene().getWindow()));
        javafx.scene.control.Menu help = new javafx.scene.control.Menu();
        help.textProperty().bind(text("menu.help"));
        help.getItems().add(about);
        return help;
    }
}
