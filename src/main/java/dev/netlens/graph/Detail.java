package dev.netlens.graph;

/**
 * One fact about a vertex, shown in the property panel and in tooltips.
 *
 * @param fact what it tells (the UI translates its name by {@link Fact#key()})
 * @param qualifier what it is about where a vertex has several (an endpoint's network name), or null
 * @param value as the engine and the kernel give it (or the phrase's English)
 * @param phrase the value when it is a word of the graph's own (the UI translates it by {@link Phrase#key()}), else null
 */
public record Detail(Fact fact, String qualifier, String value, Phrase phrase) {
    public Detail(Fact fact, String value) {
        this(fact, null, value, null);
    }

    public Detail(Fact fact, String qualifier, String value) {
        this(fact, qualifier, value, null);
    }

    public Detail(Fact fact, Phrase phrase) {
        this(fact, null, phrase.english(), phrase);
    }

    /** The name in English, with its qualifier: "Endpoint lab-user". */
    public String name() {
        return qualifier == null ? fact.english() : fact.english() + " " + qualifier;
    }
}
