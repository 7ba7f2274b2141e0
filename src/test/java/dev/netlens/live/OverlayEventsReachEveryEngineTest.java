package dev.netlens.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.netlens.discovery.EngineChanges;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Found by the soak: a container joining an overlay on engine 2 changed the overlay's peers and tasks
 * as engine 1 reports them, engine 1 raised no event, and the live picture kept engine 1's old view.
 */
class OverlayEventsReachEveryEngineTest {
    private static final String E1 = "unix:///var/run/docker.sock";
    private static final String E2 = "unix:///run/node2/docker.sock";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, PendingChanges> pending = new HashMap<>();

    private static JsonNode connect(String network, String driver, String container) {
        ObjectNode e = JSON.createObjectNode().put("Type", "network").put("Action", "connect");
        ObjectNode actor = e.putObject("Actor").put("ID", network);
        actor.putObject("Attributes").put("container", container).put("type", driver).put("name", "n");
        return e;
    }

    @Test
    void anOverlayConnectOnOneEngineHasTheOtherReadThatNetworkAgain() {
        LiveTopology.note(pending, List.of(E1, E2), E2, connect("overlay-id", "overlay", "c2"));
        EngineChanges one = pending.get(E1).take();
        assertEquals(Set.of("overlay-id"), one.networks(), "engine 1 reads the overlay again");
        assertEquals(Set.of(), one.containers(), "and not engine 2's container, which it does not have");
        EngineChanges two = pending.get(E2).take();
        assertEquals(Set.of("overlay-id"), two.networks());
        assertEquals(Set.of("c2"), two.containers());
    }

    @Test
    void aBridgeConnectConcernsItsOwnEngineOnly() {
        LiveTopology.note(pending, List.of(E1, E2), E2, connect("bridge-id", "bridge", "c2"));
        assertEquals(null, pending.get(E1), "nothing for engine 1");
        assertEquals(Set.of("bridge-id"), pending.get(E2).take().networks());
    }
}
