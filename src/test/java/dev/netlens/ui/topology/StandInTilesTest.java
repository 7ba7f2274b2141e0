package dev.netlens.ui.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.layout.Rect;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The pictures standing in for the drawing: what is painted when, and what is kept. */
@ExtendWith(ApplicationExtension.class)
class StandInTilesTest {
    private static final int RED = 0xFFFF0000;

    /** A painter whose pictures are opaque red, recording each call as {zoom, px, py, w, h}. */
    private static StandInTiles.Painter red(List<double[]> calls) {
        return colour(RED, calls);
    }

    @Test
    void aRestingCameraPicturesTheViewAtOnceThenTheBackdropThenTheMarginALittleAtEachPulse(FxRobot robot) {
        StandInTiles tiles = new StandInTiles();
        List<double[]> calls = new ArrayList<>();
        Rect drawing = new Rect(0, 0, 4000, 2000);
        Rect view = new Rect(1000, 500, 1000, 500); // 5 x 3 tiles of 256 at zoom 1
        List<Boolean> more = new ArrayList<>();
        boolean[] viewFirst = new boolean[2];
        robot.interact(() -> {
            viewFirst[0] = tiles.viewPictured(view, drawing, 1);
            for (int pulse = 0; pulse < 100 && (more.isEmpty() || more.get(more.size() - 1)); pulse++) {
                more.add(tiles.prepare(view, drawing, 1, 1, red(calls)));
                if (pulse == 0) {
                    viewFirst[1] = tiles.viewPictured(view, drawing, 1);
                }
            }
        });
        assertFalse(more.get(more.size() - 1), "done within 100 pulses");
        assertTrue(more.size() > 3, "never all at once: " + more.size() + " pulses");
        assertFalse(viewFirst[0], "nothing pictured before");
        assertTrue(viewFirst[1], "the view pictured after the first pulse: the pictures can stand in at rest");
        // First the view's own tiles as one picture (the shapes on screen stay as they are for it).
        double[] first = calls.get(0);
        assertEquals(1, first[0]);
        assertTrue(first[1] <= 1000 && first[1] + first[3] >= 2000 && first[2] <= 500 && first[2] + first[4] >= 1000,
                "the whole view in the first picture: " + java.util.Arrays.toString(first));
        // Then the backdrop in strips, then the margin a few tiles at a time.
        int next = 1;
        while (next < calls.size() && calls.get(next)[0] < 1) {
            assertTrue(calls.get(next)[4] <= StandInTiles.BACKDROP_ROWS_PER_PULSE, "a strip of the backdrop a pulse");
            next++;
        }
        assertTrue(next > 1, "the backdrop second");
        assertTrue(next < calls.size(), "the margin last");
        for (int i = next; i < calls.size(); i++) {
            double[] c = calls.get(i);
            assertTrue(c[0] == 1 && c[3] <= StandInTiles.TILES_PER_PULSE * StandInTiles.TILE && c[4] == StandInTiles.TILE,
                    "a few of the margin's tiles a pulse: " + java.util.Arrays.toString(c));
        }
        assertTrue(tiles.prepared(view, drawing, 1));
        assertTrue(tiles.hasBackdrop());
    }

