package dev.netlens.reach;

/**
 * A docker context as the chooser lists it.
 *
 * @param current whether it is the one the docker CLI uses with no --context
 */
public record ContextEntry(String name, String endpoint, String description, boolean current) {
}
