package dev.netlens.trace;

import dev.netlens.i18n.Texts;
import java.util.Locale;

/** A trace in plain sentences, in the reader's language: the verdict, why, the deciding rule, then each hop. */
public final class TraceText {
    private static final Texts T = Bundle.TEXTS;

    private TraceText() {
    }

    public static String render(TraceResult t, Locale locale) {
        return render(t, locale, java.util.Map.of());
    }

    /** @param hostNames display names by host id (hosts not in it are printed by id) */
    public static String render(TraceResult t, Locale locale, java.util.Map<String, String> hostNames) {
        // (the hops' own sentences already name hosts by name)
        StringBuilder sb = new StringBuilder();
        String what = t.protocol().word() + (t.port() == null ? "" : "/" + t.port());
        String nl = System.lineSeparator();
        sb.append(T.text(locale, "text.header", t.from(), t.to(), what, T.text(locale, "verdict." + t.verdict().word())))
                .append(nl);
        sb.append(t.reason().in(locale)).append(nl);
        RuleRef r = t.decidingRule();
        if (r != null) {
            sb.append(r.index() > 0
                    ? T.text(locale, "text.rule", hostNames.getOrDefault(r.host(), r.host()), r.table(), r.chain(), r.index(), r.rule())
                    : T.text(locale, "text.policy", hostNames.getOrDefault(r.host(), r.host()), r.table(), r.chain(), r.rule()))
                    .append(nl);
        }
        sb.append(nl);
        for (Hop h : t.hops()) {
            sb.append(T.text(locale, "text.hop", h.index(), h.kind().word(), h.note().in(locale))).append(nl);
        }
        return sb.toString();
    }
}
