package dev.netlens.discovery.helper;

import java.util.Locale;

/** How an engine's kernel is read ({@code --kernel}). */
public enum KernelMode {
    /** This machine's kernel when the engine is on it; else the helper when the user allowed it; else none. */
    AUTO,
    /** Only this machine's kernel, found by the socket or by the engine's identity. */
    LOCAL,
    /** Always through a helper container on the engine. */
    HELPER,
    /** The API-only view. */
    NONE;

    /** @return the mode named ({@code local}, {@code helper}, {@code none}, {@code auto}), or null */
    public static KernelMode parse(String name) {
        if (name == null) {
            return null;
        }
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
