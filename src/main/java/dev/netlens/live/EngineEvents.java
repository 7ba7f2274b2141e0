package dev.netlens.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Consumer;

/** An engine's event stream: container and network events, one connection per engine. */
public interface EngineEvents {
    /**
     * Connects and blocks while events arrive. Returning normally means the connection is gone,
     * exactly like an exception: the caller reconnects and resyncs either way.
     *
     * @param onConnected called once the engine accepted the subscription, before any event
     * @param onEvent called for each event; must only queue work (the engine drops events a slow
     *     listener does not take in time)
     */
    void stream(String endpoint, Runnable onConnected, Consumer<JsonNode> onEvent) throws Exception;

    /** Ends every open stream (the calls to stream return). */
    void closeAll();
}
