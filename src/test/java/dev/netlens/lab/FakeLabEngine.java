package dev.netlens.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory engine: enough of Docker for LabService's decisions, and a log of what it was asked. */
final class FakeLabEngine implements LabEngine {
    record Obj(String id, String name, boolean labelled, String state) {
    }

    final Map<String, Obj> networks = new LinkedHashMap<>();
    final Map<String, Obj> containers = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    String endpoint = "unix:///var/run/docker.sock";
    boolean swarmManager = true;
    boolean reachable = true;
    boolean imagePresent = true;
    String pullFailure;
    String failNetworkCreate;
    int networkBusyFor;
    private int ids;

    @Override
    public EngineState state() throws LabException {
        if (!reachable) {
            throw new LabException(LabException.Reason.UNREACHABLE, "cannot reach the Docker engine at " + endpoint);
        }
        return new EngineState(endpoint, swarmManager);
    }

    @Override
    public boolean hasImage(String image) {
        return imagePresent;
    }

    @Override
    public void pull(String image) throws LabException {
        calls.add("pull " + image);
        if (pullFailure != null) {
            throw new LabException(LabException.Reason.IMAGE, "image " + image + " could not be pulled (" + pullFailure
                    + "). Use --image with an image the engine has, e.g. --image " + LabOptions.LOCAL_IMAGE_HINT);
        }
        imagePresent = true;
    }

    @Override
    public Optional<Found> network(String name) {
        return Optional.ofNullable(networks.get(name)).map(o -> new Found(o.id(), o.labelled(), o.state()));
    }

    @Override
    public Optional<Found> container(String name) {
        return Optional.ofNullable(containers.get(name)).map(o -> new Found(o.id(), o.labelled(), o.state()));
    }

    @Override
    public void createNetwork(NetworkSpec spec, String label) throws LabException {
        calls.add("create network " + spec.name());
        if (spec.name().equals(failNetworkCreate)) {
            throw new LabException(LabException.Reason.FAILED, "could not create network " + spec.name() + ": invalid parent");
        }
        networks.put(spec.name(), new Obj("n" + ++ids, spec.name(), true, spec.driver()));
    }

    @Override
    public void createContainer(ContainerSpec spec, String image, List<String> dns, String label) {
        calls.add("create container " + spec.name() + " " + image);
        containers.put(spec.name(), new Obj("c" + ++ids, spec.name(), true, "created"));
    }

    @Override
    public void start(String name) {
        calls.add("start " + name);
        Obj o = containers.get(name);
        containers.put(name, new Obj(o.id(), name, o.labelled(), "running"));
    }

    @Override
    public void removeContainer(String id) {
        calls.add("remove container " + id);
        containers.values().removeIf(o -> o.id().equals(id));
    }

    @Override
    public void removeNetwork(String id) throws LabException {
        if (networkBusyFor > 0) {
            networkBusyFor--;
            throw new LabException(LabException.Reason.FAILED, "network has active endpoints");
        }
        calls.add("remove network " + id);
        networks.values().removeIf(o -> o.id().equals(id));
    }

    @Override
    public List<LabObject> labelled(String label) {
        List<LabObject> out = new ArrayList<>();
        containers.values().stream().filter(Obj::labelled)
                .forEach(o -> out.add(new LabObject(LabObject.Kind.CONTAINER, o.id(), o.name(), o.state())));
        networks.values().stream().filter(Obj::labelled)
                .forEach(o -> out.add(new LabObject(LabObject.Kind.NETWORK, o.id(), o.name(), o.state())));
        return out;
    }

    @Override
    public void close() {
    }
}
