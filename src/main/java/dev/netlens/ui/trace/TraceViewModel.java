package dev.netlens.ui.trace;

import dev.netlens.graph.Fact;
import dev.netlens.graph.LinkKind;
import dev.netlens.graph.SubKind;
import dev.netlens.graph.TopoNode;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.i18n.Texts;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.trace.Hop;
import dev.netlens.trace.HopKind;
import dev.netlens.trace.Protocol;
import dev.netlens.trace.RuleRef;
import dev.netlens.trace.TraceArgumentException;
import dev.netlens.trace.TraceResult;
import dev.netlens.trace.Tracer;
import dev.netlens.ui.state.TopologyFrame;
import dev.netlens.ui.state.TopologyState;
import dev.netlens.ui.concurrent.BackgroundExecutor;
import dev.netlens.ui.language.PanelTexts;
import dev.netlens.ui.language.UiLanguage;
import dev.netlens.ui.present.HopSteps;
import dev.netlens.ui.topology.TopologyCanvasViewModel;
import dev.netlens.ui.topology.TraceMarks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The packet trace in the window, free of scene-graph nodes: picking the endpoints (a source vertex,
 * then a destination vertex or a typed address), computing the trace off the FX thread, its verdict,
 * reason, hops and deciding rule in the UI language, and its marks on the canvas. A new snapshot
 * computes the trace again and says so (or that an endpoint is gone); folding only redraws it.
 */
public final class TraceViewModel {
    /** What computes a trace; the real one is {@link #TRACER}, tests give made-up results. */
    @FunctionalInterface
    public interface TraceFunction {
        TraceResult trace(TopologySnapshot snapshot, String from, String to);
    }

    public static final TraceFunction TRACER = (s, from, to) -> new Tracer(s).trace(from, to);

    public enum Status { IDLE, PICKING, COMPUTING, SHOWN, FAILED }

    /** What the last change did to a shown trace. */
    public enum Change { NONE, RECOMPUTED, VANISHED }

    /** One hop as the panel lists it, rendered in the UI language. */
    public record HopRow(int index, String kind, String where, String rule, String action, String note, boolean deciding) {
    }

    /** One trace asked for: the tracer's endpoint forms and the vertices they were picked on (null when typed). */
    public record Request(String from, String fromVertex, String to, String toVertex) {
    }

    private static final Texts T = PanelTexts.TEXTS;

    private final TopologyState state;
    private final TopologyCanvasViewModel canvas;
    private final UiLanguage language;
    private final BackgroundExecutor executor;
    private final TraceFunction function;

    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(Status.IDLE);
    private final ReadOnlyObjectWrapper<Change> change = new ReadOnlyObjectWrapper<>(Change.NONE);
    private final ReadOnlyObjectWrapper<TraceResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<HopSteps> steps = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper picking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper endpoints = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pickHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper changeNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper decidingRule = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper decidingLink = new ReadOnlyStringWrapper("");
    private final ObservableList<HopRow> hops = FXCollections.observableArrayList();

    private String pickFrom;
    private String pickFromName;
    private Request request;
    private TopologySnapshot tracedOn;
    private String failure;
    private String vanished;
    private int shownHop = -1;
    private long seq;
    private Consumer<RuleRef> ruleOpener = r -> { };

    public TraceViewModel(TopologyState state, TopologyCanvasViewModel canvas, UiLanguage language,
                          BackgroundExecutor executor, TraceFunction function) {
        this.state = state;
        this.canvas = canvas;
        this.language = language;
        this.executor = executor;
        this.function = function;
        state.frameProperty().addListener((o, a, b) -> frameChanged(a, b));
        language.localeProperty().addListener(o -> render());
        render();
    }

    // ---- inputs ---------------------------------------------------------------------------

    /** Whether a trace can start at this vertex (a container, interface, port, host...). */
    public boolean canStartAt(String vertexId) {
        return vertexId != null && state.frame().graph().node(vertexId).map(TraceEndpoints::traceable).orElse(false)
                && endpoints().source(vertexId).isPresent();
    }

    /** "Trace from here": waits for the destination (a click, or {@link #traceTo}). False when it cannot start there. */
    public boolean startFrom(String vertexId) {
        Optional<String> from = vertexId == null ? Optional.empty() : endpoints().source(vertexId);
        if (from.isEmpty()) {
            failure = T.text(language.locale(), "trace.cannotStart", name(vertexId));
            status.set(Status.FAILED);
            render();
            return false;
        }
        pickFrom = vertexId;
        pickFromName = from.get();
        failure = null;
        picking.set(true);
        status.set(Status.PICKING);
        render();
        return true;
    }

