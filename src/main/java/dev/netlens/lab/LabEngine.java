package dev.netlens.lab;

import java.util.List;
import java.util.Optional;

/**
 * What the lab asks of a Docker engine. {@link DockerLabEngine} is the one implementation that talks
 * to a real engine; tests use fakes. Failures of single calls come back as {@link LabException}.
 */
interface LabEngine extends AutoCloseable {
    /** Pings the engine and reads its swarm role; UNREACHABLE when nothing answers. */
    EngineState state() throws LabException;

    boolean hasImage(String image) throws LabException;

    /** Pulls from the image's registry; IMAGE when that fails. */
    void pull(String image) throws LabException;

    /** The network or container of that exact name, and whether it carries the lab label. */
    Optional<Found> network(String name) throws LabException;

    Optional<Found> container(String name) throws LabException;

    void createNetwork(NetworkSpec spec, String label) throws LabException;

    void createContainer(ContainerSpec spec, String image, List<String> dns, String label) throws LabException;

    void start(String name) throws LabException;

    void removeContainer(String id) throws LabException;

    void removeNetwork(String id) throws LabException;

    /** Every container (running or not) and network carrying the label, containers first. */
    List<LabObject> labelled(String label) throws LabException;

    @Override
    void close();

    /** @param state a container's state, or a network's driver */
    record Found(String id, boolean labelled, String state) {
    }
}
