package dev.netlens.trace;

/** A trace argument that is malformed or names nothing in the snapshot; the message says which, in one line. */
public final class TraceArgumentException extends IllegalArgumentException {
    public TraceArgumentException(String message) {
        super(message);
    }
}
