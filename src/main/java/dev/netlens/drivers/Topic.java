package dev.netlens.drivers;

import java.util.Locale;

/**
 * What a card says about a driver. Rated topics are also the rows of the comparison matrix; typical use and
 * the kernel parts are prose only, too long for a cell.
 */
public enum Topic {
    PERFORMANCE(true), ISOLATION(true), COMPLEXITY(true), PORTS(true), DNS(true), SCOPE(true),
    TYPICAL_USE(false), KERNEL(false);

    private final boolean rated;

    Topic(boolean rated) {
        this.rated = rated;
    }

    public boolean rated() {
        return rated;
    }

    public String key() {
        return switch (this) {
            case TYPICAL_USE -> "use";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }
}
