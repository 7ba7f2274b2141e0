package dev.netlens.firewall;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one nft rule's expression list into the same matches and target the iptables parser
 * gives, so the explainer and matcher read both alike, and prints the list as nft would.
 */
final class NftRuleReader {
    private static final Set<String> L4 = Set.of("tcp", "udp", "sctp", "dccp", "udplite");

    final List<Match> matches = new ArrayList<>();
    final List<String> text = new ArrayList<>();
    Target target = Target.none();
    Counters counters;
    private final Map<String, JsonNode> maps;

    /** @param maps the table's named maps, by name, so verdict maps can show their elements */
    NftRuleReader(Map<String, JsonNode> maps) {
        this.maps = maps;
    }

    void read(JsonNode expr, String comment) {
        for (JsonNode e : expr) {
            String kind = e.fieldNames().hasNext() ? e.fieldNames().next() : "";
            statement(kind, e.get(kind));
        }
        if (comment != null) {
            matches.add(Match.of("comment", "--comment", false, comment));
            text.add("comment \"" + comment + "\"");
        }
    }

    String rendering() {
        return String.join(" ", text);
    }

    private void statement(String kind, JsonNode body) {
        switch (kind) {
            case "match" -> match(body);
            case "counter" -> {
                counters = new Counters(body.path("packets").asLong(), body.path("bytes").asLong());
                text.add("counter packets " + counters.packets() + " bytes " + counters.bytes());
            }
            case "accept", "drop", "return", "continue", "queue" -> verdict(NftExpressions.upper(kind), kind);
            case "jump", "goto" -> {
                String to = body.path("target").asText();
                target = new Target(to, List.of(), kind.equals("goto"));
                text.add(kind + " " + to);
            }
            case "dnat", "snat" -> nat(kind, body);
            case "masquerade" -> {
                target = body != null && body.has("port")
                        ? Target.of("MASQUERADE", "--to-ports", NftExpressions.right(body.get("port"), false))
                        : Target.of("MASQUERADE");
                text.add("masquerade");
            }
            case "redirect" -> {
                target = Target.of("REDIRECT", "--to-ports", NftExpressions.right(body.path("port"), false));
                text.add("redirect to :" + NftExpressions.right(body.path("port"), false));
            }
            case "reject" -> reject(body);
            case "log" -> {
                target = body.has("prefix") ? Target.of("LOG", "--log-prefix", body.get("prefix").asText()) : Target.of("LOG");
                text.add(body.has("prefix") ? "log prefix \"" + body.get("prefix").asText() + "\"" : "log");
            }
            case "vmap" -> vmap(body);
            case "xt" -> xt(body);
            default -> {
                // Kept verbatim: the panel shows it, nothing interprets it.
                String json = body == null ? "null" : body.toString();
                matches.add(Match.of("nft", kind, false, json));
                text.add(kind + " " + json);
            }
        }
    }

    private void verdict(String name, String word) {
        target = Target.of(name);
        text.add(word);
    }

    private void match(JsonNode m) {
        JsonNode left = m.path("left");
        JsonNode right = m.path("right");
        String op = m.path("op").asText("==");
        boolean negated = op.equals("!=");
        String l = NftExpressions.left(left);
        boolean ifname = l.endsWith("ifname");
        String shownOp = op.equals("==") || op.equals("in") ? " " : " " + op + " ";
        text.add(l + shownOp + NftExpressions.right(right, ifname));
        List<String> values = NftExpressions.values(right);
        String[] vs = values.toArray(String[]::new);
        switch (l) {
            case "iifname", "iif" -> matches.add(Match.of(null, "-i", negated, vs));
            case "oifname", "oif" -> matches.add(Match.of(null, "-o", negated, vs));
            case "ip saddr", "ip6 saddr" -> matches.add(Match.of(null, "-s", negated, vs));
            case "ip daddr", "ip6 daddr" -> matches.add(Match.of(null, "-d", negated, vs));
            // nft -j writes meta keys bare: {"meta": {"key": "l4proto"}}
            case "l4proto", "meta l4proto", "ip protocol", "ip6 nexthdr" -> matches.add(Match.of(null, "-p", negated, vs));
            case "ct state" -> matches.add(Match.of("conntrack", "--ctstate", negated,
                    NftExpressions.upper(String.join(",", values))));
            case "fib daddr type", "fib saddr type" -> matches.add(Match.of("addrtype",
                    l.contains("daddr") ? "--dst-type" : "--src-type", negated, NftExpressions.upper(String.join(",", values))));
            default -> port(l, op, negated, vs);
        }
    }

    /** {@code tcp dport 8080} is a protocol and a port; anything else is kept as nft wrote it. */
    private void port(String l, String op, boolean negated, String[] vs) {
        String[] parts = l.split(" ");
        if (parts.length == 2 && L4.contains(parts[0]) && (parts[1].equals("dport") || parts[1].equals("sport"))
                && (op.equals("==") || op.equals("!=") || op.equals("in"))) {
            if (matches.stream().noneMatch(x -> x.is("-p"))) {
                matches.add(Match.of(null, "-p", false, parts[0]));
            }
            matches.add(Match.of(parts[0], "--" + parts[1], negated, vs));
        } else {
            String opt = op.equals("==") || op.equals("!=") || op.equals("in") ? l : l + " " + op;
            matches.add(Match.of("nft", opt, negated, vs));
        }
    }

    private void nat(String kind, JsonNode body) {
        String to = NftExpressions.hostPort(body);
        target = kind.equals("dnat")
                ? Target.of("DNAT", "--to-destination", to)
                : Target.of("SNAT", "--to-source", to);
        text.add(kind + " to " + to);
    }

    private void reject(JsonNode body) {
        String with = body == null || body.isNull() ? "" : (body.path("type").asText("") + " "
                + body.path("expr").asText("")).strip();
        target = with.isEmpty() ? Target.of("REJECT") : Target.of("REJECT", "--reject-with", with);
        text.add(with.isEmpty() ? "reject" : "reject with " + with);
    }

    /** {@code oifname vmap @filter-forward-in-jumps}: one jump per interface, read from the map. */
    private void vmap(JsonNode body) {
        String key = NftExpressions.left(body.path("key"));
        JsonNode data = body.path("data");
        List<String> args = new ArrayList<>();
        args.add(key);
        JsonNode elems = null;
        if (data.isTextual() && data.asText().startsWith("@")) {
            JsonNode map = maps.get(data.asText().substring(1));
            elems = map == null ? null : map.path("elem");
            text.add(key + " vmap " + data.asText());
        } else {
            elems = data.path("set");
            text.add(key + " vmap " + data);
        }
        if (elems != null) {
            for (JsonNode pair : elems) {
                JsonNode verdict = pair.path(1);
                String v = verdict.fieldNames().hasNext() ? verdict.fieldNames().next() : "";
                String to = verdict.path(v).path("target").asText("");
                args.add(NftExpressions.right(pair.path(0), false));
                args.add((v + " " + to).strip());
            }
        }
        target = new Target(Target.VMAP, args, false);
    }

    /** iptables-nft's compat expressions: nft names the module or target but shows no options. */
    private void xt(JsonNode body) {
        String name = body.path("name").asText();
        if (body.path("type").asText().equals("target")) {
            target = Target.of(name);
        } else {
            matches.add(Match.of(null, "-m", false, name));
        }
        text.add("xt " + body.path("type").asText() + " " + name);
    }
}
