package dev.netlens.ui.state;

import dev.netlens.graph.Collapse;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.TopologyGraph;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.prefs.Preferences;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What the window folds (see {@link Collapse}): the groups, bridges and networks the user collapsed,
 * the groups they expanded, and "collapse groups larger than N" (remembered in {@link Preferences}).
 * Ids are stable across snapshots (a compose project, a bridge's name, a network's id), so the state
 * outlives a live refresh; an id the graph does not hold is ignored and kept, in case it comes back.
 *
 * <p>What a graph shows folded ({@link Rule#ids}): the ids collapsed by hand, and, while the rule is
 * followed, every group larger than N that was not expanded by hand; so a project that grows past N
 * in a refresh starts collapsed. A snapshot file's own ids replace all of that ({@link #open}) until
 * the state saved before is restored. Thread-safe: {@link #rule()} is read by the layout thread.
 */
public final class CollapseState {
    /** The choices of the View menu's "Collapse groups larger than". */
    public static final List<Integer> THRESHOLDS = List.of(5, 10, 20, 50);
    public static final String KEY = "collapse.largerThan";

    /** An immutable copy, for the background: which ids to fold in a given graph. */
    public record Rule(Set<String> collapsed, Set<String> expanded, Integer largerThan) {
        public Rule {
            collapsed = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(collapsed)); // in order: the first fold wins
            expanded = Set.copyOf(expanded);
        }

        /** The ids to fold in {@code whole} (the graph with nothing folded), hand-collapsed first. */
        public Set<String> ids(TopologyGraph whole) {
            Set<String> out = new LinkedHashSet<>(collapsed);
            if (largerThan != null) {
                for (String g : Collapse.groupsLargerThan(whole, largerThan)) {
                    if (!expanded.contains(g)) {
                        out.add(g);
                    }
                }
            }
            return out;
        }
    }

    /** The state at one moment, to come back to (live after a file). */
    public record Saved(Set<String> collapsed, Set<String> expanded, boolean followRule) {
    }

    private final Preferences prefs;
    private final Set<String> collapsed = new LinkedHashSet<>();
    private final Set<String> expanded = new LinkedHashSet<>();
    /** Whether "larger than N" applies: not while a snapshot file's own ids are shown. */
    private boolean followRule = true;
    private final ReadOnlyObjectWrapper<Integer> largerThan = new ReadOnlyObjectWrapper<>();

    /** @param prefs where "larger than N" is remembered, or null for nowhere */
    public CollapseState(Preferences prefs) {
        this.prefs = prefs;
        int stored = prefs == null ? -1 : prefs.getInt(KEY, -1);
        largerThan.set(stored >= 0 ? stored : null);
    }

    public synchronized Rule rule() {
        return new Rule(collapsed, expanded, followRule ? largerThan.get() : null);
    }

    /** Collapses a group, bridge or network. */
    public synchronized void collapse(String id) {
        collapsed.add(id);
        expanded.remove(id);
    }

    /**
     * Expands what {@code id} folded: also any other id folded into the same summary (a network and
     * its bridge), and a group stays open even when larger than N.
     */
    public synchronized void expand(String id, TopologyGraph whole) {
        String key = foldKey(whole, id);
        collapsed.removeIf(c -> c.equals(id) || foldKey(whole, c).equals(key));
        if (whole.node(id).map(n -> n.kind() == NodeKind.GROUP).orElse(id.startsWith("group:"))) {
            expanded.add(id);
        }
    }

    /** Expands everything: what was collapsed by hand, and every group of {@code whole} larger than N. */
    public synchronized void expandAll(TopologyGraph whole) {
        collapsed.clear();
        expanded.addAll(Collapse.allGroups(whole));
    }

    /**
     * From now on groups larger than {@code n} start collapsed, and exactly those groups are
     * collapsed now (groups collapsed or expanded by hand follow the rule again; networks stay as
     * they are). Null: never (the groups it collapsed open). Remembered.
     */
    public synchronized void collapseGroupsLargerThan(Integer n) {
        collapsed.removeIf(id -> id.startsWith("group:"));
        expanded.clear();
        followRule = true;
        largerThan.set(n);
        if (prefs != null) {
            if (n == null) {
                prefs.remove(KEY);
            } else {
                prefs.putInt(KEY, n);
            }
        }
    }

    /** A snapshot file's own ids: exactly these are folded, whatever the rule says, until {@link #restore}. */
    public synchronized void open(Collection<String> ids) {
        collapsed.clear();
        collapsed.addAll(ids);
        expanded.clear();
        followRule = false;
    }

    public synchronized Saved saved() {
        return new Saved(java.util.Collections.unmodifiableSet(new LinkedHashSet<>(collapsed)), Set.copyOf(expanded), followRule);
    }

    public synchronized void restore(Saved s) {
        collapsed.clear();
        collapsed.addAll(s.collapsed());
        expanded.clear();
        expanded.addAll(s.expanded());
        followRule = s.followRule();
    }

    /** N of "collapse groups larger than N", or null for never. */
    public ReadOnlyObjectProperty<Integer> largerThanProperty() {
        return largerThan.getReadOnlyProperty();
    }

    /** What an id folds into: a network's bridge (one summary for both), else the id itself. */
    private static String foldKey(TopologyGraph whole, String id) {
        return whole.node(id).isPresent() ? whole.representative(id) : id;
    }
}