    /** The destination clicked while picking. False (and a hint) when it has no destination form. */
    public boolean pickDestination(String vertexId) {
        if (!picking.get()) {
            return false;
        }
        TopoNode source = state.frame().whole().node(pickFrom).orElse(null);
        Optional<String> to = vertexId == null ? Optional.empty()
                : endpoints().destination(vertexId, source == null ? null : source.host());
        if (to.isEmpty() || vertexId.equals(pickFrom)) {
            pickHint.set(T.text(language.locale(), "trace.pick.notThere", name(vertexId)));
            return false;
        }
        run(new Request(pickFromName, pickFrom, to.get(), vertexId));
        return true;
    }

    /**
     * The destination typed in the dialog: an address or name, a port (null for none) and a protocol
     * (null: icmp without a port, tcp with one). From the vertex being picked from.
     */
    public boolean traceTo(String destination, Integer port, Protocol protocol) {
        if (pickFrom == null || destination == null || destination.isBlank()) {
            return false;
        }
        if (port != null && (port < 1 || port > 65535)) {
            pickHint.set(T.text(language.locale(), "trace.dialog.badPort", port));
            return false;
        }
        String d = destination.trim();
        String to = d + (port != null && protocol != Protocol.ICMP ? ":" + port : "")
                + (protocol == null ? "" : "/" + protocol.word());
        run(new Request(pickFromName, pickFrom, to, vertexNamed(d)));
        return true;
    }

    public void cancelPicking() {
        if (picking.get()) {
            picking.set(false);
            pickFrom = null;
            status.set(result.get() != null ? Status.SHOWN : Status.IDLE);
            render();
        }
    }

    /** Takes the trace off the canvas and out of the panel. */
    public void clear() {
        seq++;
        picking.set(false);
        pickFrom = null;
        request = null;
        tracedOn = null;
        failure = null;
        vanished = null;
        shownHop = -1;
        change.set(Change.NONE);
        result.set(null);
        steps.set(null);
        status.set(Status.IDLE);
        render();
    }

    /** Esc: stops picking, else clears a shown trace. True when it did either. */
    public boolean escape() {
        if (picking.get()) {
            cancelPicking();
            return true;
        }
        if (request != null || status.get() == Status.FAILED) {
            clear();
            return true;
        }
        return false;
    }

    /** What the deciding rule's link does: the window selects the rule in the Firewall tab. */
    public void setRuleOpener(Consumer<RuleRef> opener) {
        ruleOpener = Objects.requireNonNull(opener);
    }

    public void openDecidingRule() {
        TraceResult r = result.get();
        if (r != null && r.decidingRule() != null) {
            ruleOpener.accept(r.decidingRule());
        }
    }

    /** A hop picked in the list: the canvas centres on it. */
    public void focusHop(int index) {
        TraceResult r = result.get();
        if (r == null || index < 0 || index >= r.hops().size()) {
            return;
        }
        String v = onCanvas().hopVertices(r).get(index);
        if (v != null) {
            canvas.centreOn(v);
        }
    }

    // ---- computing ------------------------------------------------------------------------

    private void run(Request r) {
        picking.set(false);
        pickFrom = null;
        request = r;
        vanished = null;
        change.set(Change.NONE);
        compute(state.frame().snapshot(), false);
    }

    private void compute(TopologySnapshot snapshot, boolean again) {
        Request r = request;
        long mine = ++seq;
        failure = null;
        status.set(Status.COMPUTING);
        render();
        executor.submit(() -> function.trace(snapshot, r.from(), r.to()), traced -> {
            if (mine != seq) {
                return;
            }
            tracedOn = snapshot;
            shownHop = -1;
            change.set(again ? Change.RECOMPUTED : Change.NONE);
            result.set(traced);
            steps.set(traced.hops().isEmpty() ? null : new Steps(traced));
            status.set(Status.SHOWN);
            render();
            if (state.frame().snapshot() != snapshot && request == r) {
                compute(state.frame().snapshot(), true); // a snapshot came while this one was traced
            }
        }, problem -> {
            if (mine != seq) {
                return;
            }
            tracedOn = snapshot;
            result.set(null);
            steps.set(null);
            if (again && problem instanceof TraceArgumentException) {
                // The request is kept: the endpoint may come back in a later snapshot.
                vanished = oneLine(problem);
                change.set(Change.VANISHED);
                status.set(Status.FAILED);
            } else {
                failure = problem instanceof TraceArgumentException ? oneLine(problem)
                        : T.text(language.locale(), "trace.failed", oneLine(problem));
                status.set(Status.FAILED);
            }
            render();
        });
    }

