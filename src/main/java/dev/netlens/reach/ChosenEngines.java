package dev.netlens.reach;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * The engines last chosen in the window, kept in the user's preferences beside the window's other
 * remembered settings (recent files, language): the window opens on them next time when the command
 * line names no engine.
 */
public final class ChosenEngines {
    static final String KEY = "engines.chosen";
    private final Preferences prefs;

    public ChosenEngines(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The node the window's settings are kept in. */
    public static ChosenEngines forUser() {
        return new ChosenEngines(Preferences.userRoot().node("dev/netlens"));
    }

    /** The remembered choice, in order; empty when none (or nothing readable) was kept. */
    public List<EngineChoice> load() {
        List<EngineChoice> out = new ArrayList<>();
        for (String line : prefs.get(KEY, "").split("\n")) {
            EngineChoice.parse(line).filter(c -> !out.contains(c)).ifPresent(out::add);
        }
        return out;
    }

    public void save(List<EngineChoice> choices) {
        if (choices.isEmpty()) {
            prefs.remove(KEY);
            return;
        }
        prefs.put(KEY, String.join("\n", choices.stream().map(EngineChoice::key).distinct().toList()));
    }
}
