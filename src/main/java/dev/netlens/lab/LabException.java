package dev.netlens.lab;

/** A lab operation that could not go on; the message is meant for the user as it stands. */
public final class LabException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** No engine answered at the address. */
        UNREACHABLE,
        /** The image is missing and could not be pulled. */
        IMAGE,
        /** A name the lab needs is taken by something that is not the lab's. */
        CONFLICT,
        /** The engine refused a step. */
        FAILED
    }

    private final Reason reason;

    public LabException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
