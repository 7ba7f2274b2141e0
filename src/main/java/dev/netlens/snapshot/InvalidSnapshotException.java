package dev.netlens.snapshot;

/** A file that is not a usable topology snapshot; the message is fit to show the user. */
public class InvalidSnapshotException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidSnapshotException(String message) {
        super(message);
    }
}
