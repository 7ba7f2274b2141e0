package dev.netlens.ui.trace;

import dev.netlens.graph.Collapse;
import dev.netlens.graph.LinkKind;
import dev.netlens.graph.TopoLink;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.trace.Hop;
import dev.netlens.trace.HopKind;
import dev.netlens.trace.TraceResult;
import dev.netlens.trace.Verdict;
import dev.netlens.ui.topology.TraceMarks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where a trace's hops are on the canvas. A hop names the topology's ids (interface, namespace,
 * host); it is drawn at its interface (a bridge hop at the bridge, not the port it names), else
 * where the packet last was in the same namespace (a netfilter chain after the route that chose
 * the interface, the reply's FORWARD after the delivery), else at a vertex of its namespace wired to
 * the hop before (the underlay's far end), else where the packet next is in that namespace, else at
 * its namespace's box, else its host's. A vertex folded away by collapsing is found in the summary that folded it.
 */
public final class TraceOnCanvas {
    private final TopologyGraph graph;
    private final TopologyGraph whole;

    /**
     * @param graph what the canvas draws (possibly folded)
     * @param whole the same snapshot's graph with nothing folded
     */
    public TraceOnCanvas(TopologyGraph graph, TopologyGraph whole) {
        this.graph = graph;
        this.whole = whole;
    }

    /** The drawn vertex of each hop, in order (null where a hop has nothing drawn). */
    public List<String> hopVertices(TraceResult r) {
        List<String> out = new ArrayList<>();
        List<Hop> hops = r.hops();
        for (int i = 0; i < hops.size(); i++) {
            Hop h = hops.get(i);
            String v = null;
            if (h.interfaceId() != null) {
                String iface = TopologyGraph.ifId(h.interfaceId());
                // A bridge hop names the port it forwards to; the badge goes on the bridge itself.
                v = shown(h.kind() == HopKind.BRIDGE ? masterOf(iface) : iface);
            }
            // A hop with no interface (a chain) happens where the packet last was in that namespace.
            for (int j = i - 1; v == null && j >= 0; j--) {
                Hop b = hops.get(j);
                if (Objects.equals(b.namespace(), h.namespace()) && Objects.equals(b.host(), h.host()) && out.get(j) != null) {
                    v = out.get(j);
                }
            }
            if (v == null && i > 0 && out.get(i - 1) != null && h.namespace() != null) {
                v = neighbourIn(out.get(i - 1), TopologyGraph.nsId(h.namespace()));
            }
            for (int j = i + 1; v == null && j < hops.size(); j++) {
                Hop a = hops.get(j);
                if (Objects.equals(a.namespace(), h.namespace()) && Objects.equals(a.host(), h.host()) && a.interfaceId() != null) {
                    v = shown(TopologyGraph.ifId(a.interfaceId()));
                }
            }
            if (v == null && h.namespace() != null) {
                v = shown(TopologyGraph.nsId(h.namespace()));
            }
            if (v == null && h.host() != null) {
                v = shown(TopologyGraph.hostId(h.host()));
            }
            out.add(v);
        }
        return out;
    }

    /** A drawn vertex wired to {@code from} that sits in the namespace box {@code nsId} (the far end of an underlay link). */
    private String neighbourIn(String from, String nsId) {
        for (TopoLink l : graph.linksOf(from)) {
            String o = l.source().equals(from) ? l.target() : l.source();
            if (graph.ancestors(o).contains(nsId)) {
                return o;
            }
        }
        return null;
    }

    /** The bridge a port is enslaved to, or the vertex itself (a bridge, or no bridge port). */
    private String masterOf(String iface) {
        for (TopoLink l : whole.linksOf(iface)) {
            if (l.kind() == LinkKind.BRIDGE_PORT && l.source().equals(iface)) {
                return l.target();
            }
        }
        return iface;
    }

    /**
     * The marks of the first {@code shown} hops (all of them when negative), the hop at {@code current}
     * (0-based; -1 for none) stressed, the endpoints' vertices on the path.
     */
    public TraceMarks marks(TraceResult r, String fromVertex, String toVertex, int shown, int current) {
        List<String> at = hopVertices(r);
        int n = shown < 0 ? at.size() : Math.min(shown, at.size());
        Map<String, List<Integer>> numbers = new LinkedHashMap<>();
        Set<String> path = new LinkedHashSet<>();
        String from = fromVertex == null ? null : shown(fromVertex);
        String to = toVertex == null ? null : shown(toVertex);
        if (from != null) {
            path.add(from);
        }
        String previous = from;
        for (int i = 0; i < n; i++) {
            String v = at.get(i);
            if (v == null) {
                continue;
            }
            numbers.computeIfAbsent(v, k -> new ArrayList<>()).add(r.hops().get(i).index());
            path.add(v);
            if (previous != null && !previous.equals(v)) {
                join(previous, v, path);
            }
            previous = v;
        }
        boolean all = n == at.size();
        if (all && r.verdict() == Verdict.DELIVERED && to != null) {
            if (previous != null && !previous.equals(to)) {
                join(previous, to, path);
            }
            path.add(to);
        }
        Map<String, String> badges = new LinkedHashMap<>();
        numbers.forEach((v, idx) -> badges.put(v, label(idx)));
        Set<String> stress = new LinkedHashSet<>();
        if (current >= 0 && current < at.size() && at.get(current) != null) {
            stress.add(at.get(current));
        }
        String stop = null;
        if (all && r.verdict() != Verdict.DELIVERED) {
            for (int i = at.size() - 1; i >= 0 && stop == null; i--) {
                stop = at.get(i);
            }
        }
        return new TraceMarks(badges, path, stress, stop);
    }

    /** Badge text: "3", "3–5" for a run, "2, 7" for separate visits. */
    static String label(List<Integer> idx) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < idx.size()) {
            int j = i;
            while (j + 1 < idx.size() && idx.get(j + 1) == idx.get(j) + 1) {
                j++;
            }
            parts.add(j == i ? String.valueOf(idx.get(i)) : idx.get(i) + "–" + idx.get(j));
            i = j + 1;
        }
        return String.join(", ", parts);
    }

    /** Adds the link between two drawn vertices, or the two links through one vertex between them. */
    private void join(String a, String b, Set<String> path) {
        boolean direct = false;
        for (TopoLink l : graph.linksOf(a)) {
            if (l.source().equals(a) && l.target().equals(b) || l.source().equals(b) && l.target().equals(a)) {
                path.add(l.id()); // every line between them: a veth and the VXLAN tunnel over it
                direct = true;
            }
        }
        if (direct) {
            return;
        }
        for (TopoLink l : graph.linksOf(a)) {
            String m = l.source().equals(a) ? l.target() : l.source();
            TopoLink second = linkBetween(m, b);
            if (second != null) {
                path.add(l.id());
                path.add(m);
                path.add(second.id());
                return;
            }
        }
    }

    private TopoLink linkBetween(String a, String b) {
        for (TopoLink l : graph.linksOf(a)) {
            if (l.source().equals(a) && l.target().equals(b) || l.source().equals(b) && l.target().equals(a)) {
                return l;
            }
        }
        return null;
    }

    /**
     * The drawn vertex standing for {@code id}: itself; else the summary that folded it, found from
     * it, its boxes or what it is wired to within a few links (a container's eth0 folded with its
     * bridge's network: veth peer, then bridge); else its nearest drawn box.
     */
    public String shown(String id) {
        if (graph.node(id).isPresent()) {
            return id;
        }
        if (whole.node(id).isEmpty()) {
            return null;
        }
        Set<String> seen = new LinkedHashSet<>(List.of(id));
        List<String> ring = List.of(id);
        for (int depth = 0; depth <= 3 && !ring.isEmpty(); depth++) {
            List<String> next = new ArrayList<>();
            for (String c : ring) {
                List<String> here = new ArrayList<>(List.of(c));
                here.addAll(whole.ancestors(c));
                for (String h : here) {
                    if (graph.node(Collapse.summaryId(h)).isPresent()) {
                        return Collapse.summaryId(h);
                    }
                }
                for (TopoLink l : whole.linksOf(c)) {
                    String o = l.source().equals(c) ? l.target() : l.source();
                    if (seen.add(o)) {
                        next.add(o);
                    }
                }
            }
            ring = next;
        }
        for (String a : whole.ancestors(id)) {
            if (graph.node(a).isPresent()) {
                return a;
            }
        }
        return null;
    }
}
