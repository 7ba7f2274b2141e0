package dev.netlens.graph;

/** One name/value line shown in the property panel and in tooltips. */
public record Detail(String name, String value) {
}
