package dev.netlens.ui.engines;

import dev.netlens.reach.EngineChoice;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One line of the engine chooser: a docker context, an engine shown now, an address typed in, or a
 * swarm node. Its check box says whether it is among the engines to show.
 *
 * @param name a context's or node's name, an engine's own name, or empty
 * @param detail the data behind the line: a context's description, an engine's version, a node's
 *               role and state, or why a node cannot be reached (English from the engine, as elsewhere)
 * @param current for a context: the one the docker CLI uses with no --context
 * @param choice what it stands for when chosen; null for a line that cannot be chosen (an unreachable node)
 */
public record EngineRow(Kind kind, String name, String endpoint, String detail, boolean current, EngineChoice choice,
        BooleanProperty chosen) {
    public enum Kind { CONTEXT, SHOWN, ADDRESS, SWARM_NODE }

    public static EngineRow of(Kind kind, String name, String endpoint, String detail, boolean current, EngineChoice choice,
            boolean chosen) {
        return new EngineRow(kind, name, endpoint == null ? "" : endpoint, detail == null ? "" : detail, current, choice,
                new SimpleBooleanProperty(chosen && choice != null));
    }

    public boolean selectable() {
        return choice != null;
    }

    public boolean isChosen() {
        return selectable() && chosen.get();
    }
}
