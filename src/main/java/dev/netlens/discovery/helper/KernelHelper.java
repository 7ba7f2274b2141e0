package dev.netlens.discovery.helper;

import com.fasterxml.jackson.databind.JsonNode;
import dev.netlens.discovery.engine.EngineApi;
import dev.netlens.discovery.engine.EngineApiException;
import dev.netlens.discovery.engine.EngineUnreachableException;
import dev.netlens.discovery.engine.EngineWrites;
import dev.netlens.discovery.kernel.CommandResult;
import dev.netlens.discovery.kernel.EngineProcess;
import dev.netlens.discovery.kernel.EngineProcessLocator;
import dev.netlens.discovery.kernel.KernelReader;
import dev.netlens.json.JsonTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Reads an engine's kernel through a helper container on it: the same {@link KernelReader}, the same
 * commands and parsers as for a local engine, each command run in the helper instead of here. Open
 * one for a pass and close it after: closing removes the container.
 */
public final class KernelHelper implements AutoCloseable {
    private final HelperContainer container;
    private final HelperProbe probe;
    private final EngineProcess engine;
    private final HelperCommandRunner runner;

    private KernelHelper(HelperContainer container, HelperProbe probe, EngineProcess engine, HelperCommandRunner runner) {
        this.container = container;
        this.probe = probe;
        this.engine = engine;
        this.runner = runner;
    }

    /**
     * Starts the helper on the engine and finds the engine's dockerd from inside it.
     *
     * @param image the image the user named, or null for one the engine has
     * @throws HelperRefusedException when it cannot or may not run there (one user-facing line)
     * @throws EngineUnreachableException when the engine stopped answering
     */
    public static KernelHelper open(EngineApi api, String image) throws HelperRefusedException, EngineUnreachableException {
        if (!(api instanceof EngineWrites writes)) {
            throw new HelperRefusedException("this connection to the engine cannot run a helper container");
        }
        String chosen;
        JsonNode info;
        try {
            info = api.get("/info");
            chosen = HelperImages.choose(api.get("/images/json"), image).orElse(null);
        } catch (EngineApiException e) {
            throw new HelperRefusedException("the engine did not list its images for the helper: " + e.getMessage());
        }
        if (chosen == null) {
            throw new HelperRefusedException(image != null && !image.isBlank()
                    ? "image " + image + " is not on this engine, and the helper never pulls one: load it there first"
                    : "no image for a helper container on this engine (busybox, alpine, debian or ubuntu), and the"
                            + " helper never pulls one: name one the engine has with --kernel-helper=IMAGE");
        }
        for (JsonNode option : info.path("SecurityOptions")) {
            String text = option.asText();
            if (text.contains("name=userns") || text.contains("name=rootless")) {
                throw new HelperRefusedException(CONFINED);
            }
        }
        HelperContainer container = HelperContainer.start(api, writes, chosen);
        try {
            return inspect(container);
        } catch (HelperRefusedException | RuntimeException e) {
            container.close();
            throw e;
        }
    }

    static final String CONFINED = "the engine confines its containers in a user namespace of their own (Docker"
            + " Desktop's Enhanced Container Isolation, rootless or userns-remap): a helper there sees only itself,"
            + " not the engine's kernel";

    private static KernelHelper inspect(HelperContainer container) throws HelperRefusedException {
        CommandResult probed;
        try {
            probed = container.exec(List.of("/bin/sh", "-c", HelperProbe.SCRIPT));
        } catch (IOException e) {
            throw new HelperRefusedException("image " + container.image() + " cannot run the helper: " + e.getMessage());
        }
        HelperProbe probe = HelperProbe.parse(probed.stdout());
        if (probe.kit() == null) {
            throw new HelperRefusedException("image " + container.image() + " has neither busybox nor nsenter for the"
                    + " helper: name another with --kernel-helper=IMAGE");
        }
        if (probe.confined()) {
            throw new HelperRefusedException(CONFINED);
        }
        if (probe.daemons().isEmpty()) {
            throw new HelperRefusedException("the helper sees no dockerd process in the engine's network namespace"
                    + " (the engine may run in a virtual machine or container the helper cannot see into)");
        }
        HelperProbe.Daemon daemon = probe.daemons().get(0);
        HostTools tools = new HostTools(daemon.tools());
        if (tools.path("ip").isEmpty()) {
            throw new HelperRefusedException("the engine's host has no ip program (iproute2) for the helper to run");
        }
        HelperCommandRunner runner = new HelperCommandRunner(container, probe.kit(), daemon.pid(), tools);
        EngineProcess engine = EngineProcessLocator.fromCommandLine(daemon.pid(), daemon.args(),
                path -> path.equals(HelperProbe.DEFAULT_CONFIG) && daemon.defaultConfig() != null
                        ? parseJson(new CommandResult(daemon.defaultConfig().isEmpty() ? 1 : 0, daemon.defaultConfig(), ""))
                        : runner.readConfig(path));
        return new KernelHelper(container, probe, engine, runner);
    }

    /** The engine's dockerd as the helper sees it: its pid, namespace file and namespace folder there. */
    public EngineProcess engine() {
        return engine;
    }

    /** A kernel reader whose every command runs in the helper. */
    public KernelReader reader(ExecutorService pool) {
        return new KernelReader(runner, new HelperNamespaceLister(runner), pool, probe::bootId, Path.of("/nonexistent"));
    }

    /** The helper container's id: discovery leaves it out of the engine's containers. */
    public String containerId() {
        return container.id();
    }

    /** The one line that says what ran: the container and its image. */
    public String description() {
        return "helper container " + container.name() + " (image " + container.image() + ")";
    }

    @Override
    public void close() {
        container.close();
    }

    /**
     * Removes the helper over {@code api}, a connection of its own to the same engine: the removal
     * can then run after the pass, whose connection is closed when it ends.
     */
    public void removeWith(EngineApi api) {
        if (api instanceof EngineWrites writes) {
            container.removeWith(writes);
        } else {
            close();
        }
    }

    /** Reads a small file of the engine's host (the daemon's JSON config) through the helper. */
    static Optional<JsonNode> parseJson(CommandResult result) {
        if (!result.ok()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JsonTree.parse(result.stdout()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
