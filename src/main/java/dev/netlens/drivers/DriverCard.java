package dev.netlens.drivers;

import java.util.List;

/**
 * One driver's card, rendered in one language.
 *
 * @param facts lines about this driver on the live hosts
 * @param highlighted whether this is the selected network's driver
 */
public record DriverCard(Driver driver, String title, String summary, List<CardSection> sections,
        List<String> facts, boolean highlighted) {
    public DriverCard {
        sections = List.copyOf(sections);
        facts = List.copyOf(facts);
    }
}
