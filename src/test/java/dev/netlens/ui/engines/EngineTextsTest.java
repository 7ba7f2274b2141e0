package dev.netlens.ui.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.reach.ReachProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Engines dialog's texts exist in English and Korean, for every kind of line and of problem. */
class EngineTextsTest {
    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = EngineTextsTest.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> engineKeys(Properties p) {
        return p.stringPropertyNames().stream().filter(k -> k.startsWith("engines.") || k.equals("menu.engines"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyEnglishTextHasAKoreanOneInHangul() throws IOException {
        Properties en = load("/dev/netlens/ui/i18n/messages.properties");
        Properties ko = load("/dev/netlens/ui/i18n/messages_ko.properties");
        assertEquals(engineKeys(en), engineKeys(ko));
        for (String key : engineKeys(ko)) {
            String value = ko.getProperty(key);
            assertTrue(value.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL),
                    key + " has no Hangul: " + value);
            assertFalse(value.replace("''", "").contains("'"), key + " has a lone ' : " + value);
            assertFalse(en.getProperty(key).replace("''", "").contains("'"), key + " has a lone ' in English");
            new MessageFormat(value);
        }
    }

    @Test
    void everyKindOfProblemAndLineIsWorded() throws IOException {
        Properties en = load("/dev/netlens/ui/i18n/messages.properties");
        for (ReachProblem.Kind k : ReachProblem.Kind.values()) {
            assertTrue(en.containsKey("engines.problem." + k.name()), k.name());
        }
        for (EngineRow.Kind k : EngineRow.Kind.values()) {
            assertTrue(en.containsKey("engines.kind." + k.name()), k.name());
        }
    }
}
