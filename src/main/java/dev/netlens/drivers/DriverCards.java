package dev.netlens.drivers;

import dev.netlens.i18n.Message;
import dev.netlens.i18n.Texts;
import dev.netlens.snapshot.TopologySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the six driver cards for one language. Call again on a language switch or a new snapshot. */
public final class DriverCards {
    private static final Texts T = Bundle.TEXTS;

    private DriverCards() {
    }

    /**
     * @param snapshot the live topology, or null when there is none yet (cards then carry no host facts)
     * @param selected the selected network's driver, or null
     */
    public static List<DriverCard> build(TopologySnapshot snapshot, Locale locale, Driver selected) {
        boolean multiHost = snapshot != null && snapshot.hosts().size() > 1;
        List<DriverCard> cards = new ArrayList<>();
        for (Driver d : Driver.values()) {
            List<String> facts = FactLines.of(DriverFacts.from(snapshot, d), multiHost).stream()
                    .map(m -> m.in(locale)).toList();
            cards.add(new DriverCard(d, title(d, locale), T.text(locale, prefix(d) + "summary"),
                    sections(d, locale), facts, d == selected));
        }
        return cards;
    }

    static List<CardSection> sections(Driver d, Locale locale) {
        List<CardSection> out = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            Rating rating = topic.rated() ? Ratings.of(d, topic) : null;
            out.add(new CardSection(topic, heading(topic, locale), rating,
                    rating == null ? null : T.text(locale, rating.key()),
                    rating == null ? null : shortText(d, topic, locale),
                    T.text(locale, prefix(d) + topic.key())));
        }
        return out;
    }

    static String title(Driver d, Locale locale) {
        return T.text(locale, prefix(d) + "name");
    }

    static String heading(Topic topic, Locale locale) {
        return T.text(locale, "topic." + topic.key());
    }

    static String shortText(Driver d, Topic topic, Locale locale) {
        return T.text(locale, prefix(d) + topic.key() + ".short");
    }

    /** The "why" of one card topic, unrendered, for a tooltip that follows the language. */
    public static Message explanation(Driver d, Topic topic) {
        return T.message(prefix(d) + topic.key());
    }

    private static String prefix(Driver d) {
        return "driver." + d.key() + ".";
    }
}
