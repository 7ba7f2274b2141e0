package dev.netlens.drivers;

/** One grade: the rating, its word in the current language and a short reason. */
public record MatrixCell(Driver driver, Rating rating, String ratingText, String word, boolean highlighted) {
}
