package dev.netlens.ui.topology;

import dev.netlens.layout.Rect;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Group;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.image.WritablePixelFormat;

/**
 * Pictures of the drawing that stand in for its shapes while the camera moves (issue 3: frames
 * under 16 ms with thousands of shapes in the software pipeline, where painting the shapes of one
 * screen takes tens to hundreds of milliseconds).
 *
 * <p>The pictures are square tiles of {@value #TILE} pixels taken at one zoom (the level), fixed in
 * world coordinates, and a backdrop: one picture of the whole drawing at most {@link #BACKDROP_SIDE}
 * pixels a side. Painting them is the expensive part, so it is done while the camera rests, a
 * little at each pulse ({@link #prepare}: at most {@value #TILES_PER_PULSE} tiles or one strip of
 * the backdrop): first the backdrop, then the tiles of the view at its zoom (composed by copying
 * rows of pixels, cheaper than resampling the backdrop) and a margin of {@value #MARGIN} of the
 * view on each side. A gesture never paints once there is a backdrop:
 * where it reaches a part or a zoom without tiles, the backdrop, resampled, stands in until the
 * camera rests and the view is pictured sharp again (issue 12: one snapshot in a pulse was the
 * frame that missed 16 ms). Without a backdrop yet (the drawing just changed) a gesture pictures
 * its view once, in its first pulse.
 *
 * <p>What is shown is one image composed from the tiles. At the tiles' own zoom (a pan, or the camera
 * at rest) it is {@value #PAN_MARGIN} pixels larger than the view on each side and a pan only moves
 * the part shown, until the view leaves it: most pans compose nothing, and the renderer keeps the
 * image it has. At another zoom it is window-sized and composed at every camera change, one lookup
 * per pixel (nearest), a row copied whole where it repeats the last. Composing costs a few
 * milliseconds, where the renderer would resample scaled tiles pixel by pixel at several times that.
 * Two buffers of each size take turns, so the one being composed is never the one the render thread
 * may still be reading; they are kept while the view keeps its size (see {@link #releaseScreens}).
 */
