package dev.netlens.firewall;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the operands of nft's JSON expressions: prints them the way {@code nft list ruleset} does,
 * and lists their plain values (addresses with their prefix, ports, interface names) for matching.
 */
final class NftExpressions {
    private NftExpressions() {
    }

    /** The left side of a match: {@code iifname}, {@code ip saddr}, {@code ct state}, {@code fib daddr type}. */
    static String left(JsonNode n) {
        if (n.has("meta")) {
            return n.get("meta").path("key").asText();
        }
        if (n.has("payload")) {
            JsonNode p = n.get("payload");
            return p.path("protocol").asText() + " " + p.path("field").asText();
        }
        if (n.has("ct")) {
            return "ct " + n.get("ct").path("key").asText();
        }
        if (n.has("fib")) {
            JsonNode f = n.get("fib");
            List<String> flags = new ArrayList<>();
            f.path("flags").forEach(x -> flags.add(x.asText()));
            return "fib " + String.join(" . ", flags) + " " + f.path("result").asText();
        }
        return n.toString();
    }

    /** The right side, printed: {@code "docker0"}, {@code 172.17.0.0/16}, {@code { 53, 5353 }}. */
    static String right(JsonNode n, boolean quoteStrings) {
        if (n.isTextual()) {
            return quoteStrings ? '"' + n.asText() + '"' : n.asText();
        }
        if (n.isArray()) {
            List<String> parts = new ArrayList<>();
            n.forEach(x -> parts.add(right(x, quoteStrings)));
            return String.join(",", parts);
        }
        if (n.has("set")) {
            List<String> parts = new ArrayList<>();
            n.get("set").forEach(x -> parts.add(right(x, quoteStrings)));
            return "{ " + String.join(", ", parts) + " }";
        }
        List<String> vs = values(n);
        return vs.size() == 1 ? vs.get(0) : n.toString();
    }

    /** Plain values of an operand: each set member, {@code addr/len} for a prefix, {@code a-b} for a range. */
    static List<String> values(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isValueNode()) {
            out.add(n.asText());
        } else if (n.isArray()) {
            n.forEach(x -> out.addAll(values(x)));
        } else if (n.has("set")) {
            n.get("set").forEach(x -> out.addAll(values(x)));
        } else if (n.has("prefix")) {
            JsonNode p = n.get("prefix");
            out.add(p.path("addr").asText() + "/" + p.path("len").asText());
        } else if (n.has("range")) {
            JsonNode r = n.get("range");
            out.add(r.path(0).asText() + "-" + r.path(1).asText());
        } else {
            out.add(n.toString());
        }
        return out;
    }

    /** {@code 192.0.2.2:80}, or {@code [fd00::2]:80} for IPv6, as iptables prints NAT addresses. */
    static String hostPort(JsonNode stmt) {
        String addr = right(stmt.path("addr"), false);
        if (stmt.path("addr").isMissingNode()) {
            addr = "";
        }
        if (!stmt.has("port")) {
            return addr;
        }
        String port = right(stmt.get("port"), false);
        return (addr.contains(":") ? "[" + addr + "]" : addr) + ":" + port;
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
