package dev.netlens.ui.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Group;
import javafx.scene.Node;

/**
 * One drawing level of the canvas whose shapes are grouped by place, so that culling hides a few
 * dozen groups instead of visiting thousands of shapes. The grid is loose and has three cell sizes:
 * a shape goes into the smallest cell size not smaller than the shape, in the cell holding its top
 * left corner (a cell's content therefore spans at most twice its size); anything larger goes into
 * one cell of its own. Each cell keeps the union of its shapes' world bounds, recomputed when the
 * frame changes ({@link #refresh}); {@link #cull} shows the cells whose bounds meet the viewport.
 * The order of shapes inside a level does not matter (the canvas puts anything whose order matters
 * in different levels), so cells may be in any order.
 */
final class CellLayer extends Group {
    private static final double[] SIZES = {256, 1024, 4096};

    /** Where a shape is, in world coordinates: fills out[0..3] with minX, minY, maxX, maxY. */
    interface Extent {
        void of(Node n, double[] out);
    }

    /** A group of shapes near one another and the union of their bounds. */
    static final class Cell extends Group {
        final long key;
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;

        Cell(long key) {
            this.key = key;
        }

        boolean meets(double x0, double y0, double x1, double y1) {
            return minX <= x1 && maxX >= x0 && minY <= y1 && maxY >= y0;
        }
    }

    private final Map<Long, Cell> cells = new HashMap<>();
    private final double[] scratch = new double[4];

    CellLayer() {
        setAutoSizeChildren(false);
    }

    /** Puts n into the cell for these world bounds, moving it there if it was elsewhere. */
    void place(Node n, double minX, double minY, double maxX, double maxY) {
        long key = key(minX, minY, maxX, maxY);
        if (n.getParent() instanceof Cell c && c.key == key && c.getParent() == this) {
            return;
        }
        detach(n);
        Cell cell = cells.computeIfAbsent(key, k -> {
            Cell c = new Cell(k);
            getChildren().add(c);
            return c;
        });
        cell.getChildren().add(n);
        cell.minX = Math.min(cell.minX, minX);
        cell.minY = Math.min(cell.minY, minY);
        cell.maxX = Math.max(cell.maxX, maxX);
        cell.maxY = Math.max(cell.maxY, maxY);
    }

    /** Takes n out of whatever group or pane holds it. */
    static void detach(Node n) {
        if (n.getParent() instanceof Group g) {
            g.getChildren().remove(n);
        } else if (n.getParent() instanceof javafx.scene.layout.Pane p) {
            p.getChildren().remove(n);
        }
    }

    private static long key(double minX, double minY, double maxX, double maxY) {
        double size = Math.max(maxX - minX, maxY - minY);
        for (int level = 0; level < SIZES.length; level++) {
            if (size <= SIZES[level]) {
                long cx = (long) Math.floor(minX / SIZES[level]);
                long cy = (long) Math.floor(minY / SIZES[level]);
                return ((long) level << 60) | ((cx & 0x3FFFFFFFL) << 30) | (cy & 0x3FFFFFFFL);
            }
        }
        return 3L << 60;
    }

    /** Recomputes each cell's bounds from its shapes; drops cells left empty. */
    void refresh(Extent extent) {
        List<Cell> empty = new ArrayList<>();
        for (Cell c : cells.values()) {
            c.minX = Double.POSITIVE_INFINITY;
            c.minY = Double.POSITIVE_INFINITY;
            c.maxX = Double.NEGATIVE_INFINITY;
            c.maxY = Double.NEGATIVE_INFINITY;
            for (Node n : c.getChildren()) {
                extent.of(n, scratch);
                c.minX = Math.min(c.minX, scratch[0]);
                c.minY = Math.min(c.minY, scratch[1]);
                c.maxX = Math.max(c.maxX, scratch[2]);
                c.maxY = Math.max(c.maxY, scratch[3]);
            }
            if (c.getChildren().isEmpty()) {
                empty.add(c);
            }
        }
        for (Cell c : empty) {
            cells.remove(c.key);
            getChildren().remove(c);
        }
    }

    /**
     * Shows the cells that meet the rectangle (world coordinates), hides the others; returns how many
     * are shown. Hidden means opacity 0, which the renderer skips: unlike {@code visible}, it neither
     * walks the cell's subtree nor changes any bounds, so culling costs the number of cells.
     */
    int cull(double x0, double y0, double x1, double y1) {
        int shown = 0;
        for (Cell c : cells.values()) {
            boolean in = c.meets(x0, y0, x1, y1);
            if (shown(c) != in) {
                c.setOpacity(in ? 1 : 0);
            }
            if (in) {
                shown++;
            }
        }
        return shown;
    }

    /** Whether culling left the cell shown. */
    static boolean shown(Cell c) {
        return c.getOpacity() > 0;
    }

    /** Every cell, for tests and diagnostics. */
    Iterable<Cell> cells() {
        return cells.values();
    }
}
