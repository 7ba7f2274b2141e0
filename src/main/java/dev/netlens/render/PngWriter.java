package dev.netlens.render;

import java.awt.Graphics2D;
import dev.netlens.layout.Rect;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.DoubleConsumer;
import java.util.zip.CRC32;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes a drawing as a PNG, tile by tile ({@link TilePlan}): each tile is drawn by Java2D into
 * its own small raster and its rows are streamed into the file, so an image far above a graphics
 * card's texture limit (or the heap) is written instead of failing. No display is needed.
 */
public final class PngWriter {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private final int limit;

    public PngWriter() {
        this(TilePlan.DEFAULT_LIMIT);
    }

    /** @param limit the largest tile side, in pixels */
    public PngWriter(int limit) {
        this.limit = limit;
    }

    /** The pixel size of the drawing at this scale. */
    public static int[] size(Drawing d, double scale) {
        return new int[] {(int) Math.ceil(d.width() * scale), (int) Math.ceil(d.height() * scale)};
    }

    public TilePlan plan(Drawing d, double scale) {
        int[] size = size(d, scale);
        return TilePlan.of(size[0], size[1], limit);
    }

    /**
     * @param progress told the fraction done (0..1) after each tile
     * @return the tile plan used
     */
    public TilePlan write(Drawing d, double scale, OutputStream out, DoubleConsumer progress) throws IOException {
        TilePlan plan = plan(d, scale);
        DataOutputStream data = new DataOutputStream(out);
        data.write(SIGNATURE);
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(plan.width());
        h.writeInt(plan.height());
        h.write(new byte[] {8, 2, 0, 0, 0}); // 8-bit RGB, deflate, no filter method extras, no interlace
        chunk(data, "IHDR", ihdr.toByteArray());
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        // Two threads: the next band is drawn while this one is deflated (each takes about half of
        // the time); bands are half the size they were alone, so the memory held stays the same.
        ExecutorService drawer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "netlens-png-draw");
            t.setDaemon(true);
            return t;
        });
        try (DeflaterOutputStream z = new DeflaterOutputStream(new IdatStream(data), deflater, 1 << 16)) {
            byte[] row = new byte[1 + 3 * plan.width()];
            List<List<TilePlan.Tile>> bands = plan.byBand();
            Future<BufferedImage[]> next = drawer.submit(() -> drawBand(d, scale, bands.get(0)));
            int done = 0;
            for (int b = 0; b < bands.size(); b++) {
                BufferedImage[] images = result(next);
                List<TilePlan.Tile> after = b + 1 < bands.size() ? bands.get(b + 1) : null;
                next = after == null ? null : drawer.submit(() -> drawBand(d, scale, after));
                writeBand(z, row, bands.get(b), images);
                done += images.length;
                progress.accept(done / (double) plan.tiles().size());
            }
        } finally {
            drawer.shutdownNow();
            deflater.end();
        }
        chunk(data, "IEND", new byte[0]);
        data.flush();
        return plan;
    }

    private static BufferedImage[] drawBand(Drawing d, double scale, List<TilePlan.Tile> band) {
        BufferedImage[] images = new BufferedImage[band.size()];
        for (int t = 0; t < band.size(); t++) {
            images[t] = draw(d, scale, band.get(t));
        }
        return images;
    }

    /** The band's rows as PNG scanlines (filter byte 0, then RGB), into the deflater. */
    private static void writeBand(OutputStream z, byte[] row, List<TilePlan.Tile> band, BufferedImage[] images)
            throws IOException {
        int bandHeight = band.get(0).h();
        for (int r = 0; r < bandHeight; r++) {
            row[0] = 0;
            for (int t = 0; t < band.size(); t++) {
                TilePlan.Tile tile = band.get(t);
                int[] pixels = ((DataBufferInt) images[t].getRaster().getDataBuffer()).getData();
                int o = 1 + 3 * tile.x();
                int end = (r + 1) * tile.w();
                for (int k = r * tile.w(); k < end; k++) {
                    int p = pixels[k];
                    row[o++] = (byte) (p >> 16);
                    row[o++] = (byte) (p >> 8);
                    row[o++] = (byte) p;
                }
            }
            z.write(row);
        }
    }

    private static BufferedImage[] result(Future<BufferedImage[]> drawn) throws IOException {
        try {
            return drawn.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while drawing the picture", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IOException(e.getCause());
        }
    }

    /** Draws one tile: the whole drawing, shifted so the tile's corner is at the raster's origin. */
    static BufferedImage draw(Drawing d, double scale, TilePlan.Tile tile) {
        BufferedImage img = new BufferedImage(tile.w(), tile.h(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(new java.awt.Color(d.background(), true));
            g.fillRect(0, 0, tile.w(), tile.h());
            g.translate(-tile.x(), -tile.y());
            g.scale(scale, scale);
            Rect area = new Rect(tile.x() / scale, tile.y() / scale, tile.w() / scale, tile.h() / scale);
            DrawingRenderer.render(d, new Graphics2DTarget(g), area);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void chunk(DataOutputStream out, String type, byte[] body) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(body.length);
        out.write(t);
        out.write(body);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(body);
        out.writeInt((int) crc.getValue());
    }

    /** Cuts the compressed stream into IDAT chunks. */
    private static final class IdatStream extends OutputStream {
        private final DataOutputStream out;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);

        IdatStream(DataOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            buffer.write(b);
            spill(false);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            buffer.write(b, off, len);
            spill(false);
        }

        private void spill(boolean all) throws IOException {
            if (buffer.size() >= (1 << 16) || all && buffer.size() > 0) {
                chunk(out, "IDAT", buffer.toByteArray());
                buffer.reset();
            }
        }

        @Override
        public void close() throws IOException {
            spill(true);
        }
    }
}
