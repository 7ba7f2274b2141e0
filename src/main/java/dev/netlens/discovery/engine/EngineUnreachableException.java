package dev.netlens.discovery.engine;

/** The engine could not be reached or stopped answering (socket gone, connection dropped, timeout). */
public class EngineUnreachableException extends Exception {
    private static final long serialVersionUID = 1L;

    public EngineUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
