package dev.netlens.discovery.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;

/**
 * Read-only access to a Docker engine's HTTP API, as JSON. Everything Netlens learns from an engine
 * passes through here, so tests can replay captured responses of a real engine.
 */
public interface EngineApi extends Closeable {
    /**
     * GETs an API path such as {@code /info} or {@code /networks/ID?verbose=true}.
     *
     * @throws EngineApiException when the engine answers with an error status
     * @throws EngineUnreachableException when the engine cannot be reached
     */
    JsonNode get(String path) throws EngineApiException, EngineUnreachableException;

    /** The URI this API talks to, as the user gave it. */
    String endpoint();

    @Override
    void close();
}
