package dev.netlens.ui.properties;

/** One row of the property panel, phrased in the UI language: the fact's name, and its value. */
public record PropertyRow(String name, String value) {
}