    private void frameChanged(TopologyFrame before, TopologyFrame now) {
        if (picking.get() && now.whole().node(pickFrom).isEmpty()) {
            cancelPicking();
        }
        if (request != null && tracedOn != null && now.snapshot() != tracedOn) {
            compute(now.snapshot(), true); // new topology or rules: the packet may go another way now
        } else {
            remark(); // folded or unfolded: the same trace, drawn on what is shown
        }
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    // ---- rendering ------------------------------------------------------------------------

    private void render() {
        Locale l = language.locale();
        title.set(T.text(l, "trace.title"));
        TraceResult r = result.get();
        Request q = request;
        endpoints.set(q == null ? "" : T.text(l, "trace.endpoints", q.from(), q.to()));
        pickHint.set(picking.get() ? T.text(l, "trace.pick", pickFromName) : "");
        message.set(switch (status.get()) {
            case IDLE -> T.text(l, "trace.idle");
            case PICKING -> T.text(l, "trace.pick", pickFromName);
            case COMPUTING -> T.text(l, "trace.computing");
            case SHOWN -> "";
            case FAILED -> vanished != null ? "" : failure == null ? "" : failure;
        });
        changeNote.set(switch (change.get()) {
            case NONE -> "";
            case RECOMPUTED -> T.text(l, "trace.recomputed");
            case VANISHED -> T.text(l, "trace.vanished", vanished);
        });
        if (r == null) {
            verdict.set("");
            reason.set("");
            decidingRule.set("");
            decidingLink.set("");
            hops.clear();
        } else {
            verdict.set(T.text(l, "trace.verdict." + r.verdict().word()));
            reason.set(r.reason() == null ? "" : r.reason().in(l));
            RuleRef d = r.decidingRule();
            decidingRule.set(d == null ? T.text(l, "trace.rule.none")
                    : d.index() == 0 ? T.text(l, "trace.rule.policy", d.table(), d.chain(), d.rule(), hostName(d.host()))
                    : T.text(l, "trace.rule", d.table(), d.chain(), d.index(), d.rule(), hostName(d.host())));
            decidingLink.set(d == null ? "" : T.text(l, "trace.rule.open"));
            hops.setAll(r.hops().stream().map(h -> row(h, d, l)).toList());
        }
        remark();
    }

    private HopRow row(Hop h, RuleRef d, Locale l) {
        String rule = h.table() == null && h.chain() == null && h.rule() == null ? ""
                : String.join(" ", nz(h.table()), nz(h.chain())).trim() + (h.rule() == null ? "" : ": " + h.rule());
        boolean deciding = d != null && (d.ruleId() != null ? d.ruleId().equals(h.ruleId())
                : Objects.equals(d.table(), h.table()) && Objects.equals(d.chain(), h.chain())
                && Objects.equals(d.rule(), h.rule()) && Objects.equals(d.host(), h.host()));
        return new HopRow(h.index(), T.text(l, "trace.kind." + h.kind().word()), where(h, l), rule, nz(h.action()),
                h.note() == null ? "" : h.note().in(l), deciding);
    }

    /** Interface, namespace and (on a picture of several hosts) host, by the names the canvas shows. */
    private String where(Hop h, Locale l) {
        TopologyGraph whole = state.frame().whole();
        List<String> parts = new ArrayList<>();
        if (h.interfaceId() != null) {
            String iface = TopologyGraph.ifId(h.interfaceId());
            if (h.kind() == HopKind.BRIDGE) {
                // A bridge hop names the port it forwards to: the bridge is where it happens (and its badge).
                iface = whole.linksOf(iface).stream().filter(k -> k.kind() == LinkKind.BRIDGE_PORT && k.source().equals(
                        TopologyGraph.ifId(h.interfaceId()))).map(k -> k.target()).findFirst().orElse(iface);
            }
            parts.add(whole.node(iface).map(TopoNode::label).orElse(h.interfaceId()));
        }
        if (h.namespace() != null) {
            String ns = TopologyGraph.nsId(h.namespace());
            parts.add(whole.node(ns).map(n -> n.subKind() == SubKind.Namespace.HOST ? T.text(l, "trace.where.hostNs")
                    : containerIn(whole, ns).orElse(n.label())).orElse(h.namespace()));
        }
        if (h.host() != null && state.frame().snapshot().hosts().size() > 1) {
            parts.add(hostName(h.host()));
        }
        return String.join(" · ", parts);
    }

    private static Optional<String> containerIn(TopologyGraph g, String nsId) {
        return g.children(nsId).stream().map(g::node).flatMap(Optional::stream)
                .filter(n -> n.kind() == dev.netlens.graph.NodeKind.CONTAINER).map(TopoNode::label).findFirst();
    }

    private String hostName(String hostId) {
        return state.frame().snapshot().hosts().stream().filter(h -> h.id().equals(hostId)).map(dev.netlens.snapshot.Host::name)
                .findFirst().orElse(nz(hostId));
    }

    /** The canvas marks for the trace as shown now (whole, or up to the hop presentation is at). */
    private void remark() {
        TraceResult r = result.get();
        Request q = request;
        canvas.traceProperty().set(r == null || q == null ? TraceMarks.NONE
                : onCanvas().marks(r, q.fromVertex(), q.toVertex(), shownHop < 0 ? -1 : shownHop + 1, shownHop));
    }

    private TraceOnCanvas onCanvas() {
        TopologyFrame f = state.frame();
        return new TraceOnCanvas(f.graph(), f.whole());
    }

    private TraceEndpoints endpoints() {
        TopologyFrame f = state.frame();
        return new TraceEndpoints(f.snapshot(), f.whole());
    }

    /** A typed destination's vertex: the container of that name, or the interface holding that address. */
    private String vertexNamed(String d) {
        TopologyGraph g = state.frame().whole();
        for (TopoNode n : g.nodes()) {
            if (n.kind() == dev.netlens.graph.NodeKind.CONTAINER && n.label().equals(d)) {
                return n.id();
            }
        }
        for (TopoNode n : g.nodes()) {
            if ((n.kind() == dev.netlens.graph.NodeKind.INTERFACE || n.kind() == dev.netlens.graph.NodeKind.BRIDGE)
                    && n.details().stream().anyMatch(x -> x.fact() == Fact.ADDRESSES && x.value() != null
                    && List.of(x.value().split(", ")).stream().anyMatch(a -> a.split("/")[0].equals(d)))) {
                return n.id();
            }
        }
        return null;
    }

    private String name(String vertexId) {
        return vertexId == null ? "" : state.frame().graph().node(vertexId).map(TopoNode::label).orElse(vertexId);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Presentation's steps: one per hop, captioned in the UI language at the moment it is shown. */
    private final class Steps implements HopSteps {
        private final TraceResult traced;

        Steps(TraceResult traced) {
            this.traced = traced;
        }

        @Override
        public int count() {
            return traced.hops().size();
        }

        @Override
        public String caption(int step) {
            Locale l = language.locale();
            Hop h = traced.hops().get(step);
            // Only the device (or namespace): the host's name would take a line of the projected caption.
            String where = where(h, l).split(" · ")[0];
            String caption = T.text(l, "trace.caption", h.index(), T.text(l, "trace.kind." + h.kind().word()),
                    where.isEmpty() ? "" : " · " + where, h.note() == null ? nz(h.action()) : h.note().in(l));
            if (step == count() - 1) {
                caption += "\n" + T.text(l, "trace.caption.end", T.text(l, "trace.verdict." + traced.verdict().word()),
                        traced.reason() == null ? "" : traced.reason().in(l));
            }
            return caption;
        }

        @Override
        public Set<String> focus(int step) {
            TraceOnCanvas c = onCanvas();
            String v = c.hopVertices(traced).get(step);
            return v == null ? Set.of() : Set.of(v);
        }

        @Override
        public void show(int step) {
            if (result.get() == traced) {
                shownHop = step;
                remark();
            }
        }
    }

    // ---- outputs ----------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Change> changeProperty() {
        return change.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TraceResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The shown trace's hops as presentation steps, or null when none is shown. */
    public ReadOnlyObjectProperty<HopSteps> stepsProperty() {
        return steps.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pickingProperty() {
        return picking.getReadOnlyProperty();
    }

    public boolean isPicking() {
        return picking.get();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** "lab-user-a → lab-bridge-a:8080/tcp". */
    public ReadOnlyStringProperty endpointsProperty() {
        return endpoints.getReadOnlyProperty();
    }

    /** What the panel says when no trace is shown: how to start one, picking, computing, why it failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The line over the canvas while picking a destination. */
    public ReadOnlyStringProperty pickHintProperty() {
        return pickHint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    /** "Recomputed after a change", or that an endpoint vanished; empty otherwise. */
    public ReadOnlyStringProperty changeNoteProperty() {
        return changeNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty decidingRuleProperty() {
        return decidingRule.getReadOnlyProperty();
    }

    /** The deciding rule link's text, empty when no rule decided. */
    public ReadOnlyStringProperty decidingLinkProperty() {
        return decidingLink.getReadOnlyProperty();
    }

    public ObservableList<HopRow> hops() {
        return FXCollections.unmodifiableObservableList(hops);
    }

    /** The source's name while a destination is being picked, else null. */
    public String pickingFrom() {
        return picking.get() ? pickFromName : null;
    }

    public Request request() {
        return request;
    }
}
