package dev.netlens.graph;

import java.io.Writer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;

/** Writes the topology graph for graph tools (Graphviz, Gephi, yEd). Headless: no JavaFX here. */
public final class GraphExport {
    private GraphExport() {
    }

    /** Graphviz DOT; vertex ids are numbers (DOT ids cannot hold our ':' and '/'), the real id is an attribute. */
    public static void writeDot(TopologyGraph topology, Writer out) {
        Map<TopoNode, String> ids = numbering(topology);
        DOTExporter<TopoNode, TopoLink> exporter = new DOTExporter<>(ids::get);
        exporter.setGraphIdProvider(() -> "netlens");
        exporter.setVertexAttributeProvider(n -> vertexAttributes(n));
        exporter.setEdgeAttributeProvider(GraphExport::edgeAttributes);
        exporter.exportGraph(topology.graph(), out);
    }

    /** GraphML with typed keys, so Gephi and yEd can colour by kind. */
    public static void writeGraphml(TopologyGraph topology, Writer out) {
        Map<TopoNode, String> ids = numbering(topology);
        GraphMLExporter<TopoNode, TopoLink> exporter = new GraphMLExporter<>(ids::get);
        for (String key : new String[] {"netlens_id", "kind", "subkind", "label", "caption", "parent", "ref", "host", "mtu"}) {
            exporter.registerAttribute(key, GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
        }
        for (String key : new String[] {"netlens_id", "kind", "network", "label", "mtu_mismatch"}) {
            exporter.registerAttribute(key, GraphMLExporter.AttributeCategory.EDGE, AttributeType.STRING);
        }
        Map<TopoLink, String> edgeIds = new HashMap<>();
        topology.links().forEach(l -> edgeIds.put(l, "e" + edgeIds.size()));
        exporter.setEdgeIdProvider(edgeIds::get);
        exporter.setVertexAttributeProvider(GraphExport::vertexAttributes);
        exporter.setEdgeAttributeProvider(GraphExport::edgeAttributes);
        exporter.exportGraph(topology.graph(), out);
    }

    private static Map<TopoNode, String> numbering(TopologyGraph topology) {
        Map<TopoNode, String> ids = new HashMap<>();
        topology.nodes().forEach(n -> ids.put(n, "n" + ids.size()));
        return ids;
    }

    private static Map<String, Attribute> vertexAttributes(TopoNode n) {
        Map<String, Attribute> a = new LinkedHashMap<>();
        put(a, "netlens_id", n.id());
        put(a, "kind", n.kind().name().toLowerCase(java.util.Locale.ROOT));
        put(a, "subkind", n.subKind().wireName());
        put(a, "label", n.caption() == null ? n.label() : n.label() + "\n" + n.caption());
        put(a, "caption", n.caption());
        put(a, "parent", n.parent());
        put(a, "ref", n.ref());
        put(a, "host", n.host());
        if (n.mtu() > 0) {
            put(a, "mtu", String.valueOf(n.mtu()));
        }
        return a;
    }

    private static Map<String, Attribute> edgeAttributes(TopoLink l) {
        Map<String, Attribute> a = new LinkedHashMap<>();
        put(a, "netlens_id", l.id());
        put(a, "kind", l.kind().name().toLowerCase(java.util.Locale.ROOT));
        put(a, "network", l.network());
        put(a, "label", l.label());
        if (l.mtuMismatch()) {
            put(a, "mtu_mismatch", "true");
        }
        return a;
    }

    private static void put(Map<String, Attribute> a, String key, String value) {
        if (value != null) {
            a.put(key, DefaultAttribute.createAttribute(value));
        }
    }

}
