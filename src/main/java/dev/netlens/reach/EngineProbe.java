package dev.netlens.reach;

/**
 * An engine that answered at an address.
 *
 * @param name the engine's host name ({@code /info} Name)
 * @param version the engine's version
 */
public record EngineProbe(String endpoint, String name, String version) {
}
