package dev.netlens.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads and writes the {@code netlens.topology/v1} JSON (docs/topology-json.md). */
public final class SnapshotJson {
    /** Files larger than this are refused before parsing: no real topology comes near it. */
    public static final long MAX_BYTES = 256L * 1024 * 1024;
    /** Reading only: writing goes through {@link SnapshotWriter}, so an export never builds a mapper. */
    private static final class Reading {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    private SnapshotJson() {
    }

    /** Writes the snapshot; the caller owns {@code out} (a file written atomically, standard output). */
    public static void write(TopologySnapshot snapshot, Writer out) throws IOException {
        SnapshotWriter.write(snapshot, Map.of(), out);
    }

    /**
     * Writes the snapshot with the positions it was shown at (an optional {@code layout} field) and
     * what was collapsed (an optional {@code collapsed} field, written unless the file's is null).
     */
    public static void write(SnapshotFile file, Writer out) throws IOException {
        SnapshotWriter.write(file.snapshot(), file.layout(), file.collapsed(), out);
    }

    public static String toJson(TopologySnapshot snapshot) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            write(snapshot, out);
        } catch (IOException e) {
            throw new IllegalStateException("a snapshot always serialises", e);
        }
        return out.toString();
    }

    /** @throws InvalidSnapshotException with a message for the user when the file is not a snapshot */
    public static TopologySnapshot read(Path file) throws InvalidSnapshotException {
        return readFile(file).snapshot();
    }

    /**
     * Reads a snapshot file with its optional saved positions (the {@code layout} field).
     *
     * @throws InvalidSnapshotException with a message for the user when the file is not a snapshot
     */
    public static SnapshotFile readFile(Path file) throws InvalidSnapshotException {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InvalidSnapshotException(file.getFileName() + " is " + (size >> 20) + " MB: too large for a topology snapshot");
            }
            JsonNode tree;
            try (InputStream in = Files.newInputStream(file)) {
                tree = Reading.MAPPER.readTree(in);
            }
            return new SnapshotFile(parse(tree), SavedPositions.parse(tree.get("layout")), collapsed(tree.get("collapsed")));
        } catch (InvalidSnapshotException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new InvalidSnapshotException("not a topology snapshot: " + file.getFileName() + " is not valid JSON ("
                    + describe(e) + ")");
        } catch (IOException e) {
            throw new InvalidSnapshotException("cannot read " + file.getFileName() + ": " + describe(e));
        }
    }

    public static TopologySnapshot parse(String json) throws InvalidSnapshotException {
        try {
            return parse(Reading.MAPPER.readTree(json));
        } catch (InvalidSnapshotException e) {
            throw e;
        } catch (IOException e) {
            throw new InvalidSnapshotException("not a topology snapshot: " + describe(e));
        }
    }

    private static TopologySnapshot parse(JsonNode tree) throws InvalidSnapshotException {
        if (tree == null || !tree.isObject()) {
            throw new InvalidSnapshotException("not a topology snapshot: the file holds no JSON object");
        }
        String schema = tree.path("schema").asText("");
        if (!TopologySnapshot.SCHEMA.equals(schema)) {
            throw new InvalidSnapshotException("not a topology snapshot: schema is \"" + schema + "\", expected \""
                    + TopologySnapshot.SCHEMA + "\"");
        }
        String labels = labelsProblem(tree.path("containers"));
        if (labels == null) {
            labels = routesProblem(tree.path("namespaces"));
        }
        if (labels == null) {
            labels = sysctlsProblem(tree.path("hosts"));
        }
        if (labels != null) {
            throw new InvalidSnapshotException("not a valid topology snapshot: " + labels);
        }
        TopologySnapshot snapshot;
        try {
            snapshot = Reading.MAPPER.treeToValue(tree, TopologySnapshot.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidSnapshotException("not a valid topology snapshot: " + describe(e));
        }
        List<String> problems = SnapshotValidator.problems(snapshot);
        if (!problems.isEmpty()) {
            throw new InvalidSnapshotException("not a valid topology snapshot: " + problems.get(0)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""));
        }
        return snapshot;
    }

    /** Far more ids than any picture has groups and networks: a longer list means the file is damaged. */
    private static final int MAX_COLLAPSED = 100_000;

    /**
     * The optional {@code collapsed} field: an array of vertex ids (strings), or absent or null when
     * the file does not say (then null). Anything else refuses the file.
     */
    private static List<String> collapsed(JsonNode field) throws InvalidSnapshotException {
        if (field == null || field.isNull()) {
            return null;
        }
        if (!field.isArray()) {
            throw new InvalidSnapshotException("not a valid topology snapshot: collapsed must be an array of ids, not "
                    + kind(field));
        }
        if (field.size() > MAX_COLLAPSED) {
            throw new InvalidSnapshotException("not a valid topology snapshot: collapsed holds " + field.size()
                    + " ids, more than " + MAX_COLLAPSED);
        }
        List<String> ids = new java.util.ArrayList<>(field.size());
        int index = 0;
        for (JsonNode id : field) {
            index++;
            if (!id.isTextual() || id.asText().isBlank()) {
                throw new InvalidSnapshotException("not a valid topology snapshot: collapsed #" + index
                        + " must be a vertex id (a string), not " + (id.isTextual() ? "an empty string" : kind(id)));
            }
            ids.add(id.asText());
        }
        return ids;
    }

    /**
     * A container's {@code labels} is optional (files written before it existed lack it) and may be
     * null; when present it must be an object of strings. Checked on the tree, before the mapping,
     * because the mapping would quietly turn a number into a string. Keys other than the grouping
     * labels are valid and dropped by {@link Container}.
     *
     * @return the first problem, in one line, or null
     */
    private static String labelsProblem(JsonNode containers) {
        if (!containers.isArray()) {
            return null; // not an array: the mapping refuses it with its own message
        }
        int index = 0;
        for (JsonNode c : containers) {
            JsonNode labels = c.get("labels");
            if (labels != null && !labels.isNull()) {
                String which = c.hasNonNull("name") ? "container " + oneLine(c.get("name").asText())
                        : c.hasNonNull("id") ? "container " + oneLine(c.get("id").asText()) : "container #" + (index + 1);
                if (!labels.isObject()) {
                    return which + ": labels must be an object of strings, not " + kind(labels);
                }
                var fields = labels.fields();
                while (fields.hasNext()) {
                    var field = fields.next();
                    if (!field.getValue().isTextual()) {
                        return which + ": label " + oneLine(field.getKey()) + " must be a string, not " + kind(field.getValue());
                    }
                }
            }
            index++;
        }
        return null;
    }

    private static final List<String> ROUTE_TEXTS = List.of("gateway", "device", "deviceName", "source", "scope", "type");

    /**
     * A namespace's {@code routes} is optional (files written before routes were read lack it) and may
     * be null; when present it must be an array of route objects with a string destination, strings or
     * nulls for the texts and a whole number or null for the metric. Checked on the tree, for one clear
     * line instead of the mapping's coercions and messages.
     *
     * @return the first problem, in one line, or null
     */
    private static String routesProblem(JsonNode namespaces) {
        if (!namespaces.isArray()) {
            return null;
        }
        int index = 0;
        for (JsonNode ns : namespaces) {
            index++;
            JsonNode routes = ns.get("routes");
            if (routes == null || routes.isNull()) {
                continue;
            }
            String which = ns.hasNonNull("id") ? "namespace " + oneLine(ns.get("id").asText()) : "namespace #" + index;
            if (!routes.isArray()) {
                return which + ": routes must be an array of routes, not " + kind(routes);
            }
            int n = 0;
            for (JsonNode route : routes) {
                n++;
                String where = which + " route #" + n;
                if (!route.isObject()) {
                    return where + " must be an object, not " + kind(route);
                }
                JsonNode destination = route.get("destination");
                if (destination == null || !destination.isTextual() || destination.asText().isBlank()) {
                    return where + ": destination must be \"default\" or a prefix (a string), not "
                            + (destination == null ? "missing" : destination.isTextual() ? "an empty string" : kind(destination));
                }
                for (String field : ROUTE_TEXTS) {
                    JsonNode value = route.get(field);
                    if (value != null && !value.isNull() && !value.isTextual()) {
                        return where + ": " + field + " must be a string or null, not " + kind(value);
                    }
                }
                JsonNode metric = route.get("metric");
                if (metric != null && !metric.isNull() && !(metric.isIntegralNumber() && metric.canConvertToInt())) {
                    return where + ": metric must be a whole number or null, not " + kind(metric);
                }
            }
        }
        return null;
    }

    /** A host's {@code sysctls} is optional and may be null; when present, an object of strings. */
    private static String sysctlsProblem(JsonNode hosts) {
        if (!hosts.isArray()) {
            return null;
        }
        int index = 0;
        for (JsonNode h : hosts) {
            index++;
            JsonNode sysctls = h.get("sysctls");
            if (sysctls == null || sysctls.isNull()) {
                continue;
            }
            String which = h.hasNonNull("id") ? "host " + oneLine(h.get("id").asText()) : "host #" + index;
            if (!sysctls.isObject()) {
                return which + ": sysctls must be an object of strings, not " + kind(sysctls);
            }
            var fields = sysctls.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                if (!field.getValue().isTextual()) {
                    return which + ": sysctl " + oneLine(field.getKey()) + " must be a string, not " + kind(field.getValue());
                }
            }
        }
        return null;
    }

    /** A name from the file, fit for a one-line message: control characters replaced, at most 80 characters. */
    private static String oneLine(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 80 ? clean.substring(0, 77) + "..." : clean;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Jackson's messages carry a source excerpt; the first line is what a user needs. */
    private static String describe(Exception e) {
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        int marker = line.indexOf(" (start marker at");
        return marker < 0 ? line : line.substring(0, marker);
    }
}