    /** A painter whose pixel at (x, y) of the zoomed drawing is coloured by x and y (opaque). */
    private static StandInTiles.Painter coordinates() {
        return (zoom, px, py, w, h) -> {
            WritableImage image = new WritableImage(w, h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    image.getPixelWriter().setArgb(x, y, coordinateColour(px + x, py + y));
                }
            }
            return image;
        };
    }

    private static int coordinateColour(int x, int y) {
        return 0xFF000000 | (x & 0xFFF) << 12 | (y & 0xFFF);
    }

    @Test
    void zoomedInPastTheTilesEachScreenPixelShowsTheNearestTilePixel(FxRobot robot) {
        StandInTiles tiles = new StandInTiles();
        Rect drawing = new Rect(0, 0, 1200, 800);
        Rect view = new Rect(0, 0, 1200, 800);
        int w = 300;
        int h = 200;
        double zoom = 2.7; // the tiles were taken at 1: rows repeat, whole rows are copied
        double panX = -1000.3;
        double panY = -700.6;
        int[] shown = new int[w * h];
        robot.interact(() -> {
            while (tiles.prepare(view, drawing, 1, 1, coordinates())) {
                // at rest, pulse after pulse
            }
            tiles.coverMoving(view, drawing, zoom, coordinates());
            tiles.show(panX, panY, zoom, w, h, 1, 0xFF000000);
            javafx.scene.image.ImageView picture = (javafx.scene.image.ImageView) tiles.getChildren().get(0);
            picture.getImage().getPixelReader().getPixels(0, 0, w, h,
                    javafx.scene.image.PixelFormat.getIntArgbPreInstance(), shown, 0, w);
        });
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int expected = coordinateColour((int) Math.floor((x + 0.5 - panX) / zoom),
                        (int) Math.floor((y + 0.5 - panY) / zoom));
                assertEquals(Integer.toHexString(expected), Integer.toHexString(shown[y * w + x]), "pixel " + x + "," + y);
            }
        }
    }

    /** The pixels the stand-in shows now (its image, cut to its viewport if it has one). */
    private static int[] shownPixels(StandInTiles tiles, int w, int h) {
        javafx.scene.image.ImageView picture = (javafx.scene.image.ImageView) tiles.getChildren().get(0);
        javafx.geometry.Rectangle2D part = picture.getViewport();
        int[] out = new int[w * h];
        picture.getImage().getPixelReader().getPixels(part == null ? 0 : (int) part.getMinX(),
                part == null ? 0 : (int) part.getMinY(), w, h, javafx.scene.image.PixelFormat.getIntArgbPreInstance(), out, 0, w);
        return out;
    }

    private static void assertShowsPan(int[] shown, int w, int h, double panX, double panY) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int expected = coordinateColour((int) Math.round(x - panX), (int) Math.round(y - panY));
                assertEquals(Integer.toHexString(expected), Integer.toHexString(shown[y * w + x]), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void aPanWithinTheMarginMovesTheShownPartOfOnePictureAndComposesNothing(FxRobot robot) {
        StandInTiles tiles = new StandInTiles();
        Rect drawing = new Rect(0, 0, 3000, 2000);
        int w = 300;
        int h = 200;
        Object[] images = new Object[3];
        int[][] shown = new int[3][];
        double[][] pans = {{-1000, -700}, {-1000 - StandInTiles.PAN_MARGIN + 10, -700 + 40}, {-2000, -1300}};
        robot.interact(() -> {
            while (tiles.prepare(new Rect(0, 0, 3000, 2000), drawing, 1, 1, coordinates())) {
                // at rest, pulse after pulse
            }
            for (int i = 0; i < 3; i++) {
                tiles.show(pans[i][0], pans[i][1], 1, w, h, 1, 0xFF000000);
                images[i] = ((javafx.scene.image.ImageView) tiles.getChildren().get(0)).getImage();
                shown[i] = shownPixels(tiles, w, h);
            }
        });
        for (int i = 0; i < 3; i++) {
            assertShowsPan(shown[i], w, h, pans[i][0], pans[i][1]);
        }
        assertTrue(images[0] == images[1], "within the margin: the same picture, another part of it");
        assertFalse(images[1] == images[2], "beyond it: composed again, in the other buffer");
    }

    /** A painter whose pictures are one opaque colour, recording each call. */
    private static StandInTiles.Painter colour(int argb, List<double[]> calls) {
        return (zoom, px, py, w, h) -> {
            calls.add(new double[] {zoom, px, py, w, h});
            WritableImage image = new WritableImage(w, h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    image.getPixelWriter().setArgb(x, y, argb);
                }
            }
            return image;
        };
    }

    @Test
    void onceThereIsABackdropAGestureNeverPaintsAndTheBackdropFillsWhatHasNoTile(FxRobot robot) {
        StandInTiles tiles = new StandInTiles();
        List<double[]> calls = new ArrayList<>();
        Rect drawing = new Rect(0, 0, 4000, 2000);
        Rect view = new Rect(0, 0, 1600, 1000);
        robot.interact(() -> {
            while (tiles.prepare(view, drawing, 0.4, 1, red(calls))) {
                // at rest, pulse after pulse
            }
        });
        int atRest = calls.size();
        robot.interact(() -> {
            // A gesture zooms in 5x and pans to a part never pictured at that zoom.
            tiles.coverMoving(new Rect(3000, 1500, 320, 200), drawing, 2.0, red(calls));
            tiles.show(-6000, -3000, 2.0, 64, 64, 1, 0xFF000000);
        });
        assertEquals(atRest, calls.size(), "no paint while the camera moves");
        assertTrue(tiles.hasPictures());
    }

    @Test
    void withoutABackdropTheFirstPulseOfAGesturePicturesItsViewOnce(FxRobot robot) {
        StandInTiles tiles = new StandInTiles();
        List<double[]> calls = new ArrayList<>();
        Rect view = new Rect(0, 0, 100, 50);
        robot.interact(() -> {
            tiles.coverMoving(view, view, 1, red(calls));
            tiles.coverMoving(view, view, 1, red(calls));
            tiles.coverMoving(view, view, 5, red(calls)); // out of the level's range: a new level
        });
        assertEquals(2, calls.size(), "each level pictured once");
    }

    @Test
    void aViewNeedingMoreTilesThanTheUsualBoundKeepsThemAll(FxRobot robot) {
        StandInTiles tiles = new StandInTiles();
        List<double[]> calls = new ArrayList<>();
        // A 4K-like view at zoom 1: 17 x 11 tiles of 256 px, more than the 96 kept otherwise.
        Rect view = new Rect(0, 0, 16 * 256 + 10, 10 * 256 + 10);
        robot.interact(() -> {
            tiles.coverMoving(view, view, 1, red(calls));
            tiles.coverMoving(view, view, 1, red(calls));
        });
        assertEquals(187, tiles.tileCount());
        assertEquals(1, calls.size(), "the second pulse finds every tile the view needs");
    }

    /**
     * Issue 15's soak: the software renderer keeps a copy of the pixels of every image it drew until
     * the image is collected, so live changes (each drops the pictures and takes new ones) compose into
     * the images already made for the view's size instead of new ones, and still show the new drawing.
     */
    @Test
    void changeAfterChangeTheViewIsComposedIntoTheSameImagesAndShowsTheNewDrawing(FxRobot robot) {
        StandInTiles tiles = new StandInTiles();
        Rect drawing = new Rect(0, 0, 3000, 2000);
        Rect view = new Rect(1000, 700, 300, 200);
        int w = 300;
        int h = 200;
        int blue = 0xFF0000FF;
        java.util.Set<Object> images = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<int[]> lastShown = new ArrayList<>();
        robot.interact(() -> {
            for (int change = 0; change < 10; change++) {
                int colour = change % 2 == 0 ? RED : blue; // each change draws differently
                tiles.forget();
                while (tiles.prepare(view, drawing, 1, 1, colour(colour, new ArrayList<>()))) {
                    // at rest, pulse after pulse
                }
                tiles.show(-1000, -700, 1, w, h, 1, 0xFF000000); // at the tiles' zoom: a pan picture
                images.add(shownImage(tiles));
                lastShown.add(shownPixels(tiles, w, h));
                for (int gesture = 0; gesture < 3; gesture++) { // a zoom: window-sized pictures, taking turns
                    tiles.show(-1000, -700, 1.25 + gesture / 10.0, w, h, 1, 0xFF000000);
                    images.add(shownImage(tiles));
                }
                lastShown.add(shownPixels(tiles, w, h));
                tiles.releaseScreens(); // at rest again
            }
        });
        assertEquals(4, tiles.screensMade(), "two pan pictures and two window pictures, made once");
        assertEquals(4, images.size());
        for (int i = 0; i < lastShown.size(); i++) {
            int expected = (i / 2) % 2 == 0 ? RED : blue;
            for (int p : lastShown.get(i)) {
                assertEquals(Integer.toHexString(expected), Integer.toHexString(p), "change " + i / 2);
            }
        }
    }

    private static Object shownImage(StandInTiles tiles) {
        return ((javafx.scene.image.ImageView) tiles.getChildren().get(0)).getImage();
    }
}
