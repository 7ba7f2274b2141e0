package dev.netlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.discovery.EngineFailure;
import dev.netlens.reach.ContextListing;
import dev.netlens.reach.EngineChoice;
import dev.netlens.reach.EngineDirectory;
import dev.netlens.reach.EngineProbe;
import dev.netlens.reach.ReachProblem;
import dev.netlens.reach.SwarmNodeEntry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which engines the window opens on: the command line's, else the remembered choice, else the default. */
class StartEnginesTest {
    private static final EngineDirectory CONTEXTS = new EngineDirectory() {
        @Override
        public ContextListing contexts() {
            return new ContextListing("", List.of(), List.of());
        }

        @Override
        public EngineProbe probe(String address) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<SwarmNodeEntry> swarm(String manager, List<String> known) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String endpoint(EngineChoice choice) throws ReachProblem {
            if (choice.kind() == EngineChoice.Kind.HOST) {
                return choice.value();
            }
            if (choice.value().equals("node2")) {
                return "unix:///run/node2/docker.sock";
            }
            throw new ReachProblem(ReachProblem.Kind.CONTEXT_STORE, "no docker context named '" + choice.value() + "'");
        }
    };
    private final List<EngineChoice> choices = new ArrayList<>();
    private final List<EngineFailure> unusable = new ArrayList<>();
    private final List<EngineChoice> remembered = List.of(EngineChoice.context("node2"), EngineChoice.context("gone"),
            EngineChoice.host("tcp://198.18.0.2:2375"));

    @Test
    void theCommandLinesEnginesWinOverTheRememberedOnes() {
        assertEquals(List.of("unix:///a.sock"), Gui.startEngines(List.of("unix:///a.sock"), CONTEXTS, remembered, null, choices, unusable));
        assertEquals(List.of(EngineChoice.host("unix:///a.sock")), choices);
    }

    @Test
    void withNoOptionTheRememberedChoiceIsUsedAndAGoneContextIsOneLine() {
        assertEquals(List.of("unix:///run/node2/docker.sock", "tcp://198.18.0.2:2375"),
                Gui.startEngines(List.of(), CONTEXTS, remembered, null, choices, unusable));
        assertEquals(List.of(EngineChoice.context("node2"), EngineChoice.host("tcp://198.18.0.2:2375")), choices);
        assertEquals(1, unusable.size());
        assertEquals("remembered engine not used: no docker context named 'gone'", unusable.get(0).message());
    }

    @Test
    void dockerHostWinsOverTheRememberedChoiceAsOverTheCurrentContext() {
        List<String> endpoints = Gui.startEngines(List.of(), CONTEXTS, remembered, "unix:///run/elsewhere.sock", choices, unusable);
        assertEquals(1, endpoints.size());
        assertTrue(unusable.isEmpty());
        assertTrue(choices.stream().noneMatch(c -> c.kind() == EngineChoice.Kind.CONTEXT), choices.toString());
    }
}
