package dev.netlens.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotJsonTest {
    private static final Path LAB = Path.of("src/test/resources/captures/scan-lab/expected-snapshot.json");

    @TempDir
    Path temp;

    @Test
    void writtenSnapshotReadsBackIdentical() throws Exception {
        TopologySnapshot lab = SnapshotJson.read(LAB);
        Path file = temp.resolve("copy.json");
        try (var out = Files.newBufferedWriter(file)) {
            SnapshotJson.write(lab, out);
        }
        assertEquals(lab, SnapshotJson.read(file));
    }

    @Test
    void requiredFieldsUseTheDocumentedNames() throws Exception {
        String json = Files.readString(LAB);
        for (String field : new String[] {"\"schema\"", "\"capturedAt\"", "\"kernelView\"", "\"underlayAddress\"",
                "\"ifindex\"", "\"master\"", "\"peer\"", "\"vni\"", "\"networkMode\"", "\"interface\"", "\"hostPort\""}) {
            assertTrue(json.contains(field), field);
        }
    }

    @Test
    void truncatedFileIsRefusedWithAMessage() throws Exception {
        String json = Files.readString(LAB);
        InvalidSnapshotException e = assertThrows(InvalidSnapshotException.class, () -> SnapshotJson.parse(json.substring(0, json.length() / 2)));
        assertTrue(e.getMessage().startsWith("not a topology snapshot"), e.getMessage());
    }

    @Test
    void wrongSchemaIsRefused() {
        InvalidSnapshotException e = assertThrows(InvalidSnapshotException.class,
                () -> SnapshotJson.parse("{\"schema\":\"something/v9\",\"hosts\":[]}"));
        assertTrue(e.getMessage().contains("something/v9"));
    }

    @Test
    void wrongTypesAreRefused() {
        InvalidSnapshotException e = assertThrows(InvalidSnapshotException.class, () -> SnapshotJson.parse(
                "{\"schema\":\"netlens.topology/v1\",\"capturedAt\":\"x\",\"interfaces\":[{\"id\":\"i\",\"ifindex\":\"seven\"}]}"));
        assertTrue(e.getMessage().startsWith("not a valid topology snapshot"), e.getMessage());
    }

    @Test
    void danglingReferenceIsRefused() {
        InvalidSnapshotException e = assertThrows(InvalidSnapshotException.class, () -> SnapshotJson.parse(
                "{\"schema\":\"netlens.topology/v1\",\"capturedAt\":\"2026-01-01T00:00:00Z\",\"namespaces\":"
                        + "[{\"id\":\"n\",\"host\":\"nohost\",\"kind\":\"host\"}]}"));
        assertTrue(e.getMessage().contains("unknown id nohost"), e.getMessage());
    }

    @Test
    void notJsonAtAllIsRefused() {
        assertThrows(InvalidSnapshotException.class, () -> SnapshotJson.parse("\u0089PNG\r\n"));
        assertThrows(InvalidSnapshotException.class, () -> SnapshotJson.parse("[1,2,3]"));
    }
}
