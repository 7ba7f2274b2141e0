package dev.netlens.discovery;

/** An engine that could not be read at all, with a message fit for the user. */
public record EngineFailure(String endpoint, String message) {
}
