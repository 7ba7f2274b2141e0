package dev.netlens.trace;

import java.util.Locale;

/** How a trace ends. */
public enum Verdict {
    /** The packet reaches a socket of the destination (and its reply may come back). */
    DELIVERED,
    /** A firewall rule or policy drops it silently. */
    DROPPED,
    /** A firewall rule rejects it (the sender gets an error back). */
    REJECTED,
    /** No route, no interface, no neighbour: it cannot get there at all. */
    UNREACHABLE,
    /** Something on the path cannot be evaluated from the capture (an unknown match, rules not read). */
    UNKNOWN;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
