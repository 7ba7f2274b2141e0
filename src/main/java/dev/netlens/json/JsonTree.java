package dev.netlens.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Parses JSON text into Jackson's tree ({@link JsonNode}) with the streaming parser alone, the tree
 * {@code ObjectMapper.readTree} gives, without an ObjectMapper. Why: discovery parses hundreds of
 * engine answers and {@code ip -j} outputs, often as the first thing a one-shot export does; the
 * mapper's set-up (type factory, deserialization context, several hundred classes) cost that
 * export more than the parsing itself.
 */
public final class JsonTree {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTree() {
    }

    /** The tree of the first JSON value in {@code json}; a {@link MissingNode} when there is none. */
    public static JsonNode parse(byte[] json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return root(p);
        }
    }

    /** @see #parse(byte[]) */
    public static JsonNode parse(java.io.InputStream json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return root(p);
        }
    }

    /** @see #parse(byte[]) */
    public static JsonNode parse(String json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return root(p);
        }
    }

    /**
     * The trees of all JSON values in {@code json}, one after the other (what {@code ip -j -batch}
     * prints: a value per command); empty when there is none.
     */
    public static java.util.List<JsonNode> parseAll(String json) throws IOException {
        java.util.List<JsonNode> values = new java.util.ArrayList<>();
        try (JsonParser p = FACTORY.createParser(json)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                values.add(value(p, t));
            }
        }
        return values;
    }

    private static JsonNode root(JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        return first == null ? MissingNode.getInstance() : value(p, first);
    }

    private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    if (k == null) {
                        throw truncated(p);
                    }
                    String field = p.currentName();
                    o.set(field, value(p, next(p)));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                    if (v == null) {
                        throw truncated(p);
                    }
                    a.add(value(p, v));
                }
                return a;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected " + t);
        }
    }

    private static JsonToken next(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw truncated(p);
        }
        return t;
    }

    private static IOException truncated(JsonParser p) {
        return new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end of input");
    }
}
