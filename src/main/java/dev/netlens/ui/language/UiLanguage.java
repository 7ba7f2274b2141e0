package dev.netlens.ui.language;

import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The UI language, English or Korean: the system locale's at first, switchable while running, and
 * remembered in {@link Preferences} when made from them. View-models get this object by their
 * constructor and re-render their texts when {@link #localeProperty()} changes; only the window's
 * toggle switches it.
 */
public final class UiLanguage {
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.KOREAN);
    static final String KEY = "language";

    private final ReadOnlyObjectWrapper<Locale> locale;
    private final Preferences store;

    private UiLanguage(Locale initial, Preferences store) {
        this.locale = new ReadOnlyObjectWrapper<>(supported(initial));
        this.store = store;
    }

    /** A language that is never stored: for tests and tools. */
    public static UiLanguage of(Locale locale) {
        return new UiLanguage(locale, null);
    }

    /** The language last chosen (stored under {@code language}), else the system locale's. */
    public static UiLanguage fromPreferences(Preferences node, Locale system) {
        String stored = node.get(KEY, null);
        return new UiLanguage(stored == null ? system : Locale.forLanguageTag(stored), node);
    }

    /** This user's stored choice, else {@link Locale#getDefault()}. */
    public static UiLanguage forUser() {
        return fromPreferences(Preferences.userNodeForPackage(UiLanguage.class), Locale.getDefault());
    }

    /** Korean for any Korean locale, English for everything else. */
    public static Locale supported(Locale l) {
        return l != null && "ko".equals(l.getLanguage()) ? Locale.KOREAN : Locale.ENGLISH;
    }

    public void switchTo(Locale l) {
        Locale next = supported(l);
        locale.set(next);
        if (store != null) {
            store.put(KEY, next.toLanguageTag());
        }
    }

    /** English to Korean and back. */
    public void toggle() {
        switchTo(isKorean() ? Locale.ENGLISH : Locale.KOREAN);
    }

    public boolean isKorean() {
        return "ko".equals(locale.get().getLanguage());
    }

    public Locale locale() {
        return locale.get();
    }

    public ReadOnlyObjectProperty<Locale> localeProperty() {
        return locale.getReadOnlyProperty();
    }

    /** The language's own name, as the toggle shows it. */
    public static String nameOf(Locale l) {
        return "ko".equals(l.getLanguage()) ? "한국어" : "EN";
    }
}
