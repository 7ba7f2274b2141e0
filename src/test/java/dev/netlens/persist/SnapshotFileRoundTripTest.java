package dev.netlens.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.Layout;
import dev.netlens.layout.StableLayout;
import dev.netlens.layout.StackLayout;
import dev.netlens.snapshot.InvalidSnapshotException;
import dev.netlens.snapshot.SnapshotFile;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.TopologySnapshot;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snapshot saved with its positions opens to the same topology and the same picture. */
class SnapshotFileRoundTripTest {
    private static final Path LAB = Path.of("src/test/resources/snapshots/lab.json");

    @TempDir
    Path temp;

    @Test
    void topologyAndPositionsRoundTrip() throws Exception {
        TopologySnapshot lab = SnapshotJson.read(LAB);
        TopologyGraph graph = TopologyGraph.from(lab);
        Layout layout = new StackLayout().layout(graph);
        Path file = temp.resolve("saved.json");
        try (Writer w = Files.newBufferedWriter(file)) {
            SnapshotJson.write(new SnapshotFile(lab, SavedLayout.toPositions(layout)), w);
        }
        SnapshotFile back = SnapshotJson.readFile(file);
        assertEquals(lab, back.snapshot());
        Layout reopened = SavedLayout.toLayout(back.layout(), TopologyGraph.from(back.snapshot()));
        assertEquals(layout.rects().keySet(), reopened.rects().keySet());
        layout.rects().forEach((id, r) -> {
            var o = reopened.rects().get(id);
            assertEquals(r.x(), o.x(), 0.051, id);
            assertEquals(r.y(), o.y(), 0.051, id);
            assertEquals(r.w(), o.w(), 0.051, id);
        });
        // A stable layout started from the saved positions keeps every one of them.
        Layout again = new StableLayout().layout(TopologyGraph.from(back.snapshot()), reopened, () -> false);
        assertEquals(reopened.rects(), again.rects());
    }

    @Test
    void aFileWithoutPositionsStillOpens() throws Exception {
        SnapshotFile f = SnapshotJson.readFile(LAB);
        assertTrue(f.layout().isEmpty());
    }

    @Test
    void badPositionsAreRefusedWithAMessage() throws Exception {
        String json = Files.readString(LAB);
        String base = json.substring(0, json.lastIndexOf('}'));
        for (String layout : new String[] {"\"layout\": [1,2]", "\"layout\": {\"host:x\": [1, 2, \"wide\", 4]}",
                "\"layout\": {\"host:x\": [1, 2]}", "\"layout\": {\"host:x\": [1, 2, -5, 4]}",
                "\"layout\": {\"host:x\": [1e300, 2, 5, 4]}"}) {
            Path bad = temp.resolve("bad.json");
            Files.writeString(bad, base + ", " + layout + "}");
            InvalidSnapshotException e = assertThrows(InvalidSnapshotException.class, () -> SnapshotJson.readFile(bad));
            assertTrue(e.getMessage().contains("layout") || e.getMessage().contains("position"), e.getMessage());
            assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        }
    }
}
