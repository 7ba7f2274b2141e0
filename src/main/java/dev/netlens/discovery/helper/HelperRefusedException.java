package dev.netlens.discovery.helper;

/** The helper could not (or may not) read the engine's kernel; the message is one user-facing line. */
public final class HelperRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public HelperRefusedException(String message) {
        super(message);
    }
}
