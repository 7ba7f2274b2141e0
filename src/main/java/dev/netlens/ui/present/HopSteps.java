package dev.netlens.ui.present;

import java.util.Set;

/**
 * Steps presentation mode walks instead of the reveal while a packet trace is shown: one per hop,
 * each with a caption and the canvas ids it frames. Implemented by the trace panel's view-model.
 */
public interface HopSteps {
    int count();

    /** The caption of a step (0-based), in the UI language now. */
    String caption(int step);

    /** The canvas vertex ids a step is about (the camera frames them). */
    Set<String> focus(int step);

    /** Shows the trace up to a step (0-based), that step stressed; -1 shows it whole again. */
    void show(int step);
}
