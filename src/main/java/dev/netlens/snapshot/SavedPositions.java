package dev.netlens.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The optional {@code layout} field: {@code {"vertexId": [x, y, width, height], ...}}, checked strictly. */
final class SavedPositions {
    /** Far beyond any real picture; a larger coordinate means the file is damaged. */
    private static final double MAX_COORDINATE = 1e7;

    private SavedPositions() {
    }

    static Map<String, List<Double>> parse(JsonNode layout) throws InvalidSnapshotException {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        if (layout == null || layout.isNull()) {
            return out;
        }
        if (!layout.isObject()) {
            throw new InvalidSnapshotException("not a valid topology snapshot: layout is not an object of positions");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = layout.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            JsonNode v = e.getValue();
            if (!v.isArray() || v.size() != 4) {
                throw bad(e.getKey(), "is not [x, y, width, height]");
            }
            List<Double> numbers = new ArrayList<>(4);
            for (JsonNode n : v) {
                if (!n.isNumber() || !Double.isFinite(n.asDouble()) || Math.abs(n.asDouble()) > MAX_COORDINATE) {
                    throw bad(e.getKey(), "holds " + n + " where a number is expected");
                }
                numbers.add(n.asDouble());
            }
            if (numbers.get(2) < 0 || numbers.get(3) < 0) {
                throw bad(e.getKey(), "has a negative size");
            }
            out.put(e.getKey(), numbers);
        }
        return out;
    }

    private static InvalidSnapshotException bad(String id, String what) {
        return new InvalidSnapshotException("not a valid topology snapshot: the position of " + id + " " + what);
    }
}
