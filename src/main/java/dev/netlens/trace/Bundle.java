package dev.netlens.trace;

import dev.netlens.i18n.Texts;

/** The trace's texts: src/main/resources/dev/netlens/trace/messages*.properties. */
public final class Bundle {
    public static final Texts TEXTS = new Texts("dev.netlens.trace.messages");

    private Bundle() {
    }
}
