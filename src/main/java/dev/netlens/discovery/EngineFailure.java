package dev.netlens.discovery;

/**
 * An engine that could not be read at all, with a message fit for the user.
 *
 * @param internal a bug of Netlens's (logged with its trace), not the engine's or the address's fault
 */
public record EngineFailure(String endpoint, String message, boolean internal) {
    public EngineFailure(String endpoint, String message) {
        this(endpoint, message, false);
    }
}
