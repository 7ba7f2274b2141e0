package dev.netlens.firewall;

import dev.netlens.json.JsonTree;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.netlens.firewall.RulesetBuilder.ChainBuilder;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads {@code nft -j list ruleset} into the same model as {@link IptablesParser}. Docker 29's
 * nftables backend keeps its rules in tables {@code ip docker-bridges} and {@code ip6 docker-bridges},
 * which iptables-save does not show. Bad JSON or an odd object becomes a {@link ParseProblem};
 * nothing is thrown.
 */
public final class NftRulesetParser {
    private static final int SNIPPET = 300;

    private NftRulesetParser() {
    }

    public static FirewallRuleset parse(String json) {
        RulesetBuilder out = new RulesetBuilder(Table.Source.NFT);
        if (json == null || json.isBlank()) {
            return out.build();
        }
        JsonNode root;
        try {
            root = JsonTree.parse(json);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            out.problem(line, lineOf(json, line), "not valid JSON: " + e.getOriginalMessage());
            return out.build();
        } catch (java.io.IOException e) { // a String has no I/O to fail; kept for the signature
            out.problem(1, shorten(json), "not valid JSON: " + e.getMessage());
            return out.build();
        }
        JsonNode list = root == null ? null : root.get("nftables");
        if (list == null || !list.isArray()) {
            out.problem(1, shorten(json), "no \"nftables\" array: this is not nft -j output");
            return out.build();
        }
        Map<String, JsonNode> maps = collectMaps(list);
        for (int i = 0; i < list.size(); i++) {
            JsonNode obj = list.get(i);
            try {
                object(out, i + 1, obj, maps);
            } catch (RuntimeException e) {
                out.problem(i + 1, shorten(obj.toString()), "could not read this object: " + e.getMessage());
            }
        }
        return out.build();
    }

    private static void object(RulesetBuilder out, int index, JsonNode obj, Map<String, JsonNode> maps) {
        if (!obj.isObject() || obj.size() != 1) {
            out.problem(index, shorten(obj.toString()), "expected an object with one key");
            return;
        }
        String kind = obj.fieldNames().next();
        JsonNode body = obj.get(kind);
        switch (kind) {
            case "metainfo" -> out.notes.add("nft " + body.path("version").asText("?")
                    + ", JSON schema " + body.path("json_schema_version").asText("?"));
            case "table" -> out.table(required(body, "family"), required(body, "name"));
            case "chain" -> chain(out, body);
            case "rule" -> rule(out, index, body, maps);
            default -> {
                // sets, maps, elements, flowtables, named counters: not rules; maps were read above.
            }
        }
    }

    private static void chain(RulesetBuilder out, JsonNode body) {
        ChainBuilder c = out.table(required(body, "family"), required(body, "table")).chain(required(body, "name"));
        if (body.has("hook")) {
            c.builtin = true;
            c.hook = body.get("hook").asText();
            c.type = body.path("type").asText(null);
            c.policy = body.has("policy") ? NftExpressions.upper(body.get("policy").asText()) : "ACCEPT";
            JsonNode prio = body.path("prio");
            c.priority = prio.isNumber() ? Integer.valueOf(prio.asInt()) : null;
        }
    }

    private static void rule(RulesetBuilder out, int index, JsonNode body, Map<String, JsonNode> maps) {
        String family = required(body, "family");
        String table = required(body, "table");
        String chain = required(body, "chain");
        JsonNode expr = body.path("expr");
        if (!expr.isArray()) {
            out.problem(index, shorten(body.toString()), "rule without an expression list");
            return;
        }
        NftRuleReader r = new NftRuleReader(mapsOf(maps, family, table));
        r.read(expr, body.has("comment") ? body.get("comment").asText() : null);
        ChainBuilder c = out.table(family, table).chain(chain);
        c.rules.add(new Rule(family, table, chain, c.rules.size() + 1, index, r.rendering(),
                r.matches, r.target, r.counters));
    }

    /** Maps keyed {@code family table name}, so verdict maps can be resolved in any order. */
    private static Map<String, JsonNode> collectMaps(JsonNode list) {
        Map<String, JsonNode> maps = new HashMap<>();
        for (JsonNode obj : list) {
            JsonNode m = obj.get("map");
            if (m != null) {
                maps.put(m.path("family").asText() + " " + m.path("table").asText() + " " + m.path("name").asText(), m);
            }
        }
        return maps;
    }

    private static Map<String, JsonNode> mapsOf(Map<String, JsonNode> all, String family, String table) {
        String prefix = family + " " + table + " ";
        Map<String, JsonNode> out = new HashMap<>();
        all.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    private static String required(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isValueNode()) {
            throw new IllegalArgumentException("missing \"" + field + "\"");
        }
        return v.asText();
    }

    private static String lineOf(String text, int line) {
        return text.lines().skip(line - 1L).findFirst().map(NftRulesetParser::shorten).orElse("");
    }

    private static String shorten(String s) {
        return s.length() <= SNIPPET ? s : s.substring(0, SNIPPET) + "…";
    }
}
