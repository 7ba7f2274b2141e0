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
}
