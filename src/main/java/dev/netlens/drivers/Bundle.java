package dev.netlens.drivers;

import dev.netlens.i18n.Texts;

/** The driver panel's texts: src/main/resources/dev/netlens/drivers/messages*.properties. */
public final class Bundle {
    public static final Texts TEXTS = new Texts("dev.netlens.drivers.messages");

    private Bundle() {
    }
}
