package dev.netlens.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netlens.snapshot.TopologySnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a snapshot JSON file (the export format). Tolerates extra fields from newer writers. */
public final class SnapshotFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private SnapshotFiles() {
    }

    public static TopologySnapshot read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read snapshot " + file, e);
        }
    }

    public static TopologySnapshot read(InputStream in) throws IOException {
        return MAPPER.readValue(in, TopologySnapshot.class);
    }
}
