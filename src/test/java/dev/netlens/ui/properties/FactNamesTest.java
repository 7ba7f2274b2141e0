package dev.netlens.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.graph.Detail;
import dev.netlens.graph.Fact;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.Phrase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** Every fact the graph can tell has a name in both bundles, so the panel never shows English in Korean. */
class FactNamesTest {
    private static final String BUNDLE = "dev.netlens.ui.i18n.messages";

    private static final ResourceBundle EN = ResourceBundle.getBundle(BUNDLE, Locale.ROOT);
    private static final ResourceBundle KO = ResourceBundle.getBundle(BUNDLE, Locale.KOREAN);

    /** The keys with no English text, or whose Korean text is the English one. */
    private static List<String> untranslated(List<String> keys) {
        return keys.stream().filter(k -> !EN.containsKey(k) || KO.getString(k).equals(EN.getString(k))).toList();
    }

    @Test
    void everyFactIsNamedInEnglishAndKorean() {
        // Names that read the same in Korean (VNI, MTU, MAC, ifindex, Id) may stay as they are.
        List<String> keys = Arrays.stream(Fact.values()).filter(f -> !f.english().matches("[A-Z]+|ifindex|Id")).map(Fact::key).toList();
        assertTrue(untranslated(keys).isEmpty(), "no name (or no Korean one) for " + untranslated(keys));
        assertTrue(Arrays.stream(Fact.values()).allMatch(f -> EN.containsKey(f.key())), "every fact named in English");
    }

    @Test
    void everyPhraseAndKindIsWordedInEnglishAndKorean() {
        List<String> keys = new ArrayList<>();
        for (Phrase p : Phrase.values()) {
            keys.add(p.key());
            assertEquals(p.english(), EN.getString(p.key()), "the English bundle says what exports say");
        }
        for (NodeKind k : NodeKind.values()) {
            keys.add("kind." + k.name().toLowerCase(Locale.ROOT));
        }
        assertTrue(untranslated(keys).isEmpty(), "no wording (or no Korean one) for " + untranslated(keys));
    }

    @Test
    void aQualifiedDetailKeepsItsQualifierApartFromItsName() {
        Detail endpoint = new Detail(Fact.ENDPOINT, "lab-user", "172.18.0.2");
        assertEquals("Endpoint lab-user", endpoint.name());
        assertEquals("detail.Endpoint", endpoint.fact().key());
    }
}
