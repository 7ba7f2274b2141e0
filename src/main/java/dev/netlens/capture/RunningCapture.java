package dev.netlens.capture;

/** A capture under way: its live count, Stop, and its outcome. */
public interface RunningCapture {
    /** The packets recorded so far. */
    long packets();

    /** Whether it has ended (its outcome is ready: {@link #await()} no longer blocks). */
    boolean finished();

    /** Asks it to stop; the packets recorded so far are kept. Returns at once; calling it again does nothing. */
    void stop();

    /**
     * Waits for the end.
     *
     * @throws CaptureException when it failed: then no file was written
     */
    CaptureResult await() throws CaptureException;

    /** Starts captures: the real one is {@link CaptureSession#start(CaptureRequest)}. */
    @FunctionalInterface
    interface Starter {
        RunningCapture start(CaptureRequest request) throws CaptureException;
    }
}
