package dev.netlens.capture;

import dev.netlens.discovery.kernel.ProcessCommandRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Wireshark, when it is installed, opened on a capture file itself: no plugin to install (keeping an
 * extcap plugin installed and current is what users of other tools report most). Found in the
 * system folders first, then on PATH, and started with an argument list.
 */
public final class Wireshark {
    private final Path binary;

    private Wireshark(Path binary) {
        this.binary = binary;
    }

    /** Wireshark on this machine, or empty. */
    public static Optional<Wireshark> find() {
        return new ProcessCommandRunner(Duration.ofSeconds(5)).binaryOf("wireshark").map(Wireshark::new);
    }

    /** The command that opens {@code file}. */
    public List<String> argv(Path file) {
        return List.of(binary.toString(), file.toAbsolutePath().toString());
    }

    /** Starts Wireshark on {@code file} and returns at once; Wireshark lives on its own. */
    public void open(Path file) throws IOException {
        new ProcessBuilder(argv(file)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
