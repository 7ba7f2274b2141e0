package dev.netlens.reach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChosenEnginesTest {
    private final Preferences prefs = Preferences.userRoot().node("dev/netlens-test/" + System.nanoTime());

    @AfterEach
    void forget() throws Exception {
        prefs.removeNode();
    }

    @Test
    void theChoiceOutlivesTheWindowInOrderContextsByName() {
        List<EngineChoice> chosen = List.of(EngineChoice.context("node2"), EngineChoice.host("ssh://admin@198.18.0.2"));
        new ChosenEngines(prefs).save(chosen);
        assertEquals(chosen, new ChosenEngines(prefs).load());
        new ChosenEngines(prefs).save(List.of());
        assertTrue(new ChosenEngines(prefs).load().isEmpty());
    }

    @Test
    void anUnreadableEntryIsLeftOut() {
        prefs.put(ChosenEngines.KEY, "context:lab\nnonsense\nhost:\nhost:unix:///run/node2/docker.sock\ncontext:lab");
        assertEquals(List.of(EngineChoice.context("lab"), EngineChoice.host("unix:///run/node2/docker.sock")),
                new ChosenEngines(prefs).load());
        assertEquals(Optional.empty(), EngineChoice.parse(null));
    }
}
