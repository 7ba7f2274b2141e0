package dev.netlens.ui.firewall;

import dev.netlens.ui.firewall.FirewallPanelViewModel.ChainRow;
import dev.netlens.ui.firewall.FirewallPanelViewModel.HostChoice;
import dev.netlens.ui.firewall.FirewallPanelViewModel.Row;
import dev.netlens.ui.firewall.FirewallPanelViewModel.RuleRow;
import dev.netlens.ui.firewall.FirewallPanelViewModel.Status;
import dev.netlens.ui.firewall.FirewallPanelViewModel.TableRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/**
 * The firewall panel: host chooser, state line, and a tree table of tables, chains and rules; each
 * rule printed as written with its plain-language line under it. Rules concerning the canvas
 * selection are marked ({@code :rule-match}) and the first is scrolled into view; picking a rule
 * lights what it applies to on the canvas. With counters, rules no packet matched are muted
 * ({@code .rule-never-matched}, explained by the legend and the row's tooltip), and after "Count from
 * now" a column shows each rule's packets since, rules that rose highlighted ({@code .rule-rose}).
 */
public final class FirewallPanelView extends VBox {
    private static final PseudoClass MATCH = PseudoClass.getPseudoClass("rule-match");
    private static final PseudoClass DOCKER = PseudoClass.getPseudoClass("docker");
    private static final PseudoClass CANNOT_READ = PseudoClass.getPseudoClass("cannot-read");

    private final FirewallPanelViewModel vm;
    private final TreeTableView<Row> tree = new TreeTableView<>();
    private final Map<String, TreeItem<Row>> ruleItems = new HashMap<>();
    private final ComboBox<HostChoice> hostBox = new ComboBox<>();
    private boolean rebuilding;

