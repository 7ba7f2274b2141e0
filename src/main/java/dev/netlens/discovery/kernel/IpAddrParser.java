package dev.netlens.discovery.kernel;

import dev.netlens.json.JsonTree;
import com.fasterxml.jackson.databind.JsonNode;
import dev.netlens.snapshot.InterfaceKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses the JSON of {@code ip -j -d addr show} (iproute2 5.x and 6.x) into {@link KernelLink}s. */
public final class IpAddrParser {

    private IpAddrParser() {
    }

    /** @throws IOException when the text is not the JSON array ip prints */
    public static List<KernelLink> parse(String json) throws IOException {
        return parse(JsonTree.parse(json));
    }

    /** @throws IOException when the tree is not the JSON array ip prints */
    public static List<KernelLink> parse(JsonNode root) throws IOException {
        if (root == null || !root.isArray()) {
            throw new IOException("ip printed no JSON array");
        }
        List<KernelLink> links = new ArrayList<>();
        for (JsonNode node : root) {
            // `ip addr` prints address-only fragments for links it already listed; they carry no ifname.
            if (!node.hasNonNull("ifname")) {
                continue;
            }
            links.add(toLink(node));
        }
        return links;
    }

    private static KernelLink toLink(JsonNode node) {
        JsonNode linkinfo = node.path("linkinfo");
        String rawKind = linkinfo.path("info_kind").asText(null);
        JsonNode data = linkinfo.path("info_data");
        InterfaceKind kind = kindOf(rawKind, node.path("link_type").asText(""));
        Integer vni = kind == InterfaceKind.VXLAN && data.has("id") ? data.get("id").asInt() : null;
        Integer port = kind == InterfaceKind.VXLAN && data.has("port") ? data.get("port").asInt() : null;
        List<String> addresses = new ArrayList<>();
        for (JsonNode addr : node.path("addr_info")) {
            if (addr.hasNonNull("local")) {
                addresses.add(addr.get("local").asText() + "/" + addr.path("prefixlen").asInt());
            }
        }
        return new KernelLink(
                node.path("ifindex").asInt(),
                node.get("ifname").asText(),
                kind,
                rawKind,
                node.path("address").asText(null),
                node.path("mtu").asInt(),
                node.path("operstate").asText("UNKNOWN"),
                addresses,
                node.path("master").asText(null),
                node.hasNonNull("link_index") ? node.get("link_index").asInt() : null,
                node.hasNonNull("link_netnsid") ? node.get("link_netnsid").asInt() : null,
                linkName(node),
                vni,
                port);
    }

    /** ip prints "link" as a name for a same-namespace lower device, and as "ifN" or null otherwise. */
    private static String linkName(JsonNode node) {
        String link = node.path("link").asText(null);
        if (link == null || link.matches("if\\d+")) {
            return null;
        }
        return link;
    }

    static InterfaceKind kindOf(String infoKind, String linkType) {
        if ("loopback".equals(linkType)) {
            return InterfaceKind.LOOPBACK;
        }
        if (infoKind == null) {
            return "ether".equals(linkType) ? InterfaceKind.DEVICE : InterfaceKind.OTHER;
        }
        return switch (infoKind.toLowerCase(Locale.ROOT)) {
            case "veth" -> InterfaceKind.VETH;
            case "bridge" -> InterfaceKind.BRIDGE;
            case "vxlan" -> InterfaceKind.VXLAN;
            case "macvlan", "macvtap" -> InterfaceKind.MACVLAN;
            case "ipvlan", "ipvtap" -> InterfaceKind.IPVLAN;
            default -> InterfaceKind.OTHER;
        };
    }
}
