package dev.netlens.i18n;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A text not yet rendered: bundle key and arguments. Panels keep these and render them with the current
 * Locale, so a language switch re-renders without recomputing anything from the snapshot.
 */
public record Message(Texts texts, String key, List<String> args) {
    public Message {
        Objects.requireNonNull(texts);
        Objects.requireNonNull(key);
        args = List.copyOf(args);
    }

    static Message of(Texts texts, String key, Object... args) {
        return new Message(texts, key, Arrays.stream(args).map(String::valueOf).toList());
    }

    public String in(Locale locale) {
        return texts.text(locale, key, args.toArray());
    }
}