    public FirewallPanelView(FirewallPanelViewModel vm) {
        this.vm = vm;
        getStyleClass().addAll("side-tab-panel", "firewall-panel");
        setId("firewall-panel");

        Label title = new Label();
        title.getStyleClass().add("panel-title");
        title.textProperty().bind(vm.titleProperty());

        Label hostLabel = new Label();
        hostLabel.textProperty().bind(vm.hostLabelProperty());
        hostBox.setId("firewall-host");
        hostBox.setItems(vm.hosts());
        hostBox.valueProperty().addListener((o, a, b) -> vm.chooseHost(b));
        hostBox.setValue(vm.hostProperty().get());
        vm.hostProperty().addListener((o, a, b) -> hostBox.setValue(b));
        HBox hostRow = new HBox(8, hostLabel, hostBox);
        hostRow.setAlignment(Pos.CENTER_LEFT);
        hostRow.visibleProperty().bind(javafx.beans.binding.Bindings.size(vm.hosts()).greaterThan(1));
        hostRow.managedProperty().bind(hostRow.visibleProperty());

        Label source = wrapped("panel-source", "firewall-source");
        source.textProperty().bind(vm.sourceProperty());
        Label message = wrapped("panel-state", "firewall-message");
        message.textProperty().bind(vm.messageProperty());
        vm.statusProperty().addListener((o, a, b) -> message.pseudoClassStateChanged(CANNOT_READ, b == Status.CANNOT_READ));
        message.pseudoClassStateChanged(CANNOT_READ, vm.statusProperty().get() == Status.CANNOT_READ);
        Label summary = wrapped("panel-summary", "firewall-matches");
        summary.textProperty().bind(vm.matchSummaryProperty());
        hideWhenEmpty(summary);
        Label applies = wrapped("panel-summary", "firewall-applies");
        applies.textProperty().bind(vm.appliesProperty());
        hideWhenEmpty(applies);

        HBox countBar = countBar();
        Label countLine = wrapped("panel-summary", "firewall-count-line");
        countLine.textProperty().bind(vm.countLineProperty());
        hideWhenEmpty(countLine);
        Label legend = wrapped("fw-legend", "firewall-counters-legend");
        legend.textProperty().bind(vm.legendProperty());
        legend.visibleProperty().bind(vm.countersShownProperty().and(tree.visibleProperty()));
        legend.managedProperty().bind(legend.visibleProperty());

        buildTable();
        VBox.setVgrow(tree, Priority.ALWAYS);
        // With nothing read there is no tree to show: the state line above says why.
        tree.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !vm.tablesProperty().get().isEmpty(), vm.tablesProperty()));
        tree.managedProperty().bind(tree.visibleProperty());
        countBar.visibleProperty().bind(vm.statusProperty().isEqualTo(Status.RULES));
        countBar.managedProperty().bind(countBar.visibleProperty());
        getChildren().addAll(title, hostRow, source, message, summary, countBar, countLine, tree, legend, applies);

        vm.tablesProperty().addListener((o, a, b) -> rebuild(b));
        vm.matchingProperty().addListener((o, a, b) -> tree.refresh());
        vm.firstMatchProperty().addListener((o, a, b) -> scrollTo(b));
        vm.selectedRuleProperty().addListener((o, a, b) -> {
            if (b == null && !rebuilding) {
                tree.getSelectionModel().clearSelection();
            } else if (b != null && !rebuilding && ruleItems.containsKey(b)
                    && tree.getSelectionModel().getSelectedItem() != ruleItems.get(b)) {
                // Picked from elsewhere (a trace's deciding rule): shown picked, a row of context above.
                tree.getSelectionModel().select(ruleItems.get(b));
                int row = tree.getRow(ruleItems.get(b));
                if (row >= 0) {
                    tree.scrollTo(Math.max(0, row - 1));
                }
            }
        });
        rebuild(vm.tablesProperty().get());
    }

    /** Count from now, Refresh counters, and the filter to rules that rose since. */
    private HBox countBar() {
        Button count = new Button();
        count.setId("firewall-count-from-now");
        count.textProperty().bind(vm.countFromNowTextProperty());
        count.setTooltip(boundTip(vm.countFromNowTipProperty()));
        count.setOnAction(e -> vm.countFromNow());
        count.disableProperty().bind(vm.readingProperty());
        Button refresh = new Button();
        refresh.setId("firewall-refresh-counters");
        refresh.textProperty().bind(vm.refreshTextProperty());
        refresh.setTooltip(boundTip(vm.refreshTipProperty()));
        refresh.setOnAction(e -> vm.refreshCounters());
        refresh.disableProperty().bind(vm.readingProperty());
        CheckBox onlyRose = new CheckBox();
        onlyRose.setId("firewall-only-rose");
        onlyRose.textProperty().bind(vm.onlyRoseTextProperty());
        onlyRose.selectedProperty().bindBidirectional(vm.onlyRoseProperty());
        onlyRose.disableProperty().bind(vm.countingProperty().not());
        HBox bar = new HBox(8, count, refresh, onlyRose);
        bar.getStyleClass().add("fw-count-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static Tooltip boundTip(javafx.beans.value.ObservableValue<String> text) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(text);
        t.setWrapText(true);
        t.setMaxWidth(420);
        return t;
    }

    private void buildTable() {
        tree.setId("firewall-tree");
        tree.setShowRoot(false);
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TreeTableColumn<Row, Row> rule = new TreeTableColumn<>();
        rule.textProperty().bind(vm.ruleHeaderProperty());
        rule.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        rule.setCellFactory(c -> new RuleCell());
        rule.setSortable(false);
        TreeTableColumn<Row, String> counters = new TreeTableColumn<>();
        counters.textProperty().bind(vm.countersHeaderProperty());
        counters.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                c.getValue().getValue() instanceof RuleRow r ? r.counters() : ""));
        counters.setSortable(false);
        counters.setId("firewall-counters-column");
        counters.setPrefWidth(190);
        counters.visibleProperty().bind(vm.countersShownProperty());
        counters.setMaxWidth(240);
        TreeTableColumn<Row, String> since = new TreeTableColumn<>();
        since.setId("firewall-since-column");
        since.textProperty().bind(vm.sinceHeaderProperty());
        since.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                c.getValue().getValue() instanceof RuleRow r ? r.since() : ""));
        since.setSortable(false);
        since.setPrefWidth(110);
        since.setMaxWidth(140);
        since.visibleProperty().bind(vm.countingProperty());
        rule.setPrefWidth(600);
        tree.getColumns().add(rule);
        tree.getColumns().add(counters);
        tree.getColumns().add(since);
        tree.setRowFactory(t -> new TreeTableRow<>() {
            @Override
            protected void updateItem(Row item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("table-group", "chain-group", "rule-line", "rule-never-matched", "rule-rose");
                boolean match = !empty && item instanceof RuleRow r && vm.matchingProperty().get().contains(r.ruleId());
                pseudoClassStateChanged(MATCH, match);
                pseudoClassStateChanged(DOCKER, !empty && item instanceof ChainRow c && c.docker());
                if (!empty && item != null) {
                    getStyleClass().add(item instanceof TableRow ? "table-group" : item instanceof ChainRow ? "chain-group" : "rule-line");
                }
                RuleRow rr = !empty && item instanceof RuleRow r ? r : null;
                if (rr != null && rr.rose()) {
                    getStyleClass().add("rule-rose");
                } else if (rr != null && rr.neverMatched()) {
                    getStyleClass().add("rule-never-matched");
                }
                String tip = rr == null ? "" : rr.tip();
                if (tip.isEmpty()) {
                    setTooltip(null);
                } else if (getTooltip() == null || !tip.equals(getTooltip().getText())) {
                    setTooltip(new Tooltip(tip));
                }
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (rebuilding) {
                return;
            }
            vm.selectRule(b != null && b.getValue() instanceof RuleRow r ? r.ruleId() : null);
        });
    }

    /** The tree follows the rendered rows; expanded, with the picked rule still picked. */
    private void rebuild(List<TableRow> tables) {
        rebuilding = true;
        try {
            ruleItems.clear();
            TreeItem<Row> root = new TreeItem<>();
            for (TableRow t : tables) {
                TreeItem<Row> ti = new TreeItem<>(t);
                ti.setExpanded(true);
                for (ChainRow c : t.chains()) {
                    TreeItem<Row> ci = new TreeItem<>(c);
                    ci.setExpanded(true);
                    for (RuleRow r : c.rules()) {
                        TreeItem<Row> ri = new TreeItem<>(r);
                        ruleItems.put(r.ruleId(), ri);
                        ci.getChildren().add(ri);
                    }
                    ti.getChildren().add(ci);
                }
                root.getChildren().add(ti);
            }
            tree.setRoot(root);
            String picked = vm.selectedRuleProperty().get();
            if (picked != null && ruleItems.containsKey(picked)) {
                tree.getSelectionModel().select(ruleItems.get(picked));
            }
        } finally {
            rebuilding = false;
        }
        scrollTo(vm.firstMatchProperty().get());
    }

    private void scrollTo(String ruleId) {
        TreeItem<Row> item = ruleId == null ? null : ruleItems.get(ruleId);
        if (item == null) {
            return;
        }
        int row = tree.getRow(item);
        if (row >= 0) {
            // One row of context above the first match: its chain's heading, when there is one.
            tree.scrollTo(Math.max(0, row - 1));
        }
    }

    private static Label wrapped(String styleClass, String id) {
        Label l = new Label();
        l.setWrapText(true);
        l.getStyleClass().add(styleClass);
        l.setId(id);
        l.setMinHeight(Label.USE_PREF_SIZE);
        return l;
    }

    private static void hideWhenEmpty(Label l) {
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
    }

    /** Ids of rules marked as concerning the selection: for tests. */
    public Set<String> markedRules() {
        return vm.matchingProperty().get();
    }

    public TreeTableView<Row> tree() {
        return tree;
    }

    /** Ids of the rules shown muted, as never matched: for tests. */
    public Set<String> neverMatchedRules() {
        return ruleItems.values().stream().map(TreeItem::getValue).filter(r -> r instanceof RuleRow rr && rr.neverMatched())
                .map(r -> ((RuleRow) r).ruleId()).collect(java.util.stream.Collectors.toSet());
    }

    public ComboBox<HostChoice> hostChooser() {
        return hostBox;
    }

    /** A table, a chain with its policy line, or a rule with its explanation under it. */
    private final class RuleCell extends TreeTableCell<Row, Row> {
        private final Text main = new Text();
        private final Text second = new Text();
        private final VBox box = new VBox(2, main, second);

        RuleCell() {
            main.getStyleClass().add("fw-main");
            second.getStyleClass().add("fw-second");
            // Wrap inside the column, leaving room for the tree's indent and the disclosure arrow.
            main.wrappingWidthProperty().bind(widthProperty().subtract(indent()));
            second.wrappingWidthProperty().bind(widthProperty().subtract(indent()));
            setGraphic(null);
        }

        private javafx.beans.binding.DoubleBinding indent() {
            return javafx.beans.binding.Bindings.createDoubleBinding(() -> {
                int level = getTableRow() == null || getTableRow().getTreeItem() == null ? 0
                        : tree.getTreeItemLevel(getTableRow().getTreeItem());
                return 34.0 + 14.0 * level;
            }, tableRowProperty(), itemProperty());
        }

        @Override
        protected void updateItem(Row item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            box.getStyleClass().removeAll("fw-table", "fw-chain", "fw-rule");
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            if (item instanceof TableRow t) {
                box.getStyleClass().add("fw-table");
                main.setText(t.label());
                second.setText("");
                second.setManaged(false);
                second.setVisible(false);
            } else if (item instanceof ChainRow c) {
                box.getStyleClass().add("fw-chain");
                main.setText(c.name() + (c.docker() ? "   · Docker" : ""));
                second.setText(c.policy());
                second.setManaged(true);
                second.setVisible(true);
            } else if (item instanceof RuleRow r) {
                box.getStyleClass().add("fw-rule");
                boolean match = vm.matchingProperty().get().contains(r.ruleId());
                main.setText((match ? "▶ " : "") + r.text());
                second.setText(r.explanation());
                second.setManaged(true);
                second.setVisible(true);
            }
            setGraphic(box);
        }
    }
}
