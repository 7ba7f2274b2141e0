package dev.netlens.discovery.engine;

/** The engine answered, with an error status (404 for a container that vanished, say). */
public class EngineApiException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    public EngineApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public boolean notFound() {
        return status == 404;
    }
}
