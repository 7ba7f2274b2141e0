package dev.netlens.drivers;

/** A driver's column head: its name and how much the live hosts use it. */
public record MatrixColumn(Driver driver, String title, String usage, boolean highlighted) {
}
