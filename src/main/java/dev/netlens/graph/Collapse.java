package dev.netlens.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Folds groups and networks into one {@link NodeKind#SUMMARY} vertex each: everything inside a group
 * (its namespaces, their containers and interfaces, its stopped containers), the host-side ends of
 * their veth pairs and their published ports; for a network, its bridge with the ends on it, the
 * namespaces whose every leg reaches it, and their published ports. A link with one end folded is
 * carried by the summary (once per kind and far end), so the summary keeps every fact of wiring to
 * the rest of the picture: which bridges a project hangs from, which card a network still reaches.
 */
public final class Collapse {
    private Collapse() {
    }

    /** The id of the vertex that stands for {@code id} (a group, bridge or network) when it is collapsed. */
    public static String summaryId(String id) {
        return "sum:" + id;
    }

    /** Whether {@code id} is something that can be collapsed in {@code g}: a group, a bridge or a network. */
    public static boolean collapsible(TopologyGraph g, String id) {
        return g.node(id).map(n -> n.kind() == NodeKind.GROUP || n.kind() == NodeKind.BRIDGE
                || n.kind() == NodeKind.NETWORK && g.representative(id).startsWith("if:")).orElse(false);
    }

    /** The groups of {@code g} holding more than {@code n} containers (running or not). */
    public static Set<String> groupsLargerThan(TopologyGraph g, int n) {
        Set<String> out = new LinkedHashSet<>();
        for (TopoNode v : g.nodes()) {
            if (v.kind() == NodeKind.GROUP && containers(g, g.descendants(v.id())).size() > n) {
                out.add(v.id());
            }
        }
        return out;
    }

    /** Every group of {@code g}. */
    public static Set<String> allGroups(TopologyGraph g) {
        return groupsLargerThan(g, 0);
    }

    /** {@code g} with each of {@code ids} folded; ids that are not collapsible are ignored. */
    public static TopologyGraph apply(TopologyGraph g, Collection<String> ids) {
        Map<String, String> into = new LinkedHashMap<>();
        List<TopoNode> summaries = new ArrayList<>();
        for (String id : ids) {
            if (!collapsible(g, id)) {
                continue;
            }
            TopoNode n = g.node(id).orElseThrow();
            String bridge = n.kind() == NodeKind.NETWORK ? g.representative(id) : n.kind() == NodeKind.BRIDGE ? id : null;
            Set<String> members = bridge != null ? networkMembers(g, bridge) : groupMembers(g, id);
            members.removeIf(into::containsKey);
            if (members.isEmpty()) {
                continue;
            }
            String sid = summaryId(bridge != null ? bridge : id);
            if (into.containsValue(sid)) {
                continue;
            }
            members.forEach(m -> into.put(m, sid));
            summaries.add(summary(g, sid, n, bridge, members));
        }
        if (into.isEmpty()) {
            return g;
        }
        Map<String, TopoNode> nodes = new LinkedHashMap<>();
        for (TopoNode v : g.nodes()) {
            if (!into.containsKey(v.id())) {
                nodes.put(v.id(), v);
            }
        }
        summaries.forEach(v -> nodes.put(v.id(), v));
        Map<String, TopoLink> links = new LinkedHashMap<>();
        for (TopoLink l : g.links()) {
            String s = into.getOrDefault(l.source(), l.source());
            String t = into.getOrDefault(l.target(), l.target());
            if (s.equals(t)) {
                continue;
            }
            if (s.equals(l.source()) && t.equals(l.target())) {
                links.putIfAbsent(l.id(), l);
            } else {
                String lid = l.kind().name().toLowerCase(java.util.Locale.ROOT) + ":" + s + "|" + t;
                links.putIfAbsent(lid, new TopoLink(lid, l.kind(), s, t, l.network(), null, false));
            }
        }
        return TopologyGraph.of(nodes, links);
    }

    /** A group, everything in it, and the host-side ends and ports of its containers. */
    private static Set<String> groupMembers(TopologyGraph g, String group) {
        Set<String> out = new LinkedHashSet<>();
        out.add(group);
        out.addAll(g.descendants(group));
        addHostSide(g, out);
        return out;
    }

    /** A bridge, the ends on it, the namespaces whose every leg reaches it, and what hangs from those. */
    private static Set<String> networkMembers(TopologyGraph g, String bridge) {
        Set<String> out = new LinkedHashSet<>();
        out.add(bridge);
        for (TopoNode v : g.nodes()) {
            if (v.kind() == NodeKind.NETWORK && g.representative(v.id()).equals(bridge)) {
                out.add(v.id());
            }
        }
        Set<String> ends = new LinkedHashSet<>();
        for (TopoLink l : g.linksOf(bridge)) {
            if (l.kind() == LinkKind.BRIDGE_PORT && l.target().equals(bridge)) {
                ends.add(l.source());
            }
        }
        out.addAll(ends);
        Set<String> boxes = new LinkedHashSet<>();
        for (String end : ends) {
            for (TopoLink l : g.linksOf(end)) {
                if (l.kind() == LinkKind.VETH) {
                    String peer = l.source().equals(end) ? l.target() : l.source();
                    g.node(peer).map(TopoNode::parent).ifPresent(boxes::add);
                }
            }
        }
        for (String box : boxes) {
            if (g.node(box).map(b -> b.kind() == NodeKind.NAMESPACE && b.subKind() != SubKind.Namespace.HOST).orElse(false)
                    && legsOnlyTo(g, box, ends)) {
                out.add(box);
                out.addAll(g.descendants(box));
            }
        }
        addHostSide(g, out);
        return out;
    }

    /** Whether every veth leg out of {@code box} ends on one of {@code ends}. */
    private static boolean legsOnlyTo(TopologyGraph g, String box, Set<String> ends) {
        Set<String> inside = g.descendants(box);
        for (String c : inside) {
            for (TopoLink l : g.linksOf(c)) {
                if (l.kind() == LinkKind.VETH || l.kind() == LinkKind.PARENT) {
                    String o = l.source().equals(c) ? l.target() : l.source();
                    if (!ends.contains(o) && !inside.contains(o)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Adds the host-namespace ends of the members' veth pairs and the ports published to member containers. */
    private static void addHostSide(TopologyGraph g, Set<String> out) {
        Set<String> added = new LinkedHashSet<>();
        for (String m : out) {
            for (TopoLink l : g.linksOf(m)) {
                String o = l.source().equals(m) ? l.target() : l.source();
                if (out.contains(o)) {
                    continue;
                }
                TopoNode other = g.node(o).orElse(null);
                if (other == null) {
                    continue;
                }
                boolean end = l.kind() == LinkKind.VETH && other.kind() == NodeKind.INTERFACE && inHostNamespace(g, other);
                boolean port = l.kind() == LinkKind.PUBLISHED && other.kind() == NodeKind.PORT;
                if (end || port) {
                    added.add(o);
                }
            }
        }
        out.addAll(added);
    }

    private static boolean inHostNamespace(TopologyGraph g, TopoNode n) {
        return n.parent() != null && g.node(n.parent()).map(p -> p.subKind() == SubKind.Namespace.HOST).orElse(false);
    }

    private static List<TopoNode> containers(TopologyGraph g, Collection<String> ids) {
        List<TopoNode> out = new ArrayList<>();
        for (String id : ids) {
            g.node(id).filter(v -> v.kind() == NodeKind.CONTAINER).ifPresent(out::add);
        }
        return out;
    }

    private static TopoNode summary(TopologyGraph g, String sid, TopoNode of, String bridge, Set<String> members) {
        List<TopoNode> ctrs = containers(g, members);
        ctrs.sort(Comparator.comparing(TopoNode::label));
        long running = ctrs.stream().filter(c -> c.subKind() == SubKind.ContainerState.RUNNING).count();
        long stopped = ctrs.size() - running;
        Set<String> networks = new TreeSet<>();
        ctrs.forEach(c -> networks.addAll(c.networks()));
        long ports = members.stream().filter(m -> g.node(m).map(v -> v.kind() == NodeKind.PORT).orElse(false)).count();
        String name = of.label();
        if (bridge != null) {
            name = g.nodes().stream().filter(v -> v.kind() == NodeKind.NETWORK && g.representative(v.id()).equals(bridge))
                    .map(TopoNode::label).findFirst().orElse(g.node(bridge).map(TopoNode::label).orElse(name));
        }
        List<Detail> d = new ArrayList<>();
        d.add(new Detail(Fact.COLLAPSED, bridge != null ? SubKind.Summary.NETWORK.wireName() : of.subKind().wireName()));
        d.add(new Detail(Fact.RUNNING, String.valueOf(running)));
        d.add(new Detail(Fact.STOPPED, String.valueOf(stopped)));
        d.add(new Detail(Fact.NETWORKS, String.valueOf(networks.size())));
        d.add(new Detail(Fact.PUBLISHED_PORTS, String.valueOf(ports)));
        for (TopoNode c : ctrs) {
            if (c.subKind() == SubKind.ContainerState.RUNNING) {
                d.add(new Detail(Fact.MEMBER, c.label()));
            }
        }
        String parent = bridge != null ? g.node(of.host() == null ? "" : TopologyGraph.hostId(of.host())).map(TopoNode::id)
                .orElse(null) : of.parent();
        return new TopoNode(sid, NodeKind.SUMMARY, bridge != null ? SubKind.Summary.NETWORK : SubKind.Summary.GROUP, name,
                counts(running, stopped, networks.size(), ports), parent, of.id(), of.host(), List.copyOf(networks), 0, d);
    }

    /** The counts line: "5 running · 1 stopped · 2 networks · 3 ports" (zeros left out, running always shown). */
    static String counts(long running, long stopped, long networks, long ports) {
        StringBuilder b = new StringBuilder().append(running).append(" running");
        if (stopped > 0) {
            b.append(" · ").append(stopped).append(" stopped");
        }
        if (networks > 0) {
            b.append(" · ").append(networks).append(networks == 1 ? " network" : " networks");
        }
        if (ports > 0) {
            b.append(" · ").append(ports).append(ports == 1 ? " port" : " ports");
        }
        return b.toString();
    }

    /** The names of the running containers a summary stands for, in order. */
    public static List<String> memberNames(TopoNode summary) {
        return summary.details().stream().filter(d -> d.fact() == Fact.MEMBER).map(Detail::value).toList();
    }
}
