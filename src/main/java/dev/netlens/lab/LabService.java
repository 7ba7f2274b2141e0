package dev.netlens.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The classroom lab: builds the lesson's network on one engine, lists it, and removes exactly what
 * carries its label. The command line and the window's menu both use this class; it blocks, so a
 * window calls it off the FX thread and shows {@link LabProgress} steps.
 */
public final class LabService implements AutoCloseable {
    public static final String LABEL = Classroom.LABEL;
    private static final int NETWORK_REMOVE_TRIES = 15;

    private final LabEngine engine;
    private final HostLinks links;
    private final Sleeper sleeper;

    LabService(LabEngine engine, HostLinks links, Sleeper sleeper) {
        this.engine = engine;
        this.links = links;
        this.sleeper = sleeper;
    }

    /** @param host engine URI, or null for DOCKER_HOST (else the local socket). Connects lazily. */
    public static LabService connect(String host) {
        return new LabService(DockerLabEngine.connect(host), IpHostLinks.system(), Thread::sleep);
    }

    /** Builds what is missing of the lab and starts what is stopped; running parts are kept. */
    public LabReport up(LabOptions options, LabProgress progress) throws LabException {
        EngineState state = engine.state();
        List<String> done = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        boolean macvlan = macvlanPossible(state, skipped);
        boolean overlay = state.swarmManager();
        if (!overlay) {
            skipped.add("overlay: the engine is not a swarm manager (docker swarm init makes it one)");
        }
        List<NetworkSpec> networks = Classroom.networks(macvlan, overlay);
        List<ContainerSpec> containers = Classroom.containers(macvlan, overlay);
        refuseForeignNames(networks, containers, macvlan);

        int total = 1 + networks.size() + containers.size() + (macvlan ? 1 : 0);
        Steps steps = new Steps(progress, total);
        steps.next("checking image " + options.image());
        if (!engine.hasImage(options.image())) {
            steps.note("pulling image " + options.image());
            engine.pull(options.image());
            done.add("pulled image " + options.image());
        }
        if (macvlan) {
            steps.next("macvlan parent: veth " + Classroom.VETH + " <-> " + Classroom.VETH_PEER);
            if (!links.exists(Classroom.VETH)) {
                links.createVethPair(Classroom.VETH, Classroom.VETH_PEER, LABEL);
                done.add("created veth " + Classroom.VETH + " <-> " + Classroom.VETH_PEER + " (macvlan parent)");
            }
        }
        for (NetworkSpec spec : networks) {
            steps.next("network " + spec.name() + " (" + spec.driver() + ")");
            if (engine.network(spec.name()).isPresent()) {
                continue;
            }
            try {
                engine.createNetwork(spec, LABEL);
                done.add("created network " + spec.name() + " (" + spec.driver() + ")");
            } catch (LabException e) {
                if (!spec.driver().equals("macvlan") || e.reason() != LabException.Reason.FAILED) {
                    throw e;
                }
                // e.g. an engine in another network namespace cannot see the parent we made
                skipped.add("macvlan: " + e.getMessage());
                containers.removeIf(c -> c.network().equals(Classroom.MACVLAN_NET));
                removeOwnVeth(done);
            }
        }
        for (ContainerSpec spec : containers) {
            steps.next("container " + spec.name() + " on " + spec.network());
            done.add(ensureRunning(spec, options));
        }
        steps.finish("lab is up");
        return new LabReport(state.endpoint(), done, skipped);
    }

    /** Removes the lab's containers, then its networks, then the veth pair it made; nothing else. */
    public LabReport down(LabProgress progress) throws LabException {
        EngineState state = engine.state();
        List<LabObject> objects = engine.labelled(LABEL);
        boolean veth = ownVethPresent(state);
        Steps steps = new Steps(progress, objects.size() + (veth ? 1 : 0));
        List<String> done = new ArrayList<>();
        for (LabObject o : objects) {
            if (o.kind() == LabObject.Kind.CONTAINER) {
                steps.next("removing container " + o.name());
                engine.removeContainer(o.id());
                done.add("removed container " + o.name());
            }
        }
        for (LabObject o : objects) {
            if (o.kind() == LabObject.Kind.NETWORK) {
                steps.next("removing network " + o.name());
                removeNetwork(o);
                done.add("removed network " + o.name());
            }
        }
        if (veth) {
            steps.next("removing veth " + Classroom.VETH);
            removeOwnVeth(done);
        }
        steps.finish(done.isEmpty() ? "no lab objects to remove" : "lab is down");
        return new LabReport(state.endpoint(), done, List.of());
    }

