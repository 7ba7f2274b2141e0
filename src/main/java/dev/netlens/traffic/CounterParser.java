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
        long[] f = new long[16];
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            start = end + 1;
            int colon = line.indexOf(':');
            if (colon < 0 || line.indexOf('|') >= 0) {
                continue; // the two header lines
            }
            String name = line.substring(0, colon).strip();
            if (name.isEmpty() || numbers(line, colon + 1, f) < 16) {
                throw new IOException("unexpected line in net/dev: " + line.strip());
            }
            out.add(new CounterSample(name, 0, f[0], f[8], f[1], f[9], f[3], f[11], f[2], f[10], atNanos));
        }
        return out;
    }

    /**
     * Reads up to {@code into.length} whitespace-separated unsigned numbers of {@code line} from
     * {@code from} by hand: this runs for every interface every tick, where a regex split costs more
     * than the kernel's own read.
     *
     * @return how many were read
     * @throws IOException on a field that is not a number
     */
    private static int numbers(String line, int from, long[] into) throws IOException {
        int n = 0;
        int i = from;
        while (n < into.length) {
            while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i == line.length()) {
                break;
            }
            int begin = i;
            while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            try {
                into[n++] = Long.parseUnsignedLong(line, begin, i, 10);
            } catch (NumberFormatException e) {
                throw new IOException("unexpected number in net/dev: " + line.strip());
            }
        }
        return n;
    }
}
