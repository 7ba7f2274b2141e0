package dev.netlens.firewall;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A message key with its arguments, kept apart from any language until rendered, so one
 * explanation can be printed in English and Korean. Arguments are plain text, other phrases,
 * or lists of phrases (joined with the bundle's {@code join.conditions}).
 */
record Phrase(String key, List<Object> args) {
    private static final String BUNDLE = "dev.netlens.firewall.messages";

    /** Items joined with the text under {@code joinKey} rather than {@code join.conditions}. */
    record Joined(String joinKey, List<?> items) {
    }

    Phrase {
        args = List.copyOf(args);
    }

    static Phrase of(String key, Object... args) {
        return new Phrase(key, List.of(args));
    }

    /** Loads the bundle for exactly this language; the JVM's default locale must not leak in. */
    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    String render(ResourceBundle bundle) {
        Object[] rendered = new Object[args.size()];
        for (int i = 0; i < args.size(); i++) {
            rendered[i] = renderArg(args.get(i), bundle);
        }
        return new MessageFormat(text(bundle, key), bundle.getLocale()).format(rendered);
    }

    private static Object renderArg(Object arg, ResourceBundle bundle) {
        if (arg instanceof Phrase p) {
            return p.render(bundle);
        }
        if (arg instanceof List<?> list) {
            return renderArg(new Joined("join.conditions", list), bundle);
        }
        if (arg instanceof Joined j) {
            List<String> parts = new ArrayList<>();
            j.items().forEach(x -> parts.add(String.valueOf(renderArg(x, bundle))));
            return String.join(text(bundle, j.joinKey()), parts);
        }
        return String.valueOf(arg); // plain text: no number formatting (8080, not 8,080)
    }

    private static String text(ResourceBundle bundle, String key) {
        return bundle.getString(key);
    }
}
