package dev.netlens.capture;

import java.nio.file.Path;

/** A finished capture: how many packets its file holds, where it is, and what ended it. */
public record CaptureResult(long packets, Path file, Ending ending) {
    public enum Ending {
        /** The packet limit was reached. */
        PACKET_LIMIT,
        /** The time limit passed. */
        TIME_LIMIT,
        /** Stopped on request. */
        STOPPED
    }
}
