package dev.netlens.drivers;

import static dev.netlens.testing.PanelSnapshots.scanLab;
import static dev.netlens.testing.PanelSnapshots.swarm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.snapshot.TopologySnapshot;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DriverCardsTest {
    private final TopologySnapshot lab = scanLab();

    private static DriverCard card(List<DriverCard> cards, Driver d) {
        return cards.stream().filter(c -> c.driver() == d).findFirst().orElseThrow();
    }

    private static String section(DriverCard card, Topic topic) {
        return card.sections().stream().filter(s -> s.topic() == topic).findFirst().orElseThrow().text();
    }

    @Test
    void sixCardsInDriverOrderEachWithEveryTopicAndOnlyTheSelectedHighlighted() {
        List<DriverCard> cards = DriverCards.build(lab, Locale.ENGLISH, Driver.OVERLAY);
        assertEquals(Arrays.asList(Driver.values()), cards.stream().map(DriverCard::driver).toList());
        for (DriverCard c : cards) {
            assertEquals(Arrays.asList(Topic.values()), c.sections().stream().map(CardSection::topic).toList());
            assertEquals(c.driver() == Driver.OVERLAY, c.highlighted());
            c.sections().forEach(s -> assertFalse(s.text().isBlank(), c.driver() + " " + s.topic()));
        }
    }

    @Test
    void kernelSectionNamesThePartsTheCanvasDraws() {
        List<DriverCard> cards = DriverCards.build(lab, Locale.ENGLISH, null);
        String bridge = section(card(cards, Driver.BRIDGE), Topic.KERNEL);
        for (String part : List.of("docker0", "br-<id>", "veth pair", "MASQUERADE", "DNAT")) {
            assertTrue(bridge.contains(part), part);
        }
        String overlay = section(card(cards, Driver.OVERLAY), Topic.KERNEL);
        for (String part : List.of("1-<id>", "br0", "vxlan0", "VNI", "4789", "docker_gwbridge", "underlay")) {
            assertTrue(overlay.contains(part), part);
        }
        assertTrue(section(card(cards, Driver.MACVLAN), Topic.KERNEL).contains("cannot reach its own macvlan containers"));
        assertTrue(section(card(cards, Driver.IPVLAN), Topic.KERNEL).contains("sharing the parent’s MAC"));
        assertTrue(section(card(cards, Driver.HOST), Topic.KERNEL).contains("no namespace"));
        assertTrue(section(card(cards, Driver.NONE), Topic.KERNEL).contains("only lo"));
    }

    /** The lab's engine 1 as the snapshot names it (engines sharing a hostname get their address added). */
    private String vm() {
        String id = dev.netlens.testing.PanelSnapshots.hostAt(lab, dev.netlens.testing.PanelSnapshots.ENGINE1);
        return lab.hosts().stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow().name();
    }

    private String labUserBridge() {
        String bridge = dev.netlens.testing.PanelSnapshots.network(lab,
                dev.netlens.testing.PanelSnapshots.hostAt(lab, dev.netlens.testing.PanelSnapshots.ENGINE1), "lab-user").bridge();
        return bridge.substring(bridge.lastIndexOf('/') + 1);
    }

    @Test
    void factsNameTheHostAndSayWhereIccIsOff() {
        List<String> facts = card(DriverCards.build(lab, Locale.ENGLISH, null), Driver.BRIDGE).facts();
        assertTrue(facts.contains("docker_gwbridge (" + vm() + "): containers on it cannot talk to each other (ICC off)."), facts::toString);
        assertTrue(facts.contains("lab-internal (" + vm() + "): internal; no route out and no published ports."), facts::toString);
        assertTrue(facts.contains("lab-user (" + vm() + "): MTU 1500 on " + labUserBridge() + " and in every container on it."), facts::toString);
        assertEquals("Here: 7 networks, 9 containers (7 running).", facts.get(0));
    }

    @Test
    void mtuMismatchBetweenBridgeAndContainerIsPointedOut() {
        List<String> facts = card(DriverCards.build(swarm(), Locale.ENGLISH, null), Driver.BRIDGE).facts();
        assertTrue(facts.contains("appnet (node1): MTU 1500 on br-311a970dfdd4, but 1400, 1500 inside containers; "
                + "larger packets may be dropped."), facts::toString);
    }

    @Test
    void numbersInFactsAreNotGroupedTheLocaleWay() {
        List<String> facts = card(DriverCards.build(lab, Locale.ENGLISH, null), Driver.OVERLAY).facts();
        assertTrue(facts.contains("lab-overlay (" + vm() + "): VNI 4097, VXLAN on UDP port 4789."), facts::toString);
        assertTrue(facts.contains("lab-overlay (" + vm() + "): tunnels to peers 198.18.0.2."), facts::toString);
    }

    @Test
    void cardsRenderInKoreanWithTheSameFactsCount() {
        List<DriverCard> en = DriverCards.build(lab, Locale.ENGLISH, Driver.BRIDGE);
        List<DriverCard> ko = DriverCards.build(lab, Locale.KOREAN, Driver.BRIDGE);
        for (int i = 0; i < en.size(); i++) {
            assertNotEquals(en.get(i).summary(), ko.get(i).summary());
            assertEquals(en.get(i).facts().size(), ko.get(i).facts().size());
            ko.get(i).facts().forEach(f -> assertTrue(f.matches(".*\\p{IsHangul}.*"), f));
        }
        assertTrue(card(ko, Driver.OVERLAY).facts().contains("lab-overlay (" + vm() + "): VNI 4097, VXLAN은 UDP 4789번 포트를 씁니다."));
    }

    @Test
    void withoutASnapshotCardsStillExplainTheDrivers() {
        List<DriverCard> cards = DriverCards.build(null, Locale.ENGLISH, null);
        assertEquals(6, cards.size());
        assertEquals(List.of("No bridge network or container on these hosts."), card(cards, Driver.BRIDGE).facts());
    }
}
