package dev.netlens.snapshot;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.netlens.graph.GraphExport;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.render.Drawing;
import dev.netlens.render.PictureOptions;
import dev.netlens.render.Pictures;
import dev.netlens.render.SvgWriter;
import java.io.StringWriter;
import dev.netlens.layout.StackLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A real capture damaged one field at a time (dropped, null, or turned into a string, number, array or
 * object): the reader either refuses it with its one-line message, or what it accepts goes through the
 * graph, the layout, the drawing, SVG and the graph exports. Never anything else
 * (a NullPointerException while drawing was how a null networkMode used to surface).
 */
class SnapshotFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyFieldDroppedNulledOrRetypedIsRefusedOrDrawable() throws Exception {
        JsonNode lab = JSON.readTree(Files.readString(Path.of("src/test/resources/snapshots/lab.json")));
        List<String> failures = new ArrayList<>();
        List<List<Object>> paths = new ArrayList<>();
        collect(lab, new ArrayList<>(), paths);
        for (List<Object> path : paths) {
            for (String damage : List.of("drop", "null", "string", "number", "array", "object")) {
                JsonNode copy = lab.deepCopy();
                if (!damage(copy, path, damage)) {
                    continue;
                }
                try {
                    TopologySnapshot s = SnapshotJson.parse(JSON.writeValueAsString(copy));
                    // Everything an accepted file goes through: graph, layout, drawing, picture and graph exports.
                    TopologyGraph graph = TopologyGraph.from(s);
                    new StackLayout().layout(graph);
                    Drawing drawing = Pictures.of(new SnapshotFile(s, java.util.Map.of()), PictureOptions.plain());
                    SvgWriter.toSvg(drawing, 1);
                    GraphExport.writeDot(graph, new StringWriter());
                    GraphExport.writeGraphml(graph, new StringWriter());
                } catch (InvalidSnapshotException refused) {
                    if (refused.getMessage() == null || refused.getMessage().contains("\n")) {
                        failures.add(damage + " " + path + ": refused without one line");
                    }
                } catch (RuntimeException e) {
                    failures.add(damage + " " + path + ": " + e);
                }
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " damaged captures got through and broke:\n" + String.join("\n",
                    failures.subList(0, Math.min(40, failures.size()))));
        }
    }

    /** One path per field of the first element of each list (and of top-level objects). */
    private static void collect(JsonNode node, List<Object> at, List<List<Object>> out) {
        if (node.isObject()) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (at.isEmpty() && n.equals("layout")) {
                    continue;
                }
                List<Object> p = new ArrayList<>(at);
                p.add(n);
                out.add(p);
                collect(node.get(n), p, out);
            }
        } else if (node.isArray() && node.size() > 0 && at.size() < 4) {
            List<Object> p = new ArrayList<>(at);
            p.add(0);
            collect(node.get(0), p, out);
        }
    }

    private static boolean damage(JsonNode root, List<Object> path, String how) {
        JsonNode parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            Object k = path.get(i);
            parent = k instanceof Integer idx ? parent.get(idx) : parent.get((String) k);
            if (parent == null) {
                return false;
            }
        }
        Object last = path.get(path.size() - 1);
        if (!(parent instanceof ObjectNode o) || !(last instanceof String field)) {
            return false;
        }
        switch (how) {
            case "drop" -> o.remove(field);
            case "null" -> o.putNull(field);
            default -> {
                JsonNode v = o.get(field);
                JsonNode other = switch (how) {
                    case "string" -> JSON.getNodeFactory().textNode("42");
                    case "number" -> JSON.getNodeFactory().numberNode(42);
                    case "array" -> JSON.createArrayNode();
                    default -> JSON.createObjectNode();
                };
                if (v == null || v.getNodeType() == other.getNodeType()) {
                    return false; // not a change of type
                }
                o.set(field, other);
            }
        }
        return true;
    }
}
