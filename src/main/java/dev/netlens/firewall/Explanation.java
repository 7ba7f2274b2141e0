package dev.netlens.firewall;

import java.util.Locale;

/** One rule (or chain policy) in plain words, in both of the UI's languages. */
public record Explanation(String en, String ko) {
    /** Korean for a Korean locale, English otherwise. */
    public String in(Locale locale) {
        return locale != null && locale.getLanguage().equals("ko") ? ko : en;
    }
}
