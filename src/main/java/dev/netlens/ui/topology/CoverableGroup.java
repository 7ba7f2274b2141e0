package dev.netlens.ui.topology;

import javafx.scene.Group;

/**
 * The group of the canvas's shapes, which can be covered: while a picture stands in for it (a
 * gesture), the scene's per-pulse bounds pass skips it. That pass visits every node of the scene at
 * every pulse, shown or not, changed or not: with the 11,000 nodes of a 200-container host it was
 * most of a gesture's pulse on the FX thread (issue 12, measured with a flight recording of
 * UiBench's gestures). What changed while covered is still marked and is brought up to date at the
 * first pulse after the cover is lifted, before anything of the group is drawn again.
 *
 * <p>{@code Parent.updateBounds()} is protected in JavaFX 21 but not documented: if a JavaFX
 * upgrade removes it this class stops compiling, and removing the override only costs the speed.
 */
final class CoverableGroup extends Group {
    private boolean covered;

    /** Covered: not drawn (the caller hides it) and left out of the bounds pass until uncovered. */
    void setCovered(boolean covered) {
        this.covered = covered;
    }

    boolean isCovered() {
        return covered;
    }

    @Override
    protected void updateBounds() {
        if (!covered) {
            super.updateBounds();
        }
    }
}
