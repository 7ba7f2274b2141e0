package dev.netlens.ui.engines;

import dev.netlens.reach.ContextEntry;
import dev.netlens.reach.ContextListing;
import dev.netlens.reach.EngineChoice;
import dev.netlens.reach.EngineDirectory;
import dev.netlens.reach.EngineProbe;
import dev.netlens.reach.ReachProblem;
import dev.netlens.reach.SwarmNodeEntry;
import dev.netlens.ui.concurrent.TaskControl;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A made-up world for the chooser: two contexts (lab current), one engine answering at
 * unix:///run/a.sock, a two-node swarm on unix:///run/manager.sock whose worker is unreachable, and a
 * live switch that records what it was asked to show.
 */
final class ScriptedEngines implements EngineDirectory, EngineSwitch {
    static final String LAB = "unix:///var/run/docker.sock";
    static final String NODE2 = "unix:///run/node2/docker.sock";
    final List<List<EngineChoice>> applied = new ArrayList<>();
    final List<String> discarded = new ArrayList<>();
    List<EngineChoice> shown = List.of(EngineChoice.host(LAB));
    List<String> storeProblems = List.of();
    /** When set, prepare waits for it: the dialog is seen while the work runs. */
    CountDownLatch hold;
    boolean nothingAnswers;

    @Override
    public ContextListing contexts() {
        return new ContextListing("/tmp/docker-config", List.of(
                new ContextEntry("default", LAB, "DOCKER_HOST, else the local socket", false),
                new ContextEntry("lab", LAB, "engine 1", true),
                new ContextEntry("node2", NODE2, "the second engine", false)), storeProblems);
    }

    @Override
    public EngineProbe probe(String address) throws ReachProblem {
        if (!address.startsWith("unix://")) {
            throw new ReachProblem(ReachProblem.Kind.BAD_ADDRESS, address + ": use unix://, tcp:// or ssh://");
        }
        if (!address.equals("unix:///run/a.sock")) {
            throw new ReachProblem(ReachProblem.Kind.UNREACHABLE, "engine " + address + " did not answer /info:\nno such file");
        }
        return new EngineProbe(address, "engine-a", "20.10.24");
    }

    @Override
    public List<SwarmNodeEntry> swarm(String manager, List<String> known) throws ReachProblem {
        if (!manager.equals("unix:///run/manager.sock")) {
            throw new ReachProblem(ReachProblem.Kind.NOT_A_MANAGER, "engine " + manager + " is not part of a swarm");
        }
        return List.of(
                new SwarmNodeEntry("n1", "vm", "198.18.0.1", "manager", "active", "ready", manager, null),
                new SwarmNodeEntry("n2", "vm", "198.18.0.2", "worker", "active", "down", null, "the swarm reports this node down"));
    }

    @Override
    public String endpoint(EngineChoice choice) throws ReachProblem {
        if (choice.kind() == EngineChoice.Kind.HOST) {
            return choice.value();
        }
        return contexts().contexts().stream().filter(c -> c.name().equals(choice.value())).findFirst()
                .orElseThrow(() -> new ReachProblem(ReachProblem.Kind.CONTEXT_STORE, "no docker context named '" + choice.value() + "'"))
                .endpoint();
    }

    @Override
    public List<EngineChoice> shown() {
        return shown;
    }

    @Override
    public Prepared prepare(List<EngineChoice> choices, TaskControl control) throws Exception {
        if (hold != null) {
            hold.await();
        }
        control.checkCancelled();
        List<String> endpoints = new ArrayList<>();
        for (EngineChoice c : choices) {
            endpoints.add(endpoint(c));
        }
        if (nothingAnswers) {
            throw new ReachProblem(ReachProblem.Kind.UNREACHABLE, endpoints.get(0) + ": connection refused");
        }
        return new Prepared() {
            @Override
            public List<String> endpoints() {
                return endpoints;
            }

            @Override
            public List<String> failures() {
                return List.of();
            }

            @Override
            public void apply() {
                applied.add(choices);
                shown = choices;
            }

            @Override
            public void discard() {
                discarded.addAll(endpoints);
            }
        };
    }
}