    public LabStatus status() throws LabException {
        EngineState state = engine.state();
        List<LabObject> objects = new ArrayList<>(engine.labelled(LABEL));
        if (ownVethPresent(state)) {
            objects.add(new LabObject(LabObject.Kind.VETH, Classroom.VETH, Classroom.VETH, "peer " + Classroom.VETH_PEER));
        }
        return new LabStatus(state.endpoint(), objects);
    }

    private boolean macvlanPossible(EngineState state, List<String> skipped) {
        if (!state.local()) {
            skipped.add("macvlan: the engine at " + state.endpoint() + " is not on this machine; the lab only makes "
                    + "a macvlan parent (a veth pair) where Netlens runs, never on a real interface");
            return false;
        }
        Optional<String> why = links.unavailable();
        why.ifPresent(reason -> skipped.add("macvlan: " + reason));
        return why.isEmpty();
    }

    /** Refuses before touching anything when a name the lab needs belongs to someone else. */
    private void refuseForeignNames(List<NetworkSpec> networks, List<ContainerSpec> containers, boolean macvlan)
            throws LabException {
        for (NetworkSpec n : networks) {
            Optional<LabEngine.Found> found = engine.network(n.name());
            if (found.isPresent() && !found.get().labelled()) {
                throw foreign("network " + n.name());
            }
        }
        for (ContainerSpec c : containers) {
            Optional<LabEngine.Found> found = engine.container(c.name());
            if (found.isPresent() && !found.get().labelled()) {
                throw foreign("container " + c.name());
            }
        }
        if (macvlan && links.exists(Classroom.VETH) && !LABEL.equals(links.alias(Classroom.VETH))) {
            throw foreign("network interface " + Classroom.VETH);
        }
    }

    private static LabException foreign(String what) {
        return new LabException(LabException.Reason.CONFLICT, what + " exists and is not the lab's (no label " + LABEL
                + "); the lab leaves it alone: rename or remove it, then run lab up again");
    }

    private String ensureRunning(ContainerSpec spec, LabOptions options) throws LabException {
        Optional<LabEngine.Found> found = engine.container(spec.name());
        if (found.isPresent() && "running".equals(found.get().state())) {
            return "kept running container " + spec.name();
        }
        if (found.isPresent()) {
            try {
                engine.start(spec.name());
                return "started container " + spec.name() + " (was " + found.get().state() + ")";
            } catch (LabException e) {
                // e.g. its network was removed and made again: a fresh container is the fix
                engine.removeContainer(found.get().id());
            }
        }
        engine.createContainer(spec, options.image(), options.dns(), LABEL);
        engine.start(spec.name());
        return "started container " + spec.name() + " on " + spec.network();
    }

    /** A swarm network stays busy for a moment after its last container goes: retry, then report. */
    private void removeNetwork(LabObject network) throws LabException {
        for (int attempt = 1; ; attempt++) {
            try {
                engine.removeNetwork(network.id());
                return;
            } catch (LabException e) {
                if (attempt >= NETWORK_REMOVE_TRIES || e.reason() != LabException.Reason.FAILED) {
                    throw e;
                }
                sleeper.sleepQuietly(1000);
            }
        }
    }

    private boolean ownVethPresent(EngineState state) {
        return state.local() && links.exists(Classroom.VETH) && LABEL.equals(links.alias(Classroom.VETH));
    }

    private void removeOwnVeth(List<String> done) throws LabException {
        if (links.exists(Classroom.VETH) && LABEL.equals(links.alias(Classroom.VETH))) {
            links.delete(Classroom.VETH);
            done.add("deleted veth " + Classroom.VETH + " (and its peer " + Classroom.VETH_PEER + ")");
        }
    }

    @Override
    public void close() {
        engine.close();
    }

    /** Waits between retries; tests replace it so they do not wait. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;

        default void sleepQuietly(long millis) {
            try {
                sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Numbers the progress steps. */
    private static final class Steps {
        private final LabProgress progress;
        private final int total;
        private int done;

        Steps(LabProgress progress, int total) {
            this.progress = progress;
            this.total = total;
        }

        void next(String message) {
            progress.step(done++, total, message);
        }

        void note(String message) {
            progress.step(Math.max(0, done - 1), total, message);
        }

        void finish(String message) {
            progress.step(total, total, message);
        }
    }
}
