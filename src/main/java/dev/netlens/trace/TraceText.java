package dev.netlens.trace;

import dev.netlens.i18n.Texts;
import java.util.Locale;

/** A trace in plain sentences, in the reader's language: the verdict, why, the deciding rule, then each hop. */
public final class TraceText {
    private static final Texts T = Bundle.TEXTS;

    private TraceText() {
    }

    public static String render(TraceResult t, Locale locale) {
        StringBuilder sb = new StringBuilder();
        String what = t.protocol().word() + (t.port() == null ? "" : "/" + t.port());
        String nl = System.lineSeparator();
        sb.append(T.text(locale, "text.header", t.from(), t.to(), what, T.text(locale, "verdict." + t.verdict().word())))
                .append(nl);
        sb.append(t.reason().in(locale)).append(nl);
        RuleRef r = t.decidingRule();
        if (r != null) {
            sb.append(r.index() > 0
                    ? T.text(locale, "text.rule", r.host(), r.table(), r.chain(), r.index(), r.rule())
                    : T.text(locale, "text.policy", r.host(), r.table(), r.chain(), r.rule())).append(nl);
        }
        sb.append(nl);
        for (Hop h : t.hops()) {
            sb.append(T.text(locale, "text.hop", h.index(), h.kind().word(), h.note().in(locale))).append(nl);
        }
        return sb.toString();
    }
}
