package dev.netlens.ui.language;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * The menus' and presentation's texts in the UI language, from
 * {@code dev/netlens/ui/i18n/messages*.properties} (UTF-8). The language itself is the window's one
 * {@link UiLanguage}, shared with the side panels, so every part switches together.
 */
public final class I18n {
    public static final List<Locale> SUPPORTED = UiLanguage.SUPPORTED;
    private final UiLanguage language;

    public I18n(UiLanguage language) {
        this.language = language;
    }

    /** A language of its own, never stored: for tests and tools. */
    public I18n(Locale initial) {
        this(UiLanguage.of(initial));
    }

    public UiLanguage language() {
        return language;
    }

    public ReadOnlyObjectProperty<Locale> localeProperty() {
        return language.localeProperty();
    }

    public void setLocale(Locale l) {
        language.switchTo(l);
    }

    public String get(String key, Object... args) {
        ResourceBundle b = ResourceBundle.getBundle("dev.netlens.ui.i18n.messages", language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern = b.containsKey(key) ? b.getString(key) : key;
        return args.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, language.locale()).format(args);
    }

    /** The text under {@code key}, or {@code fallback} when the bundle has none (a name from the data, say). */
    public String getOr(String key, String fallback) {
        ResourceBundle b = ResourceBundle.getBundle("dev.netlens.ui.i18n.messages", language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return b.containsKey(key) ? b.getString(key) : fallback;
    }

    /** The text under {@code key}, following the language as it switches. */
    public javafx.beans.binding.StringBinding text(String key) {
        return javafx.beans.binding.Bindings.createStringBinding(() -> get(key), localeProperty());
    }

    /** A menu item labelled by {@code key} in the current language (no mnemonics: names may hold underscores). */
    public javafx.scene.control.MenuItem menuItem(String key, String id, Runnable action) {
        javafx.scene.control.MenuItem i = new javafx.scene.control.MenuItem();
        i.setId(id);
        i.setMnemonicParsing(false);
        i.textProperty().bind(text(key));
        i.setOnAction(e -> action.run());
        return i;
    }

    /** The language's own name, for the menu. */
    public static String nameOf(Locale l) {
        return "ko".equals(l.getLanguage()) ? "한국어" : "English";
    }
}
