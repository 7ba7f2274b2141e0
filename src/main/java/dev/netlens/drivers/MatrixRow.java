package dev.netlens.drivers;

import java.util.List;

/** One criterion across all drivers, cells in {@link Driver} order. */
public record MatrixRow(Topic topic, String label, List<MatrixCell> cells) {
    public MatrixRow {
        cells = List.copyOf(cells);
    }
}
