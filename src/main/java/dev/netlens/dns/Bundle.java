package dev.netlens.dns;

import dev.netlens.i18n.Texts;

/** The service discovery panel's texts: src/main/resources/dev/netlens/dns/messages*.properties. */
public final class Bundle {
    public static final Texts TEXTS = new Texts("dev.netlens.dns.messages");

    private Bundle() {
    }
}
