package dev.netlens.discovery.engine;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One short-lived byte stream to an engine's HTTP API (a unix socket connection, an ssh process's
 * stdin and stdout), opened for one request. {@link HttpOverStream} speaks HTTP/1.1 over it, so every
 * transport shares one HTTP client.
 */
interface EngineStream extends Closeable {
    InputStream input() throws IOException;

    OutputStream output() throws IOException;

    /**
     * Called once the answer was read to its end: a transport whose far end can fail on its own (the
     * ssh client, the remote docker command) throws here with a one-line reason when the answer is
     * empty because of it.
     */
    default void finish(byte[] answer) throws IOException {
    }

    /** Ends the stream; also called from the timeout thread to end a blocked read. */
    @Override
    void close();

    /** Opens a fresh stream per request. */
    @FunctionalInterface
    interface Opener {
        EngineStream open() throws IOException;
    }

    /** A failure whose message already says all a user needs, told without "did not answer". */
    final class RefusedException extends IOException {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }
}
