package dev.netlens.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.netlens.discovery.EngineChanges;
import java.util.HashSet;
import java.util.Set;

/**
 * What one engine's events named since the last pass began, for the next pass to read again: a
 * container event its container, a network event its network and the container it connected or
 * disconnected. An event that names neither (or a reconnect, or the timer) asks for a full pass.
 * Thread-safe: events come on the stream's thread, the pass takes them on the refresh thread.
 */
final class PendingChanges {
    private boolean full;
    private final Set<String> containers = new HashSet<>();
    private final Set<String> networks = new HashSet<>();

    synchronized void add(JsonNode event) {
        String type = event.path("Type").asText("");
        JsonNode actor = event.path("Actor");
        String id = actor.path("ID").asText("");
        if (type.equals("container") && !id.isEmpty()) {
            containers.add(id);
        } else if (type.equals("network") && !id.isEmpty()) {
            networks.add(id);
            String container = actor.path("Attributes").path("container").asText("");
            if (!container.isEmpty()) {
                containers.add(container);
            }
        } else {
            full = true;
        }
    }

    /** A network to read again that no event of this engine named (an overlay changed on another engine). */
    synchronized void addNetwork(String id) {
        networks.add(id);
    }

    synchronized void requestFull() {
        full = true;
    }

    /** Takes what was noted: null when a full pass is asked for, else the changes (maybe none). */
    synchronized EngineChanges take() {
        EngineChanges taken = full ? null : new EngineChanges(containers, networks);
        full = false;
        containers.clear();
        networks.clear();
        return taken;
    }
}
