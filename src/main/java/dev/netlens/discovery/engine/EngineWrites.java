package dev.netlens.discovery.engine;

/**
 * Requests that change something on an engine (create, start and remove a container, run a command
 * in it). Only the kernel helper sends them, and only when the user asked for it
 * ({@code --kernel-helper}, or the window's button): everything else reads through {@link EngineApi}.
 */
public interface EngineWrites {
    /**
     * Sends one request and reads its whole answer (for a command's output, the raw stream until the
     * engine closes it).
     *
     * @param jsonBody the request body, or null for none
     * @throws EngineUnreachableException when the engine cannot be reached
     */
    Answer send(String method, String path, String jsonBody) throws EngineUnreachableException;

    /** An engine's answer: its HTTP status and body, as sent. */
    record Answer(int status, byte[] body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The engine's error message (its JSON {@code message}), else the status. */
        public String message() {
            try {
                com.fasterxml.jackson.databind.JsonNode json = dev.netlens.json.JsonTree.parse(body);
                if (json != null && json.hasNonNull("message")) {
                    return json.get("message").asText();
                }
            } catch (java.io.IOException | RuntimeException e) {
                // not JSON: the status says enough
            }
            return "HTTP " + status;
        }
    }
}
