package dev.netlens.render;

/** The colour themes: the window's light default, a high-contrast light one and a dark one for projectors. */
public enum Theme {
    LIGHT, CONTRAST, DARK;

    /** The style class the window's root carries for this theme. */
    public String styleClass() {
        return "theme-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
