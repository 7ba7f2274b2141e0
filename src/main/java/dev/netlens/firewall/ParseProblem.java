package dev.netlens.firewall;

/**
 * A line (or JSON object) the parser could not understand; parsing goes on after it.
 *
 * @param lineNumber 1-based line in the iptables text, or 1-based object index / JSON line for nft
 * @param line the offending text, verbatim (shortened for huge JSON objects)
 * @param message what was wrong, in English
 */
public record ParseProblem(int lineNumber, String line, String message) {
}
