package dev.netlens.discovery.helper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The engine's multiplexed output of a command run without a terminal: frames of an 8-byte header
 * (stream 1 = stdout, 2 = stderr; then the frame's length, big-endian, in bytes 4-7) and the data.
 */
record ExecStream(String stdout, String stderr) {
    static ExecStream demultiplex(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int pos = 0;
        while (pos + 8 <= raw.length) {
            int stream = raw[pos];
            int size = ((raw[pos + 4] & 0xff) << 24) | ((raw[pos + 5] & 0xff) << 16) | ((raw[pos + 6] & 0xff) << 8) | (raw[pos + 7] & 0xff);
            int start = pos + 8;
            int length = Math.min(size, raw.length - start);
            (stream == 2 ? err : out).write(raw, start, length);
            pos = start + length;
        }
        return new ExecStream(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
