package dev.netlens.ui.present;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The UI language: English or Korean, following the system locale at start and switchable while
 * running. Texts come from {@code dev/netlens/ui/i18n/messages*.properties} (UTF-8).
 */
public final class I18n {
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.KOREAN);
    private final ObjectProperty<Locale> locale;

    public I18n() {
        this(Locale.getDefault());
    }

    public I18n(Locale initial) {
        locale = new SimpleObjectProperty<>(supported(initial));
    }

    static Locale supported(Locale l) {
        return l != null && "ko".equals(l.getLanguage()) ? Locale.KOREAN : Locale.ENGLISH;
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public void setLocale(Locale l) {
        locale.set(supported(l));
    }

    public String get(String key, Object... args) {
        ResourceBundle b = ResourceBundle.getBundle("dev.netlens.ui.i18n.messages", locale.get(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern = b.containsKey(key) ? b.getString(key) : key;
        return args.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, locale.get()).format(args);
    }

    /** The language's own name, for the menu. */
    public static String nameOf(Locale l) {
        return "ko".equals(l.getLanguage()) ? "한국어" : "English";
    }
}
