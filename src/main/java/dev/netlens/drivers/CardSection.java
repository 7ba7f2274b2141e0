package dev.netlens.drivers;

/**
 * One topic on a driver card, rendered in one language.
 *
 * @param rating null for prose-only topics (typical use, kernel parts)
 * @param ratingText the rating's word ("high"/"높음"), or null
 * @param shortText the matrix cell's word ("veth + bridge + NAT"), or null
 */
public record CardSection(Topic topic, String heading, Rating rating, String ratingText, String shortText,
        String text) {
}
