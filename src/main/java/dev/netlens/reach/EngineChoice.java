package dev.netlens.reach;

import java.util.Objects;
import java.util.Optional;

/**
 * One engine the user chose, as the command line names it: a docker context ({@code --context NAME})
 * or an address ({@code --host URI}). A context is kept by name, so a context whose address changes
 * is followed to its new address.
 */
public record EngineChoice(Kind kind, String value) {
    public enum Kind { CONTEXT, HOST }

    private static final String CONTEXT_PREFIX = "context:";
    private static final String HOST_PREFIX = "host:";

    public EngineChoice {
        Objects.requireNonNull(kind);
        if (value == null || value.isBlank() || value.contains("\n")) {
            throw new IllegalArgumentException("an engine choice needs a name or an address on one line");
        }
        value = value.strip();
    }

    public static EngineChoice context(String name) {
        return new EngineChoice(Kind.CONTEXT, name);
    }

    public static EngineChoice host(String uri) {
        return new EngineChoice(Kind.HOST, uri);
    }

    /** How it is remembered: {@code context:NAME} or {@code host:URI}. */
    public String key() {
        return (kind == Kind.CONTEXT ? CONTEXT_PREFIX : HOST_PREFIX) + value;
    }

    /** The choice a {@link #key()} stands for; empty for anything else (a hand-edited preference, say). */
    public static Optional<EngineChoice> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.strip();
        try {
            if (k.startsWith(CONTEXT_PREFIX)) {
                return Optional.of(context(k.substring(CONTEXT_PREFIX.length())));
            }
            if (k.startsWith(HOST_PREFIX)) {
                return Optional.of(host(k.substring(HOST_PREFIX.length())));
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
