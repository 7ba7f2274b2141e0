package dev.netlens.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * One properties bundle (UTF-8, Java 9+), looked up with the Locale the caller passes on every call: the UI
 * language can change at runtime, so nothing here remembers a locale. ResourceBundle caches the files.
 *
 * <p>Every value goes through {@link MessageFormat}, so a literal ASCII apostrophe must be doubled; the
 * bundles use the typographic one (’) instead.
 */
public record Texts(String baseName) {
    // Without this, English asked for on a Korean system would fall back to the default locale: Korean.
    private static final ResourceBundle.Control NO_DEFAULT_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** @throws java.util.MissingResourceException for an unknown key: keys are fixed in code and tested */
    public String text(Locale locale, String key, Object... args) {
        String pattern = bundle(locale).getString(key);
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // MessageFormat would print 4097 as "4,097": ids, ports and MTUs must stay verbatim.
            plain[i] = args[i] instanceof Number ? args[i].toString() : args[i];
        }
        return new MessageFormat(pattern, locale).format(plain);
    }

    public Message message(String key, Object... args) {
        return Message.of(this, key, args);
    }

    public ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(baseName, locale, Texts.class.getClassLoader(), NO_DEFAULT_FALLBACK);
    }
}
