package dev.netlens.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The containers' grouping labels in the snapshot JSON: written, read back, optional, checked. */
class ContainerLabelsJsonTest {
    private static final String PROJECT = "com.docker.compose.project";
    private static final String SERVICE = "com.docker.compose.service";
    private static final String STACK = "com.docker.stack.namespace";
    private static final String SWARM_SERVICE = "com.docker.swarm.service.name";

    @TempDir
    Path temp;

    private static TopologySnapshot withContainer(Map<String, String> labels) {
        Host host = new Host("h", "unix:///x", "x", "20.10", "1.41", "linux", "6.1", null, null, false, false, null,
                List.of(), null);
        Network net = new Network("n", "h", "shop_default", "bridge", "local", false, false, false,
                List.of("100.80.1.0/24"), List.of("100.80.1.1"), null, null, null, null, null, null, null);
        Container c = new Container("c1", "h", "shop-web-1", "netlens/busybox:lab", "created", "shop_default", null,
                List.of(new Endpoint("n", "shop_default", null, null, null, List.of("web"), null)), List.of(), labels);
        return new TopologySnapshot(TopologySnapshot.SCHEMA, "2026-01-01T00:00:00Z", "file", List.of(host), List.of(),
                List.of(), List.of(net), List.of(c), List.of());
    }

    /** A minimal valid file whose one container has {@code labelsField} ("" for no such field). */
    private static String file(String labelsField) {
        return "{\"schema\":\"netlens.topology/v1\",\"capturedAt\":\"2026-01-01T00:00:00Z\",\"source\":\"file\","
                + "\"hosts\":[{\"id\":\"h\",\"name\":\"vm\",\"endpoint\":\"unix:///x\",\"swarmManager\":false,\"kernelView\":false}],"
                + "\"containers\":[{\"id\":\"c1\",\"host\":\"h\",\"name\":\"shop-web-1\",\"state\":\"created\",\"networkMode\":\"bridge\""
                + (labelsField.isEmpty() ? "" : "," + labelsField) + "}]}";
    }

    @Test
    void labelsRoundTripThroughTheJsonFile() throws Exception {
        Map<String, String> labels = Map.of(PROJECT, "shop", SERVICE, "web", STACK, "shopstack", SWARM_SERVICE, "shop_web");
        TopologySnapshot s = withContainer(labels);
        Path file = temp.resolve("labels.json");
        try (var out = Files.newBufferedWriter(file)) {
            SnapshotJson.write(s, out);
        }
        String json = Files.readString(file);
        assertTrue(json.contains("\"labels\" : {"), json);
        assertTrue(json.contains("\"" + PROJECT + "\" : \"shop\""), json);
        TopologySnapshot back = SnapshotJson.read(file);
        assertEquals(s, back);
        assertEquals(labels, back.containers().get(0).labels());
        assertEquals(List.of(PROJECT, SERVICE, STACK, SWARM_SERVICE).stream().sorted().toList(),
                List.copyOf(back.containers().get(0).labels().keySet()), "keys are sorted, so files are stable");
    }

    @Test
    void aContainerWithoutLabelsIsWrittenWithAnEmptyObject() {
        String json = SnapshotJson.toJson(withContainer(null));
        assertTrue(json.contains("\"labels\" : { }"), json);
    }

    @Test
    void onlyTheGroupingLabelsAreEverKept() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put(SERVICE, "web");
        given.put(PROJECT, "shop");
        given.put("com.docker.compose.config-hash", "abc");
        given.put("maintainer", "someone@example.org");
        given.put("com.docker.compose.oneoff", "False");
        given.put(STACK, null);
        Container c = withContainer(given).containers().get(0);
        assertEquals(Map.of(PROJECT, "shop", SERVICE, "web"), c.labels());
        assertThrows(UnsupportedOperationException.class, () -> c.labels().put(STACK, "x"));
        assertFalse(SnapshotJson.toJson(withContainer(given)).contains("config-hash"));
    }

    @Test
    void anOldFileWithoutLabelsStillReads() throws Exception {
        TopologySnapshot old = SnapshotJson.parse(file(""));
        assertEquals(Map.of(), old.containers().get(0).labels());
        assertEquals(Map.of(), SnapshotJson.parse(file("\"labels\":null")).containers().get(0).labels());
        // The recorded lab snapshot predates the field.
        Path lab = Path.of("src/test/resources/snapshots/lab.json");
        assertFalse(Files.readString(lab).contains("\"labels\""), "the fixture is an old file");
        TopologySnapshot labSnapshot = SnapshotJson.read(lab);
        assertFalse(labSnapshot.containers().isEmpty());
        assertTrue(labSnapshot.containers().stream().allMatch(c -> c.labels().isEmpty()));
    }

    @Test
    void unknownLabelKeysAreDroppedOnRead() throws Exception {
        TopologySnapshot s = SnapshotJson.parse(file("\"labels\":{\"" + SERVICE + "\":\"web\",\"" + PROJECT
                + "\":\"shop\",\"com.example.secret\":\"hunter2\",\"com.docker.compose.version\":\"2.20\"}"));
        assertEquals(Map.of(PROJECT, "shop", SERVICE, "web"), s.containers().get(0).labels());
        assertFalse(SnapshotJson.toJson(s).contains("hunter2"));
    }

    @Test
    void malformedLabelsAreRefusedWithAOneLineMessage() {
        Map<String, String> cases = Map.of(
                "\"labels\":[\"" + PROJECT + "=shop\"]", "container shop-web-1: labels must be an object of strings, not an array",
                "\"labels\":\"shop\"", "container shop-web-1: labels must be an object of strings, not a string",
                "\"labels\":{\"" + PROJECT + "\":7}", "container shop-web-1: label " + PROJECT + " must be a string, not a number",
                "\"labels\":{\"" + PROJECT + "\":null}", "container shop-web-1: label " + PROJECT + " must be a string, not null",
                "\"labels\":{\"other\\nkey\":{}}", "container shop-web-1: label other?key must be a string, not an object");
        cases.forEach((field, expected) -> {
            InvalidSnapshotException e = assertThrows(InvalidSnapshotException.class, () -> SnapshotJson.parse(file(field)),
                    field);
            assertEquals("not a valid topology snapshot: " + expected, e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        });
    }
}