final class StandInTiles extends Group {
    /** Pixels beyond each side of the view that a pan picture holds (device pixels at the tiles' zoom). */
    static final int PAN_MARGIN = 256;
    /** Pixels a side of a tile, at its level's zoom. */
    static final int TILE = 256;
    /** A new level is started when the zoom falls below the current one's divided by this (many more, smaller tiles)... */
    static final double RELEVEL_OUT = 2;
    /** ... or rises above it times this (magnified tiles blur; until then a zoom in paints nothing new). */
    static final double RELEVEL_IN = 4;
    /** The longest side of the backdrop, in pixels: a fit-to-window view of a large host is about this wide. */
    static final int BACKDROP_SIDE = 2048;
    /** At most this many tiles are kept, unless the view and its margin need more (see {@link #trim}). */
    private static final int MAX_TILES = 96;
    /** Tiles painted in one pulse at rest (one picture of at most this many tiles in a row). */
    static final int TILES_PER_PULSE = 4;
    /** Rows of backdrop pixels painted in one pulse at rest. */
    static final int BACKDROP_ROWS_PER_PULSE = 256;
    /** The part of the view's width and height pictured beyond each of its sides, at rest, for the next pan. */
    static final double MARGIN = 0.25;
    private static final WritablePixelFormat<IntBuffer> ARGB_PRE = PixelFormat.getIntArgbPreInstance();
    /** Pictures of at least this many pixels are composed in two halves at once (below, a thread hand-off costs more). */
    static final long PARALLEL_PIXELS = 200_000;
    /** The thread composing the other half of a picture (a daemon: it never keeps the application alive). */
    private static final java.util.concurrent.Executor COMPOSER = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "netlens-picture-compose");
        t.setDaemon(true);
        return t;
    });

    /** Paints the drawing scaled by zoom, cropped to the w x h pixels at (px, py) of that scale. */
    interface Painter {
        Image paint(double zoom, int px, int py, int w, int h);
    }

    /** One of the two window-sized images the tiles are composed into. */
    private record Screen(int[] pixels, PixelBuffer<IntBuffer> buffer, WritableImage image) {
        static Screen of(int w, int h) {
            int[] pixels = new int[w * h];
            PixelBuffer<IntBuffer> buffer = new PixelBuffer<>(w, h, IntBuffer.wrap(pixels), ARGB_PRE);
            return new Screen(pixels, buffer, new WritableImage(buffer));
        }
    }

    /** The zoom the tiles were taken at (0: no tiles yet). */
    private double levelZoom;
    /** The tiles, premultiplied ARGB, TILE x TILE, by {@link #key}. */
    private final Map<Long, int[]> tiles = new HashMap<>();
    private final ImageView view = new ImageView();
    private final Screen[] screens = new Screen[2];
    private int front;
    /**
     * Pictures composed at the tiles' own zoom with {@link #PAN_MARGIN} pixels more on each side than
     * the view: a pan within that margin only moves the shown part of it (the image and its pixels
     * stay, so the renderer keeps them too); two take turns like {@link #screens}.
     */
    private final Screen[] panScreens = new Screen[2];
    private int panFront;
    /** Where the shown pan picture starts, in pixels of the level's zoom, and what it was composed from. */
    private long panX0;
    private long panY0;
    private long panVersion = -1;
    private int screensMade;
    /** Counts every change to the tiles or the backdrop: a pan picture composed before one is stale. */
    private long version;
    private int[] colTile = new int[0];
    private int[] colOffset = new int[0];
    /** The backdrop's pixels (premultiplied ARGB), null until taken; its size, zoom and top-left pixel at that zoom. */
    private int[] backdrop;
    private int backW;
    private int backH;
    private double backZoom;
    private long backX;
    private long backY;
    private int[] colBack = new int[0];
    /** How many rows of the backdrop are painted (it is painted in strips, at rest). */
    private int backDone;

    StandInTiles() {
        setAutoSizeChildren(false);
        setMouseTransparent(true);
        setManaged(false);
        getChildren().add(view);
    }

    /**
     * A pulse of a moving camera: with a backdrop nothing is painted (what has no tile shows the
     * backdrop); without one, the view's missing tiles are painted now, at a new level if the zoom
     * left the current one's range.
     */
    void coverMoving(Rect view, Rect drawing, double zoom, Painter painter) {
        if (hasBackdrop()) {
            if (levelZoom == 0) {
                levelZoom = zoom; // an empty level: the backdrop stands in everywhere
            }
            return;
        }
        if (levelZoom == 0 || zoom < levelZoom / RELEVEL_OUT || zoom > levelZoom * RELEVEL_IN) {
            tiles.clear();
            levelZoom = zoom;
        }
        List<long[]> missing = missing(view, drawing);
        if (!missing.isEmpty()) {
            paint(missing, painter);
            trim(view);
        }
    }

    /**
     * A pulse of a resting camera: paints a little of what the next gesture may need at this zoom:
     * first the view's own tiles, as one picture (the view can then be pictured at rest, see
     * {@link #viewPictured}), then the backdrop (never above {@code maxBackdropZoom}), a strip a pulse,
     * then the margin around the view, a few tiles a pulse. Returns whether more remains (ask for
     * another pulse).
     */
    boolean prepare(Rect view, Rect drawing, double zoom, double maxBackdropZoom, Painter painter) {
        if (levelZoom != zoom) {
            tiles.clear();
            levelZoom = zoom;
        }
        Rect around = grown(view);
        List<long[]> inView = missing(view, drawing);
        if (!inView.isEmpty()) {
            paint(inView, painter);
            trim(around);
            return true;
        }
        if (!hasBackdrop()) {
            // With it, no gesture paints (it stands in wherever a tile is missing).
            paintBackdropStrip(drawing, maxBackdropZoom, painter);
            return true;
        }
        return paintSome(missing(around, drawing), painter, around) && !missing(around, drawing).isEmpty();
    }

    /** Whether the tiles were taken at this zoom and hold all the view and its margin need, and the backdrop is whole. */
    boolean prepared(Rect view, Rect drawing, double zoom) {
        return hasBackdrop() && levelZoom == zoom && missing(grown(view), drawing).isEmpty();
    }

    /** Whether the tiles were taken at this zoom and hold all of the view: it can be pictured sharp, the shapes hidden. */
    boolean viewPictured(Rect view, Rect drawing, double zoom) {
        return levelZoom == zoom && !tiles.isEmpty() && missing(view, drawing).isEmpty();
    }

    /** Whether the backdrop is whole. */
    boolean hasBackdrop() {
        return backdrop != null && backDone >= backH;
    }

    /** Whether there is anything to stand in for the shapes: tiles or the backdrop. */
    boolean hasPictures() {
        return !tiles.isEmpty() || hasBackdrop();
    }

    /** The view with {@link #MARGIN} of its size added on each side. */
    private static Rect grown(Rect view) {
        double mx = view.w() * MARGIN;
        double my = view.h() * MARGIN;
        return new Rect(view.x() - mx, view.y() - my, view.w() + 2 * mx, view.h() + 2 * my);
    }

    /**
     * Paints the first missing tile and those after it in its row, up to {@link #TILES_PER_PULSE},
     * as one picture. Returns whether it painted.
     */
    private boolean paintSome(List<long[]> missing, Painter painter, Rect keep) {
        if (missing.isEmpty()) {
            return false;
        }
        long[] first = missing.get(0);
        List<long[]> run = new ArrayList<>();
        run.add(first);
        for (long[] t : missing) {
            if (run.size() < TILES_PER_PULSE && t[1] == first[1] && t[0] == run.get(run.size() - 1)[0] + 1) {
                run.add(t);
            }
        }
        paint(run, painter);
        trim(keep);
        return true;
    }

    /** Paints the next strip of the backdrop (started at the first one). */
    private void paintBackdropStrip(Rect drawing, double maxZoom, Painter painter) {
        if (backdrop == null) {
            double z = Math.min(maxZoom, BACKDROP_SIDE / Math.max(1, Math.max(drawing.w(), drawing.h())));
            long x = (long) Math.floor(drawing.x() * z);
            long y = (long) Math.floor(drawing.y() * z);
            int w = (int) Math.ceil(drawing.maxX() * z) - (int) x;
            int h = (int) Math.ceil(drawing.maxY() * z) - (int) y;
            if (w <= 0 || h <= 0) {
                return;
            }
            backdrop = new int[w * h];
            backW = w;
            backH = h;
            backZoom = z;
            backX = x;
            backY = y;
            backDone = 0;
        }
        int rows = Math.min(BACKDROP_ROWS_PER_PULSE, backH - backDone);
        Image strip = painter.paint(backZoom, (int) backX, (int) backY + backDone, backW, rows);
        strip.getPixelReader().getPixels(0, 0, backW, rows, ARGB_PRE, backdrop, backDone * backW, backW);
        backDone += rows;
        version++;
    }

    /**
     * Composes the window-sized picture for the camera: world (0, 0) at (panX, panY), at this zoom,
     * {@code w} x {@code h} pixels, shown at {@code 1 / device} of that size (device pixels per scene
     * pixel); where there is no tile, the background (premultiplied ARGB).
     */
    void show(double panX, double panY, double zoom, int w, int h, double device, int background) {
        if (w <= 0 || h <= 0 || levelZoom == 0) {
            return;
        }
        view.setFitWidth(w / device);
        view.setFitHeight(h / device);
        if (zoom == levelZoom) {
            showPanned(panX, panY, w, h, background);
            return;
        }
        if (screens[0] == null || (int) screens[0].image().getWidth() != w || (int) screens[0].image().getHeight() != h) {
            screens[0] = Screen.of(w, h);
            screens[1] = Screen.of(w, h);
            screensMade += 2;
        }
        Screen screen = screens[front ^= 1];
        compose(screen, panX, panY, zoom, w, h, background);
        view.setViewport(null);
        view.setImage(screen.image());
    }

    /**
     * At the tiles' zoom: the part of the pan picture the view covers, composed again only when the
     * view leaves it, the tiles changed or the view's size did.
     */
    private void showPanned(double panX, double panY, int w, int h, int background) {
        long x0 = Math.round(-panX);
        long y0 = Math.round(-panY);
        int pw = w + 2 * PAN_MARGIN;
        int ph = h + 2 * PAN_MARGIN;
        Screen shown = panScreens[panFront];
        boolean fits = shown != null && panVersion == version && (int) shown.image().getWidth() == pw
                && (int) shown.image().getHeight() == ph && x0 >= panX0 && y0 >= panY0
                && x0 + w <= panX0 + pw && y0 + h <= panY0 + ph;
        if (!fits) {
            if (panScreens[0] == null || (int) panScreens[0].image().getWidth() != pw
                    || (int) panScreens[0].image().getHeight() != ph) {
                panScreens[0] = Screen.of(pw, ph);
                panScreens[1] = Screen.of(pw, ph);
                screensMade += 2;
            }
            shown = panScreens[panFront ^= 1];
            panX0 = x0 - PAN_MARGIN;
            panY0 = y0 - PAN_MARGIN;
            panVersion = version;
            compose(shown, -panX0, -panY0, levelZoom, pw, ph, background);
        }
        view.setViewport(new javafx.geometry.Rectangle2D(x0 - panX0, y0 - panY0, w, h));
        view.setImage(shown.image());
    }

    /** Composes {@code screen} (w x h) for world (0, 0) at (panX, panY) at this zoom, from the tiles and backdrop. */
    private void compose(Screen screen, double panX, double panY, double zoom, int w, int h, int background) {
        if (colTile.length != w) {
            colTile = new int[w];
            colOffset = new int[w];
            colBack = new int[w];
        }
        boolean exact = zoom == levelZoom;
        double s = levelZoom / zoom;
        double b = backZoom / zoom;
        for (int x = 0; x < w; x++) {
            long lx = exact ? Math.round(x - panX) : (long) Math.floor((x + 0.5 - panX) * s);
            colTile[x] = (int) Math.floorDiv(lx, TILE);
            colOffset[x] = (int) Math.floorMod(lx, TILE);
            long bx = (long) Math.floor((x + 0.5 - panX) * b) - backX;
            colBack[x] = bx < 0 || bx >= backW ? -1 : (int) bx;
        }
        int[] dst = screen.pixels();
        // Two halves at once: the render thread is idle while a pulse composes (it has drawn the last
        // frame), so the second core halves the pulse's longest step (issue 12).
        int split = (long) w * h >= PARALLEL_PIXELS ? h / 2 : 0;
        HalfJob top = split > 0 ? new HalfJob(() -> composeRows(dst, 0, split, w, panY, exact, s, b, background)) : null;
        if (top != null) {
            COMPOSER.execute(top);
        }
        composeRows(dst, split, h, w, panY, exact, s, b, background);
        if (top != null) {
            top.runOrAwait();
        }
        screen.buffer().updateBuffer(buffer -> null); // all of it changed
    }

    /** Rows y0 (inclusive) to y1 of a composed picture; reads the column tables, tiles and backdrop only. */
    private void composeRows(int[] dst, int y0, int y1, int w, double panY, boolean exact, double s, double b,
            int background) {
        long lastLy = Long.MIN_VALUE;
        int lastBackRow = Integer.MIN_VALUE;
        for (int y = y0; y < y1; y++) {
            long ly = exact ? Math.round(y - panY) : (long) Math.floor((y + 0.5 - panY) * s);
            long by = (long) Math.floor((y + 0.5 - panY) * b) - backY;
            int backRow = backdrop == null || by < 0 || by >= backDone ? -1 : (int) by * backW;
            if (ly == lastLy && backRow == lastBackRow) {
                // Zoomed in past the tiles' zoom: this row shows the same pixels as the last, copied whole.
                System.arraycopy(dst, (y - 1) * w, dst, y * w, w);
                continue;
            }
            lastLy = ly;
            lastBackRow = backRow;
            composeRow(dst, y * w, w, (int) Math.floorDiv(ly, TILE), (int) Math.floorMod(ly, TILE) * TILE, exact,
                    background, backRow);
        }
    }

    /**
     * Half of a picture to compose, run by whichever comes first: the composing thread or, once done
     * with its own half, the FX thread. The FX thread waits only while the other half is being
     * composed (a few milliseconds at most), never for a thread that has not started it.
     */
    private static final class HalfJob implements Runnable {
        private final Runnable work;
        private final java.util.concurrent.atomic.AtomicBoolean claimed = new java.util.concurrent.atomic.AtomicBoolean();
        private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);

        HalfJob(Runnable work) {
            this.work = work;
        }

        @Override
        public void run() {
            if (claimed.compareAndSet(false, true)) {
                try {
                    work.run();
                } finally {
                    done.countDown();
                }
            }
        }

        void runOrAwait() {
            if (claimed.compareAndSet(false, true)) {
                try {
                    work.run();
                } finally {
                    done.countDown();
                }
                return;
            }
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void composeRow(int[] dst, int row, int w, int j, int rowOffset, boolean exact, int background, int backRow) {
        int x = 0;
        while (x < w) {
            int i = colTile[x];
            int end = x + 1;
            while (end < w && colTile[end] == i) {
                end++;
            }
            int[] t = tiles.get(key(i, j));
            if (t == null && backRow >= 0) {
                // No tile here yet: the backdrop, resampled (blurred while zoomed in, sharp again at rest).
                for (int k = x; k < end; k++) {
                    int bx = colBack[k];
                    dst[row + k] = bx < 0 ? background : backdrop[backRow + bx];
                }
            } else if (t == null) {
                Arrays.fill(dst, row + x, row + end, background);
            } else if (exact) {
                System.arraycopy(t, rowOffset + colOffset[x], dst, row + x, end - x);
            } else {
                for (int k = x; k < end; k++) {
                    dst[row + k] = t[rowOffset + colOffset[k]];
                }
            }
            x = end;
        }
    }

    /** Drops every tile and hides the composed pictures; the backdrop stays (the drawing is the same). */
    void clear() {
        version++;
        tiles.clear();
        levelZoom = 0;
        releaseScreens();
    }

    /** Drops everything, backdrop included (the drawing changed). */
    void forget() {
        clear();
        backdrop = null;
        backDone = 0;
        version++;
    }

    /**
     * Hides the window-sized pictures (the camera stopped, or the drawing changed); the tiles stay for
     * the next gesture. The pictures' images are kept and composed into again while the view keeps its
     * size: the software renderer keeps a copy of the pixels of every image it drew (a texture in a
     * weak-keyed cache), freed only after a collection of the old generation finds the image gone and
     * the renderer next draws an image; made anew at every live change, those copies piled up (issue
     * 15's soak: eight of 11.5 MB more at the end than at the start).
     */
    void releaseScreens() {
        view.setImage(null);
        view.setViewport(null);
        panVersion = -1; // the pan picture is composed again before it is shown
    }

    /** How many window-sized images were made so far (two of each size used), for tests. */
    int screensMade() {
        return screensMade;
    }

    /** Counts every change to the pictures (a tile or strip taken, pictures dropped), for tests. */
    long version() {
        return version;
    }

    /** How many tiles there are now, for tests and diagnostics. */
    int tileCount() {
        return tiles.size();
    }

    /** The missing tiles as one picture of their bounding box, cut into tiles (one picture costs far less than many). */
    private void paint(List<long[]> missing, Painter painter) {
        long i0 = Long.MAX_VALUE;
        long j0 = Long.MAX_VALUE;
        long i1 = Long.MIN_VALUE;
        long j1 = Long.MIN_VALUE;
        for (long[] t : missing) {
            i0 = Math.min(i0, t[0]);
            j0 = Math.min(j0, t[1]);
            i1 = Math.max(i1, t[0]);
            j1 = Math.max(j1, t[1]);
        }
        Image all = painter.paint(levelZoom, (int) i0 * TILE, (int) j0 * TILE, (int) (i1 - i0 + 1) * TILE,
                (int) (j1 - j0 + 1) * TILE);
        PixelReader pixels = all.getPixelReader();
        for (long[] t : missing) {
            int[] tile = new int[TILE * TILE];
            pixels.getPixels((int) (t[0] - i0) * TILE, (int) (t[1] - j0) * TILE, TILE, TILE, ARGB_PRE, tile, 0, TILE);
            tiles.put(key(t[0], t[1]), tile);
            version++;
        }
    }

    /** The tiles that meet the view and the drawing and are not there yet. */
    private List<long[]> missing(Rect view, Rect drawing) {
        double side = TILE / levelZoom;
        long i0 = (long) Math.floor(Math.max(view.x(), drawing.x()) / side);
        long j0 = (long) Math.floor(Math.max(view.y(), drawing.y()) / side);
        long i1 = (long) Math.floor(Math.min(view.maxX(), drawing.maxX()) / side);
        long j1 = (long) Math.floor(Math.min(view.maxY(), drawing.maxY()) / side);
        List<long[]> out = new ArrayList<>();
        for (long i = i0; i <= i1; i++) {
            for (long j = j0; j <= j1; j++) {
                if (!tiles.containsKey(key(i, j))) {
                    out.add(new long[] {i, j});
                }
            }
        }
        return out;
    }

    /**
     * Keeps at most MAX_TILES, or what {@code view} (the view and its margin) needs if that is more
     * (a large or HiDPI screen needs over a hundred), dropping those farthest from it: never one it needs.
     */
    private void trim(Rect view) {
        double side = TILE / levelZoom;
        long needed = ((long) Math.floor(view.maxX() / side) - (long) Math.floor(view.x() / side) + 1)
                * ((long) Math.floor(view.maxY() / side) - (long) Math.floor(view.y() / side) + 1);
        int keep = (int) Math.max(MAX_TILES, needed);
        if (tiles.size() <= keep) {
            return;
        }
        double cx = view.centerX() / side - 0.5;
        double cy = view.centerY() / side - 0.5;
        List<Long> keys = new ArrayList<>(tiles.keySet());
        keys.sort(Comparator.comparingDouble(k -> -Math.hypot((k >> 32) - cx, (int) (long) k - cy)));
        for (Long k : keys.subList(0, tiles.size() - keep)) {
            tiles.remove(k);
        }
    }

    private static long key(long i, long j) {
        return (i << 32) | (j & 0xFFFFFFFFL);
    }
}
