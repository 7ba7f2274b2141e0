package dev.netlens.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The JSON (netlens.trace/v1, docs/trace-json.md), the text, and the bundles behind both. */
class TraceOutputTest {
    private static final Tracer TRACER = new Tracer(LabSnapshots.LAB);

    private static List<String> fields(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void theJsonHasExactlyTheDocumentedFieldsInOrder() throws IOException {
        JsonNode j = new ObjectMapper().readTree(TraceJson.toJson(TRACER.trace("lab-user-a", "lab-renamed-1:80/udp")));
        assertEquals(List.of("schema", "from", "to", "protocol", "port", "verdict", "reason", "decidingRule", "hops"), fields(j));
        assertEquals("netlens.trace/v1", j.get("schema").asText());
        assertEquals("lab-user-a", j.get("from").asText());
        assertEquals("lab-renamed-1", j.get("to").asText());
        assertEquals("udp", j.get("protocol").asText());
        assertEquals(80, j.get("port").asInt());
        assertEquals("dropped", j.get("verdict").asText());
        assertTrue(j.get("reason").asText().endsWith("-A DOCKER-ISOLATION-STAGE-2 -o labbr0 -j DROP"), j.get("reason").asText());
        JsonNode rule = j.get("decidingRule");
        assertEquals(List.of("host", "table", "chain", "rule", "index", "ruleId"), fields(rule));
        assertEquals("host-2973bdca", rule.get("host").asText());
        assertEquals("filter", rule.get("table").asText());
        assertEquals(1, rule.get("index").asInt());
        JsonNode hops = j.get("hops");
        assertTrue(hops.size() > 3);
        for (int i = 0; i < hops.size(); i++) {
            JsonNode h = hops.get(i);
            assertEquals(List.of("index", "kind", "host", "namespace", "interface", "table", "chain", "rule", "ruleId",
                    "action", "note"), fields(h));
            assertEquals(i + 1, h.get("index").asInt());
            assertTrue(h.get("kind").asText().matches("route|veth|bridge|vxlan|underlay|macvlan|netfilter|nat|loopback|socket"));
            assertFalse(h.get("note").asText().isBlank());
        }
        assertEquals("route", hops.get(0).get("kind").asText());
        assertTrue(hops.get(0).get("table").isNull());
    }

    @Test
    void icmpHasANullPortAndAnUndecidedTraceANullRule() throws IOException {
        JsonNode j = new ObjectMapper().readTree(TraceJson.toJson(TRACER.trace("lab-none", "lab-bridge-a")));
        assertTrue(j.get("port").isNull());
        assertEquals("icmp", j.get("protocol").asText());
        assertTrue(j.get("decidingRule").isNull());
        assertEquals("unreachable", j.get("verdict").asText());
    }

    @Test
    void theTextSaysTheSameInEnglishAndInKorean() {
        TraceResult t = TRACER.trace("lab-user-a", "lab-renamed-1");
        String en = TraceText.render(t, Locale.ENGLISH);
        assertTrue(en.startsWith("Trace from lab-user-a to lab-renamed-1 (icmp): dropped."), en);
        assertTrue(en.contains("Deciding rule on host-2973bdca, filter DOCKER-ISOLATION-STAGE-2 #1"), en);
        assertTrue(en.contains(t.hops().size() + ". [netfilter]"), en);
        String ko = TraceText.render(t, Locale.KOREAN);
        assertTrue(ko.contains("버려짐"), ko);
        assertTrue(ko.contains("-A DOCKER-ISOLATION-STAGE-2 -o labbr0 -j DROP"), ko);
        assertEquals(en.lines().count(), ko.lines().count());
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TraceOutputTest.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyTextHasAKoreanTwinInHangulAndFormats() throws IOException {
        Properties en = load("/dev/netlens/trace/messages.properties");
        Properties ko = load("/dev/netlens/trace/messages_ko.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(ko.stringPropertyNames()));
        for (Properties p : List.of(en, ko)) {
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                assertFalse(value.replace("''", "").contains("'"), key + " has a lone ' : " + value);
                new MessageFormat(value);
            }
        }
        for (String key : ko.stringPropertyNames()) {
            if (!key.equals("text.hop")) {
                assertTrue(ko.getProperty(key).codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                        == Character.UnicodeScript.HANGUL), key + " has no Hangul");
            }
        }
    }

    @Test
    void everyKeyTheWalkUsesIsInTheBundle() throws IOException {
        // Keys are built from parts in places (".derived", ".shared", ".reply"); walk many traces and render them all.
        List<String[]> cases = List.of(new String[] {"lab-bridge-a", "lab-bridge-b"}, new String[] {"lab-shared", "lab-bridge-a"},
                new String[] {"lab-o1", "o2"}, new String[] {"203.0.113.9", "host:8080"}, new String[] {"lab-bridge-a", "203.0.113.9"},
                new String[] {"host", "lab-macvlan-1"}, new String[] {"lab-macvlan-1", "host"}, new String[] {"lab-none", "host"},
                new String[] {"lab-user-a", "lab-renamed-1"}, new String[] {"lab-host", "lab-bridge-a"},
                new String[] {"host", "host:8080"}, new String[] {"lab-bridge-a", "lab-exited"});
        for (String[] c : cases) {
            TraceResult t = TRACER.trace(c[0], c[1]);
            for (Locale l : List.of(Locale.ENGLISH, Locale.KOREAN)) {
                assertFalse(TraceText.render(t, l).isBlank());
            }
        }
    }
}
