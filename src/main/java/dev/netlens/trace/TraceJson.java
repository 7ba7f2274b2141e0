package dev.netlens.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Locale;

/** A trace as {@code netlens.trace/v1} JSON (docs/trace-json.md), texts in English. */
public final class TraceJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private TraceJson() {
    }

    public static void write(TraceResult t, Writer out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("schema", TraceResult.SCHEMA);
            g.writeStringField("from", t.from());
            g.writeStringField("to", t.to());
            g.writeStringField("protocol", t.protocol().word());
            if (t.port() == null) {
                g.writeNullField("port");
            } else {
                g.writeNumberField("port", t.port());
            }
            g.writeStringField("verdict", t.verdict().word());
            g.writeStringField("reason", t.reason().in(Locale.ENGLISH));
            RuleRef r = t.decidingRule();
            if (r == null) {
                g.writeNullField("decidingRule");
            } else {
                g.writeObjectFieldStart("decidingRule");
                g.writeStringField("host", r.host());
                g.writeStringField("table", r.table());
                g.writeStringField("chain", r.chain());
                g.writeStringField("rule", r.rule());
                g.writeNumberField("index", r.index());
                g.writeStringField("ruleId", r.ruleId());
                g.writeEndObject();
            }
            g.writeArrayFieldStart("hops");
            for (Hop h : t.hops()) {
                g.writeStartObject();
                g.writeNumberField("index", h.index());
                g.writeStringField("kind", h.kind().word());
                g.writeStringField("host", h.host());
                g.writeStringField("namespace", h.namespace());
                g.writeStringField("interface", h.interfaceId());
                g.writeStringField("table", h.table());
                g.writeStringField("chain", h.chain());
                g.writeStringField("rule", h.rule());
                g.writeStringField("ruleId", h.ruleId());
                g.writeStringField("action", h.action());
                g.writeStringField("note", h.note().in(Locale.ENGLISH));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write(System.lineSeparator());
    }

    public static String toJson(TraceResult t) {
        StringWriter w = new StringWriter();
        try {
            write(t, w);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return w.toString();
    }
}
