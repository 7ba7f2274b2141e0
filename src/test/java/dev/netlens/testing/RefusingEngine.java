package dev.netlens.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.netlens.discovery.engine.EngineApi;
import dev.netlens.discovery.engine.EngineUnreachableException;

/** An engine that has gone away: every call fails as a refused connection does. */
public record RefusingEngine(String endpoint) implements EngineApi {
    @Override
    public JsonNode get(String path) throws EngineUnreachableException {
        throw new EngineUnreachableException("engine " + endpoint + " did not answer " + path + ": Connection refused", null);
    }

    @Override
    public void close() {
    }
}
