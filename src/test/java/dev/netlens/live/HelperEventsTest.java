package dev.netlens.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A helper container's own events (captured from node2: create, the host network's connect, start,
 * exec, kill, die, disconnect, destroy) are not changes: a pass through the helper would otherwise
 * ask for the next one, for ever.
 */
class HelperEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> captured() throws Exception {
        try (InputStream in = HelperEventsTest.class.getResourceAsStream("/captures/helper/helper-container-events.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                    .map(l -> {
                        try {
                            return JSON.readTree(l);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList();
        }
    }

    @Test
    void everyEventOfAHelperContainerIsItsOwnIncludingTheNetworkConnectsWithoutItsLabel() throws Exception {
        List<JsonNode> events = captured();
        assertEquals(9, events.size());
        assertTrue(events.stream().anyMatch(e -> e.path("Type").asText().equals("network")), "the capture has network events");
        HelperEvents helpers = new HelperEvents();
        for (JsonNode event : events) {
            assertTrue(helpers.isHelpers(event), event.toString());
        }
    }

    @Test
    void anotherContainersEventsAndItsNetworkConnectAreChanges() throws Exception {
        HelperEvents helpers = new HelperEvents();
        captured().forEach(helpers::isHelpers);
        JsonNode start = JSON.readTree("{\"Type\":\"container\",\"Action\":\"start\",\"Actor\":{\"ID\":\"abc123\","
                + "\"Attributes\":{\"image\":\"netlens/busybox:lab\",\"name\":\"lab-n2-bridge\",\"netlens.test\":\"lab\"}}}");
        JsonNode connect = JSON.readTree("{\"Type\":\"network\",\"Action\":\"connect\",\"Actor\":{\"ID\":\"net1\","
                + "\"Attributes\":{\"container\":\"abc123\",\"name\":\"bridge\",\"type\":\"bridge\"}}}");
        JsonNode labelledOtherwise = JSON.readTree("{\"Type\":\"container\",\"Action\":\"start\",\"Actor\":{\"ID\":\"def456\","
                + "\"Attributes\":{\"netlens.helper\":\"0\"}}}");
        assertFalse(helpers.isHelpers(start));
        assertFalse(helpers.isHelpers(connect));
        assertFalse(helpers.isHelpers(labelledOtherwise));
    }
}
