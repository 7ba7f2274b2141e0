package dev.netlens.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.netlens.json.JsonTree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads interface counters from what the kernel prints: {@code ip -s -j link} or /proc/PID/net/dev. */
public final class CounterParser {
    private CounterParser() {
    }

    /**
     * The {@code stats64} of each link in {@code ip -s -j link show}'s JSON array (the older
     * {@code stats} when an ip prints only that). Links without counters are left out.
     *
     * @throws IOException when it is not such an array
     */
    public static List<CounterSample> ipLinkJson(String json, long atNanos) throws IOException {
        JsonNode root = JsonTree.parse(json);
        if (!root.isArray()) {
            throw new IOException("ip -s -j link printed no JSON array");
        }
        List<CounterSample> out = new ArrayList<>();
        for (JsonNode link : root) {
            JsonNode stats = link.has("stats64") ? link.get("stats64") : link.get("stats");
            String name = link.path("ifname").asText("");
            if (stats == null || name.isEmpty()) {
                continue;
            }
            JsonNode rx = stats.path("rx");
            JsonNode tx = stats.path("tx");
            out.add(new CounterSample(name, link.path("ifindex").asInt(0),
                    rx.path("bytes").asLong(0), tx.path("bytes").asLong(0),
                    rx.path("packets").asLong(0), tx.path("packets").asLong(0),
                    rx.path("dropped").asLong(0), tx.path("dropped").asLong(0),
                    rx.path("errors").asLong(0), tx.path("errors").asLong(0), atNanos));
        }
        return out;
    }

    /**
     * The lines of /proc/PID/net/dev: two header lines, then {@code name: } and sixteen numbers,
     * eight received (bytes packets errs drop fifo frame compressed multicast) and eight sent (bytes
     * packets errs drop fifo colls carrier compressed).
     *
     * @throws IOException when a line has not that shape
     */
    public static List<CounterSample> procNetDev(String text, long atNanos) throws IOException {
        List<CounterSample> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || line.contains("|")) {
                continue; // the two header lines
            }
            String name = line.substring(0, colon).strip();
            String[] f = line.substring(colon + 1).strip().split("\\s+");
            if (name.isEmpty() || f.length < 16) {
                throw new IOException("unexpected line in net/dev: " + line.strip());
            }
            try {
                out.add(new CounterSample(name, 0, Long.parseUnsignedLong(f[0]), Long.parseUnsignedLong(f[8]),
                        Long.parseUnsignedLong(f[1]), Long.parseUnsignedLong(f[9]),
                        Long.parseUnsignedLong(f[3]), Long.parseUnsignedLong(f[11]),
                        Long.parseUnsignedLong(f[2]), Long.parseUnsignedLong(f[10]), atNanos));
            } catch (NumberFormatException e) {
                throw new IOException("unexpected number in net/dev: " + line.strip());
            }
        }
        return out;
    }
}
