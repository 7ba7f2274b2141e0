package dev.netlens.firewall;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpNetAndTokenizerTest {

    @Test
    void subnetsContainTheirHostsAndNotOthers() {
        IpNet net = IpNet.parse("172.17.0.0/16");
        assertTrue(net.contains(IpNet.parse("172.17.255.3")));
        assertFalse(net.contains(IpNet.parse("172.18.0.1")));
        assertFalse(IpNet.parse("172.17.0.2").contains(net));
        assertTrue(IpNet.parse("172.17.0.2").overlaps(net));
        assertTrue(IpNet.parse("fd00:db8::/64").contains(IpNet.parse("[fd00:db8::2]")));
        assertFalse(IpNet.parse("fd00:db8::/64").contains(IpNet.parse("172.17.0.2")));
    }

    @Test
    void onlyLiteralsAreAcceptedSoNoNameIsLookedUp() {
        assertNull(IpNet.parseOrNull("docker0"));
        assertNull(IpNet.parseOrNull("example.com"));
        assertNull(IpNet.parseOrNull("10.0.0.0/33"));
        assertNull(IpNet.parseOrNull("10.0.0"));
        assertThrows(IllegalArgumentException.class, () -> IpNet.parse("bad"));
    }

    @Test
    void addressesPrintShortly() {
        assertEquals("fd00:db8::2", IpNet.parse("fd00:db8:0:0:0:0:0:2").toString());
        assertEquals("172.17.0.0/16", IpNet.parse("172.17.0.0/16").toString());
        assertEquals("::1", IpNet.parse("::1").toString());
        assertEquals("fd00:0:1::/48", IpNet.parse("fd00:0:1::/48").toString());
    }

    @Test
    void tokenizerHandlesQuotesEscapesAndMarksQuotedWords() throws Exception {
        List<Tokenizer.Token> t = Tokenizer.split("--comment \"a \\\"b\\\" c\" 'x y' back\\ slash \"-j\"");
        assertEquals(List.of("--comment", "a \"b\" c", "x y", "back slash", "-j"),
                t.stream().map(Tokenizer.Token::text).toList());
        assertTrue(t.get(4).quoted(), "a quoted -j is a value, never an option");
        assertFalse(t.get(0).quoted());
    }

    @Test
    void tokenizerRejectsUnterminatedQuotes() {
        assertThrows(Tokenizer.TokenizeException.class, () -> Tokenizer.split("--comment \"open"));
        assertThrows(Tokenizer.TokenizeException.class, () -> Tokenizer.split("'open"));
        assertThrows(Tokenizer.TokenizeException.class, () -> Tokenizer.split("end\\"));
    }

    @Test
    void quotingRoundTrips() throws Exception {
        String word = "zone \"public\" \\ list";
        assertEquals(List.of(word), Tokenizer.split(Tokenizer.quoteIfNeeded(word)).stream()
                .map(Tokenizer.Token::text).toList());
        assertEquals("plain", Tokenizer.quoteIfNeeded("plain"));
    }
}
