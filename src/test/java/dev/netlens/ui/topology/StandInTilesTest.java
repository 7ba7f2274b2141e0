package dev.netlens.ui.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netlens.layout.Rect;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** The tiles standing in for the drawing: what is painted again, and what is kept. */
@ExtendWith(ApplicationExtension.class)
class StandInTilesTest {

    @Test
    void aViewNeedingMoreTilesThanTheUsualBoundIsPaintedOnceNotAtEveryPulse(FxRobot robot) {
        StandInTiles tiles = new StandInTiles();
        int[] paints = new int[1];
        StandInTiles.Painter painter = (zoom, px, py, w, h) -> {
            paints[0]++;
            return new WritableImage(w, h);
        };
        // A 4K-like view at zoom 1: 17 x 11 tiles of 256 px, more than the 96 kept otherwise.
        Rect view = new Rect(0, 0, 16 * 256 + 10, 10 * 256 + 10);
        robot.interact(() -> {
            tiles.cover(view, view, 1, painter);
            tiles.cover(view, view, 1, painter);
        });
        assertEquals(187, tiles.tileCount());
        assertEquals(1, paints[0], "the second pulse finds every tile the view needs");
    }

    @Test
    void aZoomDuringAGestureStandsOnTheBackdropAndPaintsOnlyOnceTheCameraRests(FxRobot robot) {
        StandInTiles tiles = new StandInTiles();
        int[] paints = new int[1];
        // Every painted pixel is opaque red, so what the composed picture shows can be told from the background.
        StandInTiles.Painter painter = (zoom, px, py, w, h) -> {
            paints[0]++;
            WritableImage image = new WritableImage(w, h);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    image.getPixelWriter().setArgb(x, y, 0xFFFF0000);
                }
            }
            return image;
        };
        Rect drawing = new Rect(0, 0, 4000, 2000);
        Rect view = new Rect(0, 0, 1600, 1000);
        robot.interact(() -> {
            tiles.cover(view, drawing, 0.4, painter); // at rest: the view's tiles...
            tiles.takeBackdrop(drawing, 1, painter); // ... and the backdrop
        });
        assertEquals(2, paints[0]);
        robot.interact(() -> {
            // A gesture starts at rest's zoom, then zooms in 5x: out of the level's range, nothing painted.
            tiles.cover(view, drawing, 0.4, painter, true);
            tiles.cover(new Rect(100, 100, 320, 200), drawing, 2.0, painter, true);
            tiles.cover(new Rect(120, 100, 320, 200), drawing, 2.0, painter, true);
            tiles.show(-200, -200, 2.0, 64, 64, 1, 0xFF000000);
        });
        assertEquals(2, paints[0], "no paint while the camera moves");
        assertEquals(0, tiles.tileCount());
        robot.interact(() -> tiles.cover(new Rect(120, 100, 320, 200), drawing, 2.0, painter, false));
        assertEquals(3, paints[0], "the camera rests: the view pictured sharp at its zoom");
        assertEquals(true, tiles.tileCount() > 0);
    }

    @Test
    void theFirstPulseOfAGestureAndAGestureWithoutBackdropPictureTheView(FxRobot robot) {
        StandInTiles tiles = new StandInTiles();
        int[] paints = new int[1];
        StandInTiles.Painter painter = (zoom, px, py, w, h) -> {
            paints[0]++;
            return new WritableImage(w, h);
        };
        Rect view = new Rect(0, 0, 100, 50);
        robot.interact(() -> {
            tiles.cover(view, view, 1, painter, true);
            tiles.cover(view, view, 5, painter, true);
        });
        assertEquals(2, paints[0], "no backdrop: every level is pictured");
        robot.interact(() -> {
            tiles.takeBackdrop(view, 1, painter);
            tiles.cover(view, view, 5, painter, false);
            tiles.rest();
            tiles.cover(view, view, 25, painter, true);
        });
        assertEquals(4, paints[0], "a gesture's first pulse at a new zoom is pictured");
    }
}
