package dev.netlens.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JsonTreeTest {
    private static final ObjectMapper DATABIND = new ObjectMapper();

    /** Every engine answer and ip output recorded from the real lab parses to databind's own tree. */
    @Test
    void recordedEngineAnswersAndIpOutputsGiveDatabindsTree() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("src/test/resources/captures/scan-lab"))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        int json = 0;
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).strip();
            if (!(text.startsWith("{") || text.startsWith("["))) {
                continue;
            }
            json++;
            assertEquals(DATABIND.readTree(bytes), JsonTree.parse(bytes), f.toString());
        }
        assertTrue(json > 20, "the recorded scan holds JSON answers: " + json);
    }

    /** ip's batch mode prints one JSON value per command, one after the other. */
    @Test
    void valuesOneAfterTheOtherAreAllParsed() throws IOException {
        String batch = Files.readString(Path.of("src/test/resources/captures/routes/lab-user-a-batch.json"));
        List<com.fasterxml.jackson.databind.JsonNode> values = JsonTree.parseAll(batch);
        assertEquals(2, values.size());
        assertEquals(DATABIND.readTree(batch.lines().toList().get(1)), values.get(1));
        assertEquals(List.of(), JsonTree.parseAll(" \n"));
        assertThrows(JsonProcessingException.class, () -> JsonTree.parseAll("[1] [2"));
    }

    @Test
    void numbersKeepTheirKind() throws IOException {
        String text = "{\"i\": 7, \"l\": 8589934592, \"big\": 123456789012345678901234567890, \"d\": 1.5, \"n\": null,"
                + " \"b\": [true, false], \"s\": \"é\"}";
        assertEquals(DATABIND.readTree(text), JsonTree.parse(text));
        assertTrue(JsonTree.parse(text).get("l").isLong());
    }

    @Test
    void emptyInputIsMissingNotNull() throws IOException {
        assertTrue(JsonTree.parse("").isMissingNode());
        assertTrue(JsonTree.parse(new byte[0]).isMissingNode());
    }

    @Test
    void truncatedOrBrokenJsonIsAParseError() {
        assertThrows(JsonProcessingException.class, () -> JsonTree.parse("{\"a\": [1, 2"));
        assertThrows(JsonProcessingException.class, () -> JsonTree.parse("{\"a\": }"));
        assertThrows(JsonProcessingException.class, () -> JsonTree.parse("[1, 2,"));
    }
}
