package dev.netlens.ui.language;

import dev.netlens.i18n.Texts;

/** Headings, choosers and states of the side panels: dev/netlens/ui/language/panels*.properties. */
public final class PanelTexts {
    public static final Texts TEXTS = new Texts("dev.netlens.ui.language.panels");

    private PanelTexts() {
    }
}
