package dev.netlens.ui.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.graph.Detail;
import dev.netlens.graph.Fact;
import dev.netlens.graph.NodeKind;
import dev.netlens.graph.Phrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** Every fact the graph can tell has a name in both bundles, so the panel never shows English in Korean. */
class FactNamesTest {
    private static final String BUNDLE = "dev.netlens.ui.i18n.messages";

    @Test
    void everyFactIsNamedInEnglishAndKorean() {
        ResourceBundle en = ResourceBundle.getBundle(BUNDLE, Locale.ROOT);
        ResourceBundle ko = ResourceBundle.getBundle(BUNDLE, Locale.KOREAN);
        List<String> missing = new ArrayList<>();
        for (Fact f : Fact.values()) {
            if (!en.containsKey(f.key()) || ko.getString(f.key()).equals(en.getString(f.key())) && !f.english().matches("[A-Z]+|ifindex|Id")) {
                missing.add(f.key());
            }
        }
        assertTrue(missing.isEmpty(), "no name (or no Korean one) for " + missing);
    }

    @Test
    void everyPhraseAndKindIsWordedInEnglishAndKorean() {
        ResourceBundle en = ResourceBundle.getBundle(BUNDLE, Locale.ROOT);
        ResourceBundle ko = ResourceBundle.getBundle(BUNDLE, Locale.KOREAN);
        List<String> keys = new ArrayList<>();
        for (Phrase p : Phrase.values()) {
            keys.add(p.key());
            assertEquals(p.english(), en.getString(p.key()), "the English bundle says what exports say");
        }
        for (NodeKind k : NodeKind.values()) {
            keys.add("kind." + k.name().toLowerCase(Locale.ROOT));
        }
        List<String> missing = keys.stream().filter(k -> !en.containsKey(k) || ko.getString(k).equals(en.getString(k))).toList();
        assertTrue(missing.isEmpty(), "no wording (or no Korean one) for " + missing);
    }

    @Test
    void aQualifiedDetailKeepsItsQualifierApartFromItsName() {
        Detail endpoint = new Detail(Fact.ENDPOINT, "lab-user", "172.18.0.2");
        assertEquals("Endpoint lab-user", endpoint.name());
        assertEquals("detail.Endpoint", endpoint.fact().key());
    }
}
