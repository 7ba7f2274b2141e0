package dev.netlens.graph;

import java.util.Locale;

/**
 * A value the graph states in words of its own rather than as the engine or the kernel gave it
 * ("yes", "none"): the UI phrases it in the user's language by {@link #key()}; exports and tooltips
 * show {@link #english()}.
 */
public enum Phrase {
    YES("yes"),
    NO("no"),
    NONE("none"),
    NOT_DISCOVERED("not discovered");

    private final String english;

    Phrase(String english) {
        this.english = english;
    }

    public static Phrase of(boolean yes) {
        return yes ? YES : NO;
    }

    public String english() {
        return english;
    }

    /** The i18n bundle key: {@code phrase.not_discovered}. */
    public String key() {
        return "phrase." + name().toLowerCase(Locale.ROOT);
    }
}
