package dev.netlens.discovery.helper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.TopologySnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A snapshot as JSON minus what differs between two reads of the same unchanged engine: when it was
 * taken, the address it was reached by, the problems list (stale namespace files come and go), the
 * firewall's counters and its dump's date lines.
 */
final class SnapshotFacts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotFacts() {
    }

    static JsonNode of(TopologySnapshot snapshot) {
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(SnapshotJson.toJson(snapshot));
            tree.remove("capturedAt");
            for (JsonNode host : tree.path("hosts")) {
                ObjectNode h = (ObjectNode) host;
                h.remove("endpoint");
                h.remove("missing");
                JsonNode firewall = h.path("firewall");
                if (firewall instanceof ObjectNode fw) {
                    fw.remove("missing");
                    for (String dump : List.of("iptablesSave", "ip6tablesSave")) {
                        if (fw.hasNonNull(dump)) {
                            fw.put(dump, fw.get(dump).asText().replaceAll("(?m)^#.*$", "").replaceAll("\\[\\d+:\\d+\\]", ""));
                        }
                    }
                    if (fw.hasNonNull("nftRuleset")) {
                        fw.put("nftRuleset", fw.get("nftRuleset").asText()
                                .replaceAll("\"packets\": \\d+, \"bytes\": \\d+", ""));
                    }
                }
            }
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The paths where two fact trees differ, for a readable failure. */
    static List<String> differences(JsonNode a, JsonNode b) {
        List<String> out = new ArrayList<>();
        diff("", a, b, out);
        return out;
    }

    private static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
        if (out.size() > 20 || a.equals(b)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                diff(path + "." + name, a.path(name), b.path(name), out);
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                diff(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else if (a.isArray() && b.isArray()) {
            // Lists of different lengths: name the ids found on one side only.
            java.util.Set<String> left = ids(a);
            java.util.Set<String> right = ids(b);
            java.util.Set<String> onlyLeft = new java.util.TreeSet<>(left);
            onlyLeft.removeAll(right);
            java.util.Set<String> onlyRight = new java.util.TreeSet<>(right);
            onlyRight.removeAll(left);
            out.add(path + ": only in the first " + onlyLeft + ", only in the second " + onlyRight);
        } else {
            out.add(path + ": " + abbreviate(a) + " <> " + abbreviate(b));
        }
    }

    private static java.util.Set<String> ids(JsonNode array) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        array.forEach(e -> ids.add(e.has("id") ? e.get("id").asText() : e.toString()));
        return ids;
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }

    /** How many namespaces, interfaces, ... a fact tree holds. */
    static Map<String, Integer> sizes(JsonNode tree) {
        Map<String, Integer> sizes = new java.util.TreeMap<>();
        for (Iterator<String> it = tree.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (tree.get(f).isArray()) {
                sizes.put(f, tree.get(f).size());
            }
        }
        return sizes;
    }
}
