package dev.netlens.graph;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** What changed between two graphs, by id: the view applies this instead of rebuilding. */
public record TopologyDiff(
        Set<String> addedNodes,
        Set<String> removedNodes,
        Set<String> changedNodes,
        Set<String> addedLinks,
        Set<String> removedLinks,
        Set<String> changedLinks) {
    public TopologyDiff {
        addedNodes = Collections.unmodifiableSet(new LinkedHashSet<>(addedNodes));
        removedNodes = Collections.unmodifiableSet(new LinkedHashSet<>(removedNodes));
        changedNodes = Collections.unmodifiableSet(new LinkedHashSet<>(changedNodes));
        addedLinks = Collections.unmodifiableSet(new LinkedHashSet<>(addedLinks));
        removedLinks = Collections.unmodifiableSet(new LinkedHashSet<>(removedLinks));
        changedLinks = Collections.unmodifiableSet(new LinkedHashSet<>(changedLinks));
    }

    public static TopologyDiff between(TopologyGraph before, TopologyGraph after) {
        Set<String> addedN = new LinkedHashSet<>();
        Set<String> changedN = new LinkedHashSet<>();
        Set<String> removedN = new LinkedHashSet<>();
        for (TopoNode n : after.nodes()) {
            before.node(n.id()).ifPresentOrElse(
                    old -> {
                        if (!old.equals(n)) {
                            changedN.add(n.id());
                        }
                    },
                    () -> addedN.add(n.id()));
        }
        before.nodes().stream().filter(n -> after.node(n.id()).isEmpty()).forEach(n -> removedN.add(n.id()));
        Set<String> addedL = new LinkedHashSet<>();
        Set<String> changedL = new LinkedHashSet<>();
        Set<String> removedL = new LinkedHashSet<>();
        for (TopoLink l : after.links()) {
            before.link(l.id()).ifPresentOrElse(
                    old -> {
                        if (!Objects.equals(old, l)) {
                            changedL.add(l.id());
                        }
                    },
                    () -> addedL.add(l.id()));
        }
        before.links().stream().filter(l -> after.link(l.id()).isEmpty()).forEach(l -> removedL.add(l.id()));
        return new TopologyDiff(addedN, removedN, changedN, addedL, removedL, changedL);
    }

    public boolean isEmpty() {
        return addedNodes.isEmpty() && removedNodes.isEmpty() && changedNodes.isEmpty()
                && addedLinks.isEmpty() && removedLinks.isEmpty() && changedLinks.isEmpty();
    }
}
