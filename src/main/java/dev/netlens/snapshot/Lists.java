package dev.netlens.snapshot;

import java.util.List;
import java.util.Map;

/** Null-tolerant immutable copies, so every snapshot record is deeply immutable. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Sorted by key, so exports of the same topology are byte-for-byte the same. */
    static <K extends Comparable<K>, V> Map<K, V> copy(Map<K, V> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(map));
    }
}
