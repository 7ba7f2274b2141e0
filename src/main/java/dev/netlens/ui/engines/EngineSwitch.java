package dev.netlens.ui.engines;

import dev.netlens.reach.EngineChoice;
import dev.netlens.ui.concurrent.TaskControl;
import java.util.List;

/**
 * How the engine chooser changes what the window shows. The window defines this port and the
 * application fills it with the live connection the command line starts, so the dialog never talks
 * to an engine itself.
 */
public interface EngineSwitch {
    /** The engines shown now, as they were chosen (on the command line, remembered, or here). FX thread. */
    List<EngineChoice> shown();

    /**
     * Reads the chosen engines once, off the FX thread. Fails with a {@link dev.netlens.reach.ReachProblem}
     * when a choice is unusable or no engine could be read; the picture shown is then left as it is.
     */
    Prepared prepare(List<EngineChoice> choices, TaskControl control) throws Exception;

    /** Engines read and ready to be shown live. */
    interface Prepared {
        List<String> endpoints();

        /** Chosen engines that could not be read (the others are shown), one line each. */
        List<String> failures();

        /** The window shows these engines live from now on, instead of the ones before. FX thread. */
        void apply();

        /** Not shown after all (cancelled): frees what {@link #prepare} opened. Any thread. */
        void discard();
    }
}
