package dev.netlens.reach;

import java.util.List;

/**
 * What the window's engine chooser asks of the world: the docker contexts, whether an address
 * answers, a swarm's nodes, and the engine a choice stands for. Every call may block (files, the
 * network): callers run it off the UI thread.
 */
public interface EngineDirectory {
    ContextListing contexts();

    /** Checks the address, then asks the engine there who it is (one GET /info). */
    EngineProbe probe(String address) throws ReachProblem;

    /**
     * A manager's nodes (GET /nodes), each with the engine found for it as {@code --swarm} finds it.
     *
     * @param known engines that may be nodes (those shown now), asked for their node id
     */
    List<SwarmNodeEntry> swarm(String manager, List<String> known) throws ReachProblem;

    /** The engine URI a choice stands for (a context's address; an address checked and resolved). */
    String endpoint(EngineChoice choice) throws ReachProblem;
}
