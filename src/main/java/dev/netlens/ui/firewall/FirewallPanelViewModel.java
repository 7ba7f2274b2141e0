package dev.netlens.ui.firewall;

import dev.netlens.firewall.ParseProblem;
import dev.netlens.firewall.Rule;
import dev.netlens.firewall.RuleHits;
import dev.netlens.firewall.RuleMatcher;
import dev.netlens.firewall.Selector;
import dev.netlens.graph.TopoNode;
import dev.netlens.i18n.Texts;
import dev.netlens.snapshot.FirewallCapture;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.state.TopologyFrame;
import dev.netlens.ui.state.TopologyState;
import dev.netlens.ui.concurrent.BackgroundExecutor;
import dev.netlens.ui.language.PanelTexts;
import dev.netlens.ui.language.UiLanguage;
import dev.netlens.ui.selection.SelectionModel;
import dev.netlens.ui.topology.TopologyCanvasViewModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The firewall panel's state: one host's rules grouped by table and chain, Docker's first, each with
 * a plain-language line in the UI language; which rules concern the canvas selection; and, for a
 * rule picked in the panel, the vertices it applies to (lit on the canvas through
 * {@link TopologyCanvasViewModel#highlightRuleMatch}). Reading and matching run on the
 * {@link BackgroundExecutor}; results land on the FX thread, stale ones are dropped.
 *
 * <p>Rule hits: with counters in the capture, each rule shows its packets and bytes, and a rule no
 * packet matched is marked. "Count from now" re-reads the host's firewall through the
 * {@link FirewallRefresh} and remembers every rule's counters ({@link RuleHits}); "Refresh counters"
 * re-reads it and shows, per rule, the packets since. A re-read capture, or a newer one a live pass
 * brought without redrawing the picture, stands in for the snapshot's until the snapshot's changes.
 */
public final class FirewallPanelViewModel {
    /** What the panel can show for the chosen host. */
    public enum Status { NO_HOST, LOADING, CANNOT_READ, EMPTY, RULES }

    /** A host in the chooser. */
    public record HostChoice(String id, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Rows of the tree, rendered in the current language. */
    public sealed interface Row permits TableRow, ChainRow, RuleRow {
    }

    public record TableRow(String label, List<ChainRow> chains) implements Row {
        public TableRow {
            chains = List.copyOf(chains);
        }
    }

    /** @param policy what happens at the chain's end, in words */
    public record ChainRow(String key, String name, boolean docker, String policy, List<RuleRow> rules) implements Row {
        public ChainRow {
            rules = List.copyOf(rules);
        }
    }

    /**
     * @param counters packets and bytes, empty when the capture had none
     * @param since packets since "Count from now" ({@code +12}), "new rule", or empty when not counting
     * @param neverMatched the rule has counters and no packet matched it since they started
     * @param rose the rule matched packets since "Count from now"
     * @param tip what the marks mean, for the row's tooltip; empty when unmarked
     */
    public record RuleRow(String ruleId, String text, String explanation, String counters, String since,
                          boolean neverMatched, boolean rose, String tip) implements Row {
    }

    /** What the last counter action did, for the count line. */
    private enum Counting { IDLE, READING, FAILED, CANNOT_REFRESH, NO_COUNTERS }

    private static final Texts T = PanelTexts.TEXTS;

    private final TopologyState state;
    private final SelectionModel selection;
    private final TopologyCanvasViewModel canvas;
    private final UiLanguage language;
    private final BackgroundExecutor executor;

    private final ObservableList<HostChoice> hosts = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<HostChoice> host = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(Status.NO_HOST);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper hostLabel = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper matchSummary = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper applies = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper ruleHeader = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper countersHeader = new ReadOnlyStringWrapper();
    private final javafx.beans.property.ReadOnlyBooleanWrapper counters = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<List<TableRow>> tables = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<Set<String>> matching = new ReadOnlyObjectWrapper<>(Set.of());
    private final ReadOnlyObjectWrapper<String> firstMatch = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> selectedRule = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper sinceHeader = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper countFromNowText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper countFromNowTip = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper refreshText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper refreshTip = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper onlyRoseText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper countLine = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper legend = new ReadOnlyStringWrapper();
    private final javafx.beans.property.ReadOnlyBooleanWrapper counting = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyBooleanWrapper reading = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.BooleanProperty onlyRose = new javafx.beans.property.SimpleBooleanProperty();

    /** Read rules per host, kept while the host's capture stays the same. */
    private final Map<String, Read> cache = new HashMap<>();
    private FirewallModel model;
    private Throwable failure;
    private Set<String> applied = Set.of();
    private long parseSeq;
    private long matchSeq;
    /** A rule asked for by {@link #showRule} before its host's rules were read. */
    private String wanted;

    private record Read(FirewallCapture capture, FirewallModel model) {
    }

    /** A capture newer than the snapshot's {@code base} for the host: kept while the snapshot still has that one. */
    private record Newer(FirewallCapture base, FirewallCapture capture) {
    }

    /** Counters remembered by "Count from now" on one host, and when (shown as the time of day). */
    private record Mark(RuleHits hits, java.time.LocalTime at) {
    }

    private FirewallRefresh refresh;
    private final Map<String, Newer> newer = new HashMap<>();
    private final Map<String, Mark> marks = new HashMap<>();
    private Counting countState = Counting.IDLE;
    private Throwable countFailure;
    private java.time.LocalTime lastRead;
    private long refreshSeq;
    private String shownSource;

    public FirewallPanelViewModel(TopologyState state, SelectionModel selection, TopologyCanvasViewModel canvas,
            UiLanguage language, BackgroundExecutor executor) {
        this.state = state;
        this.selection = selection;
        this.canvas = canvas;
        this.language = language;
        this.executor = executor;
        state.frameProperty().addListener((o, a, b) -> frameChanged());
        selection.selectedProperty().addListener((o, a, b) -> selectionChanged());
        language.localeProperty().addListener((o, a, b) -> render());
        onlyRose.addListener((o, a, b) -> render());
        frameChanged();
    }

    // ---- inputs ---------------------------------------------------------------------------

    /** The host chooser picked another host. */
    public void chooseHost(HostChoice choice) {
        if (choice != null && !choice.equals(host.get())) {
            host.set(choice);
            countState = Counting.IDLE;
            lastRead = null;
            clearRule();
            load();
        }
    }

    /** A rule picked in the panel: the vertices it applies to light up on the canvas. Null clears. */
    public void selectRule(String ruleId) {
        Rule rule = ruleId == null || model == null ? null : model.rulesById().get(ruleId);
        if (rule == null) {
            clearRule();
            return;
        }
        selectedRule.set(ruleId);
        Selector subjects = RuleMatcher.subjectsOf(rule);
        applied = links().nodesFor(subjects, hostId());
        canvas.highlightRuleMatch(applied);
        renderApplies();
    }

    /** The live side's way to read a host's firewall again; null when there is none (a file, the demo, tests). */
    public void setRefresh(FirewallRefresh refresh) {
        this.refresh = refresh;
    }

    /** Reads the firewall again and remembers every rule's counters, to count from this moment. */
    public void countFromNow() {
        reread(true);
    }

    /** Reads the firewall again: its counters, and the packets each rule matched since "Count from now". */
    public void refreshCounters() {
        reread(false);
    }

    /**
     * Captures a live pass brought that were not drawn (the picture did not change, only counters):
     * the panel shows their counters. FX thread.
     */
    public void newerCaptures(List<Host> latest) {
        boolean shownChanged = false;
        for (Host h : latest) {
            Host inSnapshot = snapshot().hosts().stream().filter(x -> x.id().equals(h.id())).findFirst().orElse(null);
            if (inSnapshot == null || h.firewall() == null || Objects.equals(h.firewall(), captureOf(inSnapshot))) {
                continue;
            }
            newer.put(h.id(), new Newer(inSnapshot.firewall(), h.firewall()));
            shownChanged |= h.id().equals(hostId());
        }
        if (shownChanged) {
            load();
        }
    }

    private void reread(boolean mark) {
        Host h = currentHost();
        if (h == null || reading.get()) {
            return;
        }
        if (!refreshable()) {
            countState = Counting.CANNOT_REFRESH;
            renderCounting();
            return;
        }
        long mine = ++refreshSeq;
        FirewallRefresh source = refresh;
        FirewallCapture base = h.firewall();
        countState = Counting.READING;
        reading.set(true);
        renderCounting();
        executor.submit(() -> {
            FirewallCapture capture = source.read(h);
            return new Read(capture, FirewallModel.read(capture));
        }, read -> {
            if (mine != refreshSeq) {
                return;
            }
            reading.set(false);
            lastRead = java.time.LocalTime.now().withNano(0);
            newer.put(h.id(), new Newer(base, read.capture()));
            cache.put(h.id(), read);
            countState = Counting.IDLE;
            if (mark) {
                RuleHits hits = RuleHits.mark(read.model().ruleset());
                if (hits.size() == 0) {
                    countState = Counting.NO_COUNTERS;
                    marks.remove(h.id());
                } else {
                    marks.put(h.id(), new Mark(hits, lastRead));
                }
            }
            if (h.id().equals(hostId())) {
                load();
            }
        }, problem -> {
            if (mine != refreshSeq) {
                return;
            }
            reading.set(false);
            countFailure = problem;
            countState = Counting.FAILED;
            renderCounting();
        });
    }

    /** Only a live picture's firewall can be read again, and only through the live side. */
    private boolean refreshable() {
        String src = snapshot().source();
        return refresh != null && (src == null || src.equals("live"));
    }

    /** The newest capture of the host: a re-read or unpublished one while the snapshot still has what it replaced. */
    private FirewallCapture captureOf(Host h) {
        Newer n = newer.get(h.id());
        if (n != null && Objects.equals(n.base(), h.firewall())) {
            return n.capture();
        }
        if (n != null) {
            newer.remove(h.id()); // the snapshot was read after it
        }
        return h.firewall();
    }

    /**
     * Shows one rule of one host (the trace panel's deciding rule): that host chosen, the rule picked
     * once its rules are read (at once when they were read already).
     */
    public void showRule(String hostId, String ruleId) {
        HostChoice h = choice(hostId);
        if (h == null) {
            return;
        }
        wanted = ruleId;
        if (!h.equals(host.get())) {
            host.set(h);
            clearRule();
            load(); // picks the wanted rule when read
        } else if (model != null) {
            wanted = null;
            selectRule(ruleId);
        }
    }

    public void clearRule() {
        selectedRule.set(null);
        applied = Set.of();
        canvas.clearRuleMatch();
        renderApplies();
    }

    // ---- reactions ------------------------------------------------------------------------

    private void frameChanged() {
        TopologySnapshot s = snapshot();
        List<HostChoice> now = s.hosts().stream().map(h -> new HostChoice(h.id(), h.name())).toList();
        if (!hosts.equals(now)) {
            hosts.setAll(now);
        }
        HostChoice keep = host.get();
        HostChoice selectedHost = choice(links().hostOf(selection.selected()));
        if (keep == null || !now.contains(keep)) {
            host.set(selectedHost != null ? selectedHost : now.isEmpty() ? null : now.get(0));
        }
        if (!Objects.equals(s.source(), shownSource)) {
            // Another kind of picture (a file opened, back to live): counts and re-reads were of the other.
            shownSource = s.source();
            newer.clear();
            marks.clear();
            lastRead = null;
            countState = Counting.IDLE;
            onlyRose.set(false);
        }
        List<String> ids = now.stream().map(HostChoice::id).toList();
        cache.keySet().retainAll(ids);
        newer.keySet().retainAll(ids);
        marks.keySet().retainAll(ids);
        load();
    }

    private void selectionChanged() {
        clearRule();
        HostChoice h = choice(links().hostOf(selection.selected()));
        if (h != null && !h.equals(host.get())) {
            host.set(h);
            countState = Counting.IDLE;
            lastRead = null;
            load();
        } else {
            match();
        }
    }

    /** After new rules or a new picture: the picked rule again if it is still there, else nothing. */
    private void reapplyRule() {
        String id = wanted != null ? wanted : selectedRule.get();
        wanted = null;
        if (id != null) {
            selectRule(id);
        }
    }

    /** Reads the chosen host's rules in the background unless its capture was read already. */
    private void load() {
        Host h = currentHost();
        long mine = ++parseSeq;
        failure = null;
        if (h == null) {
            model = null;
            status.set(Status.NO_HOST);
            render();
            match();
            clearRule();
            return;
        }
        FirewallCapture capture = captureOf(h);
        Read cached = cache.get(h.id());
        if (cached != null && Objects.equals(cached.capture(), capture)) {
            model = cached.model();
            status.set(statusOf(model));
            render();
            match();
            reapplyRule();
            return;
        }
        model = null;
        status.set(Status.LOADING);
        render();
        executor.submit(() -> FirewallModel.read(capture), read -> {
            if (mine != parseSeq) {
                return;
            }
            cache.put(h.id(), new Read(capture, read));
            model = read;
            status.set(statusOf(read));
            render();
            match();
            reapplyRule();
        }, problem -> {
            if (mine != parseSeq) {
                return;
            }
            failure = problem;
            status.set(Status.CANNOT_READ);
            render();
        });
    }

    private static Status statusOf(FirewallModel m) {
        if (m.ruleCount() > 0) {
            return Status.RULES;
        }
        return m.ruleset().tables().isEmpty() && !m.ruleset().missing().isEmpty() ? Status.CANNOT_READ : Status.EMPTY;
    }

    /** Which rules concern the canvas selection; filtering runs in the background. */
    private void match() {
        long mine = ++matchSeq;
        String sel = selection.selected();
        FirewallModel m = model;
        Selector selector = links().selectorFor(sel);
        boolean sameHost = sel != null && hostId() != null && hostId().equals(links().hostOf(sel));
        if (m == null || selector.isEmpty() || !sameHost) {
            matching.set(Set.of());
            firstMatch.set(null);
            renderMatchSummary();
            return;
        }
        executor.submit(() -> new RuleMatcher(m.ruleset()).rulesFor(selector), rules -> {
            if (mine != matchSeq) {
                return;
            }
            Set<String> ids = rules.stream().map(Rule::id).collect(Collectors.toCollection(LinkedHashSet::new));
            matching.set(Set.copyOf(ids));
            firstMatch.set(firstInDisplayOrder(m, ids));
            renderMatchSummary();
        }, problem -> {
            if (mine == matchSeq) {
                matching.set(Set.of());
                firstMatch.set(null);
            }
        });
    }

    private static String firstInDisplayOrder(FirewallModel m, Set<String> ids) {
        for (FirewallModel.TableModel t : m.tables()) {
            for (FirewallModel.ChainModel c : t.chains()) {
                for (FirewallModel.RuleModel r : c.rules()) {
                    if (ids.contains(r.rule().id())) {
                        return r.rule().id();
                    }
                }
            }
        }
        return null;
    }

    // ---- rendering in the UI language ---------------------------------------------------------

    private void render() {
        Locale l = language.locale();
        title.set(T.text(l, "fw.title"));
        hostLabel.set(T.text(l, "fw.host"));
        ruleHeader.set(T.text(l, "fw.column.rule"));
        countersHeader.set(T.text(l, "fw.column.counters"));
        sinceHeader.set(T.text(l, "fw.column.since"));
        countFromNowText.set(T.text(l, "fw.count.fromNow"));
        countFromNowTip.set(T.text(l, "fw.count.fromNow.tip"));
        refreshText.set(T.text(l, "fw.count.refresh"));
        refreshTip.set(T.text(l, "fw.count.refresh.tip"));
        onlyRoseText.set(T.text(l, "fw.count.onlyRose"));
        legend.set(T.text(l, "fw.legend.never"));
        Host h = currentHost();
        String name = h == null ? "" : h.name();
        source.set(h == null ? "" : sourceText(l, name));
        message.set(switch (status.get()) {
            case NO_HOST -> T.text(l, "fw.state.noHost");
            case LOADING -> T.text(l, "fw.state.loading", name);
            case CANNOT_READ -> failure != null ? T.text(l, "fw.state.failed", name, String.valueOf(failure.getMessage()))
                    : T.text(l, "fw.state.cannotRead", name, reasons(h));
            case EMPTY -> T.text(l, "fw.state.empty", name) + notes(l);
            case RULES -> T.text(l, "fw.hint") + notes(l);
        });
        counting.set(model != null && mark() != null);
        counters.set(model != null && model.ruleset().rules().anyMatch(r -> r.counters() != null));
        tables.set(model == null ? List.of() : rows(model, l));
        renderCounting();
        renderMatchSummary();
        renderApplies();
    }

    private String sourceText(Locale l, String hostName) {
        TopologySnapshot s = snapshot();
        return switch (s.source() == null ? "live" : s.source()) {
            case "demo" -> T.text(l, "fw.source.demo");
            case "live" -> T.text(l, "fw.source.live", hostName);
            default -> T.text(l, "fw.source.file", hostName, String.valueOf(s.capturedAt()));
        };
    }

    /** Why the rules cannot be read: the capture's own reasons, else what the host could not see. */
    private static String reasons(Host h) {
        List<String> why = new ArrayList<>();
        if (h.firewall() != null) {
            why.addAll(h.firewall().missing());
        }
        if (why.isEmpty()) {
            why.addAll(h.missing());
        }
        if (why.isEmpty()) {
            why.add(h.kernelView() ? "no firewall capture for this host"
                    : "no kernel view of this host (remote engine, or not root)");
        }
        return String.join("; ", why);
    }

    /** Parts not read and lines not parsed, when some rules were still read. */
    private String notes(Locale l) {
        if (model == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        if (!model.ruleset().missing().isEmpty()) {
            b.append('\n').append(T.text(l, "fw.missing", String.join("; ", model.ruleset().missing())));
        }
        List<ParseProblem> problems = model.ruleset().problems();
        if (!problems.isEmpty()) {
            ParseProblem p = problems.get(0);
            b.append('\n').append(T.text(l, "fw.problems", problems.size(), p.lineNumber(), p.message()));
        }
        return b.toString();
    }

    /** The count line: what the last counter action did, or what rose since "Count from now". */
    private void renderCounting() {
        Locale l = language.locale();
        Host h = currentHost();
        String name = h == null ? "" : h.name();
        Mark mark = model == null ? null : mark();
        countLine.set(switch (countState) {
            case READING -> T.text(l, "fw.count.reading", name);
            case FAILED -> T.text(l, "fw.count.failed", name, String.valueOf(countFailure.getMessage()));
            case NO_COUNTERS -> T.text(l, "fw.count.noCounters", name);
            case CANNOT_REFRESH -> {
                String src = snapshot().source();
                yield "demo".equals(src) ? T.text(l, "fw.count.cannot.demo")
                        : src == null || src.equals("live") ? T.text(l, "fw.count.cannot.live", name)
                        : T.text(l, "fw.count.cannot.file");
            }
            case IDLE -> {
                if (mark == null) {
                    yield lastRead == null || model == null ? "" : T.text(l, "fw.count.read", name, lastRead.toString());
                }
                long rose = model.ruleset().rules().filter(mark.hits()::rose).count();
                yield rose == 0 ? T.text(l, "fw.count.since", name, mark.at().toString())
                        : T.text(l, "fw.count.rose", rose, mark.at().toString());
            }
        });
    }

    private Mark mark() {
        String id = hostId();
        return id == null ? null : marks.get(id);
    }

    private List<TableRow> rows(FirewallModel m, Locale l) {
        List<TableRow> out = new ArrayList<>();
        Mark mark = mark();
        boolean filter = mark != null && onlyRose.get();
        for (FirewallModel.TableModel t : m.tables()) {
            List<ChainRow> chains = new ArrayList<>();
            for (FirewallModel.ChainModel c : t.chains()) {
                List<RuleRow> rules = c.rules().stream().map(r -> ruleRow(r, mark, l))
                        .filter(r -> !filter || r.rose()).toList();
                if (filter && rules.isEmpty()) {
                    continue;
                }
                String key = t.table().label() + "/" + c.chain().name();
                chains.add(new ChainRow(key, c.chain().name(), c.docker(), c.policy().in(l), rules));
            }
            if (filter && chains.isEmpty()) {
                continue;
            }
            String label = t.table().label()
                    + (t.table().source() == dev.netlens.firewall.Table.Source.NFT ? " " + T.text(l, "fw.table.nft") : "");
            out.add(new TableRow(label, chains));
        }
        return out;
    }

    private static RuleRow ruleRow(FirewallModel.RuleModel r, Mark mark, Locale l) {
        Rule rule = r.rule();
        boolean never = rule.counters() != null && rule.counters().packets() == 0;
        Long since = mark == null ? null : mark.hits().packetsSince(rule);
        boolean rose = since != null && since > 0;
        String sinceText = mark == null || rule.counters() == null ? ""
                : since == null ? T.text(l, "fw.delta.new") : T.text(l, "fw.delta", FirewallModel.grouped(since));
        String tip = rose ? T.text(l, "fw.tip.rose", FirewallModel.grouped(since)) : never ? T.text(l, "fw.tip.never") : "";
        return new RuleRow(rule.id(), r.text(), r.explanation().in(l), FirewallModel.counters(rule.counters(), T, l),
                sinceText, never, rose, tip);
    }

    private void renderMatchSummary() {
        Locale l = language.locale();
        String sel = selection.selected();
        TopoNode n = sel == null ? null : snapshotGraphNode(sel);
        if (n == null || status.get() != Status.RULES || links().selectorFor(sel).isEmpty()) {
            matchSummary.set("");
            return;
        }
        Host h = currentHost();
        int count = matching.get().size();
        matchSummary.set(count == 0 ? T.text(l, "fw.matches.none", n.label(), h == null ? "" : h.name())
                : T.text(l, "fw.matches", count, n.label()));
    }

    private void renderApplies() {
        Locale l = language.locale();
        if (selectedRule.get() == null) {
            applies.set("");
            return;
        }
        String names = applied.stream().map(this::snapshotGraphNode).filter(Objects::nonNull).map(TopoNode::label)
                .distinct().collect(Collectors.joining(", "));
        applies.set(names.isEmpty() ? T.text(l, "fw.applies.none") : T.text(l, "fw.applies", names));
    }

    // ---- helpers ----------------------------------------------------------------------------

    private TopoNode snapshotGraphNode(String id) {
        return state.frame().graph().node(id).orElse(null);
    }

    private TopologySnapshot snapshot() {
        return state.frame().snapshot();
    }

    private RuleLinks links() {
        TopologyFrame f = state.frame();
        return new RuleLinks(f.snapshot(), f.graph());
    }

    private HostChoice choice(String hostId) {
        return hostId == null ? null : hosts.stream().filter(h -> h.id().equals(hostId)).findFirst().orElse(null);
    }

    private String hostId() {
        return host.get() == null ? null : host.get().id();
    }

    private Host currentHost() {
        String id = hostId();
        return id == null ? null : snapshot().hosts().stream().filter(h -> h.id().equals(id)).findFirst().orElse(null);
    }

    // ---- outputs ----------------------------------------------------------------------------

    public ObservableList<HostChoice> hosts() {
        return FXCollections.unmodifiableObservableList(hosts);
    }

    public ReadOnlyObjectProperty<HostChoice> hostProperty() {
        return host.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hostLabelProperty() {
        return hostLabel.getReadOnlyProperty();
    }

    /** The state line: why nothing is shown, or how to use the panel, with parts not read. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Live, snapshot file or demo. */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty matchSummaryProperty() {
        return matchSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty appliesProperty() {
        return applies.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ruleHeaderProperty() {
        return ruleHeader.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countersHeaderProperty() {
        return countersHeader.getReadOnlyProperty();
    }

    /** Whether the capture carried counters (iptables-save -c, nft counter): else the column is left out. */
    public javafx.beans.property.ReadOnlyBooleanProperty countersShownProperty() {
        return counters.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sinceHeaderProperty() {
        return sinceHeader.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countFromNowTextProperty() {
        return countFromNowText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countFromNowTipProperty() {
        return countFromNowTip.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty refreshTextProperty() {
        return refreshText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty refreshTipProperty() {
        return refreshTip.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty onlyRoseTextProperty() {
        return onlyRoseText.getReadOnlyProperty();
    }

    /** What the last counter action did, or which rules rose since "Count from now"; empty when nothing to say. */
    public ReadOnlyStringProperty countLineProperty() {
        return countLine.getReadOnlyProperty();
    }

    /** What the muted rules mean. */
    public ReadOnlyStringProperty legendProperty() {
        return legend.getReadOnlyProperty();
    }

    /** Whether "Count from now" was pressed for the chosen host: the since column and the filter apply. */
    public javafx.beans.property.ReadOnlyBooleanProperty countingProperty() {
        return counting.getReadOnlyProperty();
    }

    /** A re-read is under way: the buttons wait for it. */
    public javafx.beans.property.ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /** Show only the rules that matched packets since "Count from now". */
    public javafx.beans.property.BooleanProperty onlyRoseProperty() {
        return onlyRose;
    }

    public ReadOnlyObjectProperty<List<TableRow>> tablesProperty() {
        return tables.getReadOnlyProperty();
    }

    /** Ids of the rules concerning the canvas selection. */
    public ReadOnlyObjectProperty<Set<String>> matchingProperty() {
        return matching.getReadOnlyProperty();
    }

    /** The first of them in the panel's order, to scroll to. */
    public ReadOnlyObjectProperty<String> firstMatchProperty() {
        return firstMatch.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> selectedRuleProperty() {
        return selectedRule.getReadOnlyProperty();
    }

    /** Vertices the selected rule applies to (also lit on the canvas). */
    public Set<String> applied() {
        return applied;
    }
}
