package dev.netlens.render;

import java.util.ArrayList;
import java.util.List;

/**
 * How a raster of {@code width} x {@code height} pixels is cut so that no tile is larger than
 * {@code limit} pixels on a side (a graphics card's texture limit): bands of rows (at most
 * {@link #BAND_PIXELS} pixels each, so memory stays bounded), each band cut into tiles across.
 */
public record TilePlan(int width, int height, int limit, List<Tile> tiles) {
    /** One tile, in pixels of the whole image. */
    public record Tile(int x, int y, int w, int h) {
    }

    /** The usual texture limit of graphics cards; exports above it are drawn in tiles. */
    public static final int DEFAULT_LIMIT = 8192;

    public TilePlan {
        tiles = List.copyOf(tiles);
    }

    /**
     * A band has at most about this many pixels (32 MB of ARGB); the PNG writer holds two at once
     * (one drawn while the other is written), 64 MB.
     */
    public static final long BAND_PIXELS = 8L << 20;

    public static TilePlan of(int width, int height, int limit) {
        if (width <= 0 || height <= 0 || limit <= 0) {
            throw new IllegalArgumentException("bad image size " + width + "x" + height + " or limit " + limit);
        }
        int band = (int) Math.max(1, Math.min(limit, BAND_PIXELS / width));
        List<Tile> tiles = new ArrayList<>();
        for (int y = 0; y < height; y += band) {
            for (int x = 0; x < width; x += limit) {
                tiles.add(new Tile(x, y, Math.min(limit, width - x), Math.min(band, height - y)));
            }
        }
        return new TilePlan(width, height, limit, tiles);
    }

    /** The tiles grouped by band (the same rows), top to bottom. */
    public List<List<Tile>> byBand() {
        List<List<Tile>> out = new ArrayList<>();
        int i = 0;
        while (i < tiles.size()) {
            int j = i;
            while (j < tiles.size() && tiles.get(j).y() == tiles.get(i).y()) {
                j++;
            }
            out.add(tiles.subList(i, j));
            i = j;
        }
        return out;
    }

    public boolean tiled() {
        return tiles.size() > 1;
    }
}
