package dev.netlens.discovery.kernel;

/** Not even the engine's own namespace could be read; the message says why, for the user. */
public class KernelUnreadableException extends Exception {
    private static final long serialVersionUID = 1L;

    public KernelUnreadableException(String message) {
        super(message);
    }
}
