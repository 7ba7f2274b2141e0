package dev.netlens.snapshot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a network namespace is for, as far as Docker's naming tells. */
public enum NamespaceKind {
    HOST, CONTAINER, OVERLAY, INGRESS, LOADBALANCER, OTHER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static NamespaceKind fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
