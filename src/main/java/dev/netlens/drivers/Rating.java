package dev.netlens.drivers;

import java.util.Locale;

/** A short grade for one criterion; what "high" means is in the criterion's label (e.g. port publishing needed). */
public enum Rating {
    NONE, LOW, MEDIUM, HIGH;

    public String key() {
        return "rating." + name().toLowerCase(Locale.ROOT);
    }
}
