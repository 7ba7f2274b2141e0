package dev.netlens.cli;

import dev.netlens.discovery.engine.EngineApiException;
import dev.netlens.discovery.engine.EngineEndpoints;
import dev.netlens.discovery.engine.EngineUnreachableException;
import dev.netlens.discovery.swarm.NodeReach;
import dev.netlens.discovery.swarm.SwarmReach;
import dev.netlens.reach.DockerEngineDirectory;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The ways to name engines beside --host: docker contexts and a whole swarm from one manager. Shared
 * by the window and the headless commands (a picocli mixin).
 */
public final class EngineReachOptions {
    @Option(names = "--context", paramLabel = "NAME",
            description = "Docker context to read (repeatable): the engine `docker --context NAME` reaches, "
                    + "from the docker CLI's config folder (DOCKER_CONFIG, else ~/.docker).")
    List<String> contexts = new ArrayList<>();

    @Option(names = "--swarm", paramLabel = "URI",
            description = "A swarm manager's engine: lists its nodes and adds every node's engine it can reach; "
                    + "a node it cannot reach is shown with the reason.")
    String swarm;

    @Option(names = "--swarm-node-host", paramLabel = "TEMPLATE",
            description = "--swarm: each node's engine address, {addr} standing for the address the node reports "
                    + "(tcp://{addr}:2375, ssh://admin@{addr}). Default: the manager's transport and port; engines "
                    + "given with --host or --context and this machine's dockerd sockets are used for the node "
                    + "whose id they report.")
    String swarmNodeHost;

    /** The engines to read, and the swarm's nodes when --swarm was given (else empty). */
    record Engines(List<String> hosts, List<NodeReach> swarm) {
    }

    /** A problem already told on standard error, with the exit status to end with. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    /**
     * The --host engines, then each --context's, then the swarm's nodes; the nodes are listed on
     * standard error, each with its engine or why it has none.
     */
    Engines resolve(List<String> hosts, PrintWriter err, String command) throws Refused {
        LinkedHashSet<String> engines = new LinkedHashSet<>(hosts);
        for (String context : contexts) {
            try {
                engines.add(EngineEndpoints.forContext(context));
            } catch (IllegalArgumentException e) {
                err.println(command + ": " + e.getMessage());
                throw new Refused(2);
            }
        }
        if (swarmNodeHost != null && (swarm == null || !swarmNodeHost.contains(SwarmReach.ADDR))) {
            err.println(command + ": --swarm-node-host needs --swarm and the placeholder " + SwarmReach.ADDR);
            throw new Refused(2);
        }
        if (swarm == null) {
            return new Engines(List.copyOf(engines), List.of());
        }
        List<NodeReach> plan;
        try {
            // The window's engine chooser lists a swarm through the same plan.
            plan = DockerEngineDirectory.swarmPlan(h -> EngineEndpoints.connect(h, Duration.ofSeconds(10)), swarm,
                    swarmNodeHost, engines, DockerEngineDirectory::dockerdSockets);
        } catch (EngineApiException | EngineUnreachableException | IllegalArgumentException e) {
            err.println(command + ": --swarm " + swarm + ": " + e.getMessage());
            throw new Refused(TopologySource.NO_ENGINE);
        }
        List<String> all = new ArrayList<>(engines);
        for (NodeReach reach : plan) {
            err.println(command + ": swarm node " + reach.node().describe() + ": "
                    + (reach.reachable() ? reach.endpoint() : "unreachable, " + reach.problem()));
            if (reach.reachable() && !all.contains(reach.endpoint())) {
                all.add(reach.endpoint());
            }
        }
        return new Engines(all, plan);
    }
}
