package dev.netlens.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * Names and cleaning shared by the recorder and the replayer of real discovery scans: every engine
 * response, command output and folder listing of one scan, kept as files so the scan can be
 * replayed byte for byte on a machine with no engine.
 */
final class ScanFiles {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScanFiles() {
    }

    static String apiKey(String endpoint, String path) {
        return "api/" + safe(endpoint + path) + ".json";
    }

    static String commandKey(List<String> argv) {
        return "cmd/" + safe(String.join(" ", argv)) + ".json";
    }

    /** A command given input: the input is part of its name (null input: as {@link #commandKey(List)}). */
    static String commandKey(List<String> argv, String input) {
        return input == null ? commandKey(argv) : "cmd/" + safe(String.join(" ", argv) + " < " + input) + ".json";
    }

    static String listKey(String dir) {
        return "ls/" + safe(dir) + ".txt";
    }

    private static String safe(String text) {
        String cleaned = text.replaceAll("[^A-Za-z0-9._-]+", "_");
        if (cleaned.length() <= 120) {
            return cleaned;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return cleaned.substring(0, 100) + "-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes every "Env" field: container environments must never land in the repository. */
    static JsonNode withoutEnvironment(JsonNode node) {
        if (node == null) {
            return null;
        }
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("Env");
            object.forEach(ScanFiles::strip);
        } else if (node.isArray()) {
            node.forEach(ScanFiles::strip);
        }
    }
}
