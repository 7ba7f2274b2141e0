package dev.netlens.ui.panels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netlens.ui.language.UiLanguage;
import java.util.Locale;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The UI language starts from the system locale and remembers the last switch. */
class UiLanguageTest {
    private final Preferences node = Preferences.userRoot().node("dev/netlens/test-" + System.nanoTime());

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void followsTheSystemLocaleUntilSwitchedThenRemembersTheSwitch() {
        assertEquals(Locale.KOREAN, UiLanguage.fromPreferences(node, Locale.forLanguageTag("ko-KR")).locale());
        UiLanguage english = UiLanguage.fromPreferences(node, Locale.US);
        assertEquals(Locale.ENGLISH, english.locale());
        english.toggle();
        assertEquals(Locale.KOREAN, english.locale());
        assertEquals(Locale.KOREAN, UiLanguage.fromPreferences(node, Locale.US).locale(), "the choice outlives the window");
    }

    @Test
    void anyOtherLanguageShowsEnglish() {
        assertEquals(Locale.ENGLISH, UiLanguage.of(Locale.GERMANY).locale());
        UiLanguage fixed = UiLanguage.of(Locale.ENGLISH);
        fixed.switchTo(Locale.KOREA);
        assertEquals(Locale.KOREAN, fixed.locale());
    }
}
