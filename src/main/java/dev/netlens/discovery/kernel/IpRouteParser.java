package dev.netlens.discovery.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.netlens.json.JsonTree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the JSON of {@code ip -j [-d] route show table main} (iproute2 5.x and 6.x) into
 * {@link KernelRoute}s. With {@code -d} ip adds {@code type} and {@code scope} to every route; without
 * it, it leaves out the usual ones (unicast, global). Both are kept as printed.
 */
public final class IpRouteParser {
    private IpRouteParser() {
    }

    /** @throws IOException when the text is not the JSON array ip prints */
    public static List<KernelRoute> parse(String json) throws IOException {
        return parse(JsonTree.parse(json));
    }

    /** @throws IOException when the tree is not the JSON array ip prints */
    public static List<KernelRoute> parse(JsonNode root) throws IOException {
        if (root == null || !root.isArray()) {
            throw new IOException("ip printed no JSON array of routes");
        }
        List<KernelRoute> routes = new ArrayList<>();
        for (JsonNode node : root) {
            if (node.isObject() && node.hasNonNull("dst")) {
                routes.add(toRoute(node));
            }
        }
        return routes;
    }

    private static KernelRoute toRoute(JsonNode node) {
        // A multipath route names its next hops in "nexthops" only: the first one stands for it.
        JsonNode hop = !node.has("dev") && !node.has("gateway") && node.path("nexthops").isArray()
                && !node.path("nexthops").isEmpty() ? node.path("nexthops").get(0) : node;
        return new KernelRoute(
                destination(node.get("dst").asText()),
                text(hop, "gateway"),
                text(hop, "dev"),
                text(node, "prefsrc"),
                text(node, "scope"),
                text(node, "type"),
                node.path("metric").canConvertToInt() ? node.get("metric").asInt() : null);
    }

    /** ip prints a host route's destination as a bare address. */
    static String destination(String dst) {
        if (dst.equals("default") || dst.contains("/")) {
            return dst;
        }
        return dst + (dst.contains(":") ? "/128" : "/32");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }
}
