package dev.netlens.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both panels' bundles (drivers and dns): Korean is complete, real Korean, and every value formats. */
class MessageBundlesTest {
    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, "missing " + resource);
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/netlens/drivers/messages", "/dev/netlens/dns/messages"})
    void everyEnglishKeyHasAKoreanTextAndViceVersa(String base) throws IOException {
        Properties en = load(base + ".properties");
        Properties ko = load(base + "_ko.properties");
        assertFalse(en.isEmpty());
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(ko.stringPropertyNames()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/netlens/drivers/messages", "/dev/netlens/dns/messages"})
    void everyKoreanTextIsNonEmptyHangul(String base) throws IOException {
        Properties ko = load(base + "_ko.properties");
        for (String key : ko.stringPropertyNames()) {
            String value = ko.getProperty(key);
            assertFalse(value.isBlank(), key);
            assertTrue(value.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL),
                    key + " has no Hangul: " + value);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/netlens/drivers/messages.properties", "/dev/netlens/drivers/messages_ko.properties",
            "/dev/netlens/dns/messages.properties", "/dev/netlens/dns/messages_ko.properties"})
    void everyValueIsAMessageFormatThatKeepsItsApostrophes(String resource) throws IOException {
        Properties p = load(resource);
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key);
            // MessageFormat eats a lone ASCII apostrophe and everything it quotes.
            assertFalse(value.replace("''", "").contains("'"), key + " has a lone ' : " + value);
            new MessageFormat(value);
        }
    }
}
