package dev.netlens.ui.state;




import dev.netlens.graph.TopologyDiff;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.Layout;
import dev.netlens.layout.LayoutEngine;
import dev.netlens.persist.SavedLayout;
import java.util.List;
import java.util.Map;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.ui.concurrent.BackgroundExecutor;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The picture every panel reads: the current frame, and which hosts are stale. Snapshots go in
 * through {@link #show}; graph, layout and diff are computed in the background and the frame is
 * replaced on the FX thread. A newer snapshot cancels the layout of an older one. Every graph shown
 * is the snapshot's with what {@link CollapseState} says folded; collapsing or expanding lays the
 * current snapshot out again (in the background, the rest kept in place by a stable layout engine).
 */
public final class TopologyState {
    private final BackgroundExecutor executor;
    private final LayoutEngine layoutEngine;
    private final ReadOnlyObjectWrapper<TopologyFrame> frame = new ReadOnlyObjectWrapper<>(TopologyFrame.EMPTY);
    private final ReadOnlyObjectWrapper<Set<String>> staleHosts = new ReadOnlyObjectWrapper<>(Set.of());
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<EngineStatus> engineStatus = new ReadOnlyObjectWrapper<>(EngineStatus.NONE);
    /** The last frame computed in the background: the base of the next layout and diff. */
    private final AtomicReference<TopologyFrame> computed = new AtomicReference<>(TopologyFrame.EMPTY);
    private final AtomicLong generation = new AtomicLong();
    private final CollapseState collapse;
    /** The snapshot last given to {@link #show}, and its saved positions: what {@link #refold} shows again. */
    private volatile TopologySnapshot latest;
    private volatile Map<String, List<Double>> latestPositions;

    public TopologyState(BackgroundExecutor executor, LayoutEngine layoutEngine) {
        this(executor, layoutEngine, new CollapseState(null));
    }

    public TopologyState(BackgroundExecutor executor, LayoutEngine layoutEngine, CollapseState collapse) {
        this.executor = executor;
        this.layoutEngine = layoutEngine;
        this.collapse = collapse;
    }

    public void show(TopologySnapshot snapshot) {
        show(snapshot, null);
    }

    /**
     * Shows a snapshot opened from a file at its saved positions ({@code vertexId -> [x, y, w, h]});
     * vertices without one are placed around them.
     */
    public void show(TopologySnapshot snapshot, Map<String, List<Double>> savedPositions) {
        long mine = generation.incrementAndGet();
        latest = snapshot;
        latestPositions = savedPositions;
        CollapseState.Rule rule = collapse.rule();
        executor.submit(() -> {
            if (generation.get() != mine) {
                throw new CancellationException(); // a newer snapshot came while this one waited: skip it
            }
            TopologyFrame before = computed.get();
            TopologyGraph whole = before.snapshot() == snapshot ? before.whole() : TopologyGraph.from(snapshot);
            Set<String> folded = rule.ids(whole);
            TopologyGraph graph = whole.collapsed(folded);
            // What is folded changed by the user's hand: the picture closes up around it (a fresh
            // layout); a refresh with the same folds keeps every position.
            boolean refolded = !before.layout().rects().isEmpty() && !folded.equals(before.collapsed());
            Layout start = savedPositions != null && !savedPositions.isEmpty() ? SavedLayout.toLayout(savedPositions, graph)
                    : refolded ? Layout.EMPTY : before.layout();
            var layout = layoutEngine.layout(graph, start, () -> generation.get() != mine);
            TopologyFrame next = new TopologyFrame(snapshot, graph, layout, TopologyDiff.between(before.graph(), graph),
                    whole, folded);
            computed.set(next);
            return next;
        }, next -> {
            frame.set(next);
            problem.set(null);
        }, failure -> {
            if (!(failure instanceof CancellationException)) {
                problem.set("Could not draw the snapshot: " + failure);
            }
        });
    }

    /**
     * Shows the latest snapshot again with what {@link #collapseState()} says now folded. Its saved
     * positions are used again only if its first layout has not been shown yet.
     */
    public void refold() {
        TopologySnapshot s = latest;
        if (s != null) {
            show(s, computed.get().snapshot() == s ? null : latestPositions);
        }
    }

    /** Collapses a group, bridge or network (its id in the graph with nothing folded). FX thread. */
    public void collapse(String id) {
        collapse.collapse(id);
        refold();
    }

    /** Expands what {@code id} folded (the collapsed id, a summary's {@code ref()}). FX thread. */
    public void expand(String id) {
        collapse.expand(id, frame().whole());
        refold();
    }

    /** Expands everything folded. FX thread. */
    public void expandAll() {
        collapse.expandAll(frame().whole());
        refold();
    }

    /** Collapses exactly the groups larger than {@code n}, now and in later snapshots (null: never). FX thread. */
    public void collapseGroupsLargerThan(Integer n) {
        collapse.collapseGroupsLargerThan(n);
        refold();
    }

    /** What is folded, and the rule for later snapshots. */
    public CollapseState collapseState() {
        return collapse;
    }

    /** Hosts whose engine stopped answering: drawn greyed with their last known picture. */
    public void setStaleHosts(Set<String> hostIds) {
        staleHosts.set(Set.copyOf(hostIds));
    }

    /** Engines that could not be read at all, and when each engine was last read. FX thread only. */
    public void setEngineStatus(EngineStatus status) {
        engineStatus.set(status);
    }

    public ReadOnlyObjectProperty<EngineStatus> engineStatusProperty() {
        return engineStatus.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TopologyFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public TopologyFrame frame() {
        return frame.get();
    }

    public ReadOnlyObjectProperty<Set<String>> staleHostsProperty() {
        return staleHosts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
