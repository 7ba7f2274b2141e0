package dev.netlens.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tells the events of Netlens's own kernel helper containers (labelled {@code netlens.helper=1})
 * from the engine's others. A pass through the helper creates, starts, execs and removes one: were
 * its events a change, each pass would ask for the next, and the helper would never stop. Container
 * events carry the label; the network events of its start and end (the host network's connect and
 * disconnect) only its id, known from its create. Thread-safe: several engines' streams call it.
 */
final class HelperEvents {
    static final String LABEL = "netlens.helper";
    /** Ids of helpers seen, the oldest forgotten first: a few per pass, so a bound keeps it small. */
    private final Map<String, Boolean> seen = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 64;
        }
    });

    boolean isHelpers(JsonNode event) {
        JsonNode actor = event.path("Actor");
        JsonNode attributes = actor.path("Attributes");
        String type = event.path("Type").asText("");
        if (type.equals("container") && "1".equals(attributes.path(LABEL).asText(null))) {
            String id = actor.path("ID").asText("");
            if (!id.isEmpty()) {
                seen.put(id, Boolean.TRUE);
            }
            return true;
        }
        String container = type.equals("network") ? attributes.path("container").asText("") : actor.path("ID").asText("");
        return !container.isEmpty() && seen.containsKey(container);
    }
}
