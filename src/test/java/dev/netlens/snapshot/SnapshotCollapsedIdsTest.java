package dev.netlens.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.graph.Collapse;
import dev.netlens.graph.TopologyGraph;
import dev.netlens.layout.Layout;
import dev.netlens.layout.StackLayout;
import dev.netlens.persist.SavedLayout;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional {@code collapsed} field of a snapshot file: written, read back, validated, absent in older files. */
class SnapshotCollapsedIdsTest {
    private static final Path DEVHOST = Path.of("src/test/resources/snapshots/devhost-50.json");

    @TempDir
    Path temp;

    private Path write(SnapshotFile f) throws Exception {
        Path file = temp.resolve("saved-" + System.nanoTime() + ".json");
        try (Writer w = Files.newBufferedWriter(file)) {
            SnapshotJson.write(f, w);
        }
        return file;
    }

    @Test
    void collapsedIdsAndTheSummariesPositionsRoundTrip() throws Exception {
        TopologySnapshot s = SnapshotJson.read(DEVHOST);
        TopologyGraph whole = TopologyGraph.from(s);
        List<String> ids = new ArrayList<>(Collapse.groupsLargerThan(whole, 1));
        String proxy = whole.nodes().stream().filter(n -> n.label().equals("proxy") && n.id().startsWith("net:"))
                .findFirst().orElseThrow().id();
        ids.add(proxy);
        ids.add("group:gone/compose/old"); // not in this topology: kept all the same
        TopologyGraph folded = whole.collapsed(ids);
        Layout layout = new StackLayout().layout(folded);
        Path file = write(new SnapshotFile(s, SavedLayout.toPositions(layout), ids));

        SnapshotFile back = SnapshotJson.readFile(file);
        assertEquals(s, back.snapshot());
        assertEquals(ids, back.collapsed(), "the same ids, in order");
        assertTrue(back.layout().containsKey(Collapse.summaryId(ids.get(0))), "the summaries' positions are kept");
        assertEquals(folded.nodes().stream().map(n -> n.id()).toList(),
                TopologyGraph.from(back.snapshot()).collapsed(back.collapsed()).nodes().stream().map(n -> n.id()).toList(),
                "the same graph folded");
    }

    @Test
    void anEmptyListSaysNothingWasCollapsedAndNoFieldSaysNothing() throws Exception {
        TopologySnapshot s = SnapshotJson.read(DEVHOST);
        Path empty = write(new SnapshotFile(s, Map.of(), List.of()));
        assertTrue(Files.readString(empty).contains("\"collapsed\" : [ ]"));
        assertEquals(List.of(), SnapshotJson.readFile(empty).collapsed());

        Path none = write(new SnapshotFile(s, Map.of()));
        assertFalse(Files.readString(none).contains("\"collapsed\""), "no field when there is nothing to say");
        assertNull(SnapshotJson.readFile(none).collapsed());
        assertNull(SnapshotJson.readFile(DEVHOST).collapsed(), "files written before the field open as before");
        assertFalse(SnapshotJson.toJson(s).contains("\"collapsed\""), "a JSON export is data: never collapsed");

        Path explicitNull = temp.resolve("null.json");
        String json = Files.readString(DEVHOST);
        Files.writeString(explicitNull, json.substring(0, json.lastIndexOf('}')) + ", \"collapsed\": null}");
        assertNull(SnapshotJson.readFile(explicitNull).collapsed());
    }

    @Test
    void aCollapsedFieldThatIsNotAnArrayOfIdsIsRefusedWithAMessage() throws Exception {
        String json = Files.readString(DEVHOST);
        String base = json.substring(0, json.lastIndexOf('}'));
        for (String field : new String[] {"\"collapsed\": \"group:a\"", "\"collapsed\": {\"group:a\": true}",
                "\"collapsed\": [\"group:a\", 7]", "\"collapsed\": [[\"group:a\"]]", "\"collapsed\": [\"\"]",
                "\"collapsed\": [null]"}) {
            Path bad = temp.resolve("bad.json");
            Files.writeString(bad, base + ", " + field + "}");
            InvalidSnapshotException e = assertThrows(InvalidSnapshotException.class, () -> SnapshotJson.readFile(bad),
                    field);
            assertTrue(e.getMessage().startsWith("not a valid topology snapshot: collapsed"), e.getMessage());
            assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        }
    }
}
