package dev.netlens.ui.traffic;

import dev.netlens.i18n.Texts;

/** The traffic panel's, menu's and reveal step's texts: dev/netlens/ui/traffic/traffic*.properties. */
public final class TrafficTexts {
    public static final Texts TEXTS = new Texts("dev.netlens.ui.traffic.traffic");

    private TrafficTexts() {
    }
}
