package dev.netlens.lab;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.CreateNetworkCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lab's only contact with docker-java. The client is built like discovery's transport (zerodep,
 * honouring DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH), but unlike discovery the lab writes.
 */
final class DockerLabEngine implements LabEngine {
    private static final Pattern ENGINE_MESSAGE =
            Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private final String endpoint;
    private final DockerClient docker;

    private DockerLabEngine(String endpoint, DockerClient docker) {
        this.endpoint = endpoint;
        this.docker = docker;
    }

    /** @param host engine URI, or null for DOCKER_HOST (else the local socket) */
    static DockerLabEngine connect(String host) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (host != null && !host.isBlank()) {
            builder.withDockerHost(host);
        }
        DockerClientConfig config = builder.build();
        DockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(3))
                .responseTimeout(Duration.ofMinutes(2))
                .build();
        return new DockerLabEngine(config.getDockerHost().toString(), DockerClientImpl.getInstance(config, http));
    }

    @Override
    public EngineState state() throws LabException {
        Info info;
        try {
            docker.pingCmd().exec();
            info = docker.infoCmd().exec();
        } catch (RuntimeException e) {
            throw new LabException(LabException.Reason.UNREACHABLE, "cannot reach the Docker engine at " + endpoint
                    + " (" + rootMessage(e) + "). Start it, or name another with --host URI or DOCKER_HOST.");
        }
        boolean manager = info.getSwarm() != null && Boolean.TRUE.equals(info.getSwarm().getControlAvailable());
        return new EngineState(endpoint, manager);
    }

    @Override
    public boolean hasImage(String image) throws LabException {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (RuntimeException e) {
            throw failed("inspect image " + image, e);
        }
    }

    @Override
    public void pull(String image) throws LabException {
        try {
            docker.pullImageCmd(image).exec(new PullImageResultCallback()).awaitCompletion(5, TimeUnit.MINUTES);
        } catch (RuntimeException e) {
            throw new LabException(LabException.Reason.IMAGE, "image " + image + " is not on the engine and could not be pulled ("
                    + rootMessage(e) + "). Use --image with an image the engine has, e.g. --image " + LabOptions.LOCAL_IMAGE_HINT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException(LabException.Reason.IMAGE, "pulling " + image + " was interrupted");
        }
        if (!hasImage(image)) {
            throw new LabException(LabException.Reason.IMAGE, "image " + image + " could not be pulled. Use --image with an "
                    + "image the engine has, e.g. --image " + LabOptions.LOCAL_IMAGE_HINT);
        }
    }

    @Override
    public Optional<Found> network(String name) throws LabException {
        try {
            Network n = docker.inspectNetworkCmd().withNetworkId(name).exec();
            // inspect also matches id prefixes: only an exact name counts
            return name.equals(n.getName())
                    ? Optional.of(new Found(n.getId(), Classroom.LABEL_VALUE.equals(label(n.getLabels())), n.getDriver()))
                    : Optional.empty();
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw failed("inspect network " + name, e);
        }
    }

    @Override
    public Optional<Found> container(String name) throws LabException {
        try {
            InspectContainerResponse c = docker.inspectContainerCmd(name).exec();
            if (!("/" + name).equals(c.getName())) {
                return Optional.empty();
            }
            Map<String, String> labels = c.getConfig() == null ? null : c.getConfig().getLabels();
            String state = c.getState() == null ? "unknown" : c.getState().getStatus();
            return Optional.of(new Found(c.getId(), Classroom.LABEL_VALUE.equals(label(labels)), state));
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw failed("inspect container " + name, e);
        }
    }

    @Override
    public void createNetwork(NetworkSpec spec, String label) throws LabException {
        CreateNetworkCmd cmd = docker.createNetworkCmd()
                .withName(spec.name())
                .withDriver(spec.driver())
                .withOptions(spec.options())
                .withLabels(labelMap(label))
                .withCheckDuplicate(true);
        if (spec.attachable()) {
            cmd.withAttachable(true);
        }
        if (spec.subnet() != null) {
            cmd.withIpam(new Network.Ipam().withConfig(
                    new Network.Ipam.Config().withSubnet(spec.subnet()).withGateway(spec.gateway())));
        }
        try {
            cmd.exec();
        } catch (RuntimeException e) {
            throw failed("create network " + spec.name(), e);
        }
    }

    @Override
    public void createContainer(ContainerSpec spec, String image, List<String> dns, String label) throws LabException {
        HostConfig host = HostConfig.newHostConfig().withNetworkMode(spec.network());
        if (spec.usesDns() && !dns.isEmpty()) {
            host.withDns(dns);
        }
        CreateContainerCmd cmd = docker.createContainerCmd(image)
                .withName(spec.name())
                .withLabels(labelMap(label))
                .withCmd("sleep", "infinity")
                .withStopTimeout(1)
                .withHostConfig(host);
        if (spec.ownNamespace()) {
            cmd.withHostName(spec.name());
        }
        if (!spec.aliases().isEmpty()) {
            cmd.withAliases(spec.aliases());
        }
        try {
            cmd.exec();
        } catch (RuntimeException e) {
            throw failed("create container " + spec.name(), e);
        }
    }

    @Override
    public void start(String name) throws LabException {
        try {
            docker.startContainerCmd(name).exec();
        } catch (RuntimeException e) {
            throw failed("start container " + name, e);
        }
    }

    @Override
    public void removeContainer(String id) throws LabException {
        try {
            docker.removeContainerCmd(id).withForce(true).exec();
        } catch (NotFoundException e) {
            // already gone: what down wanted
        } catch (RuntimeException e) {
            throw failed("remove container " + id, e);
        }
    }

    @Override
    public void removeNetwork(String id) throws LabException {
        try {
            docker.removeNetworkCmd(id).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            throw failed("remove network " + id, e);
        }
    }

    @Override
    public List<LabObject> labelled(String label) throws LabException {
        List<LabObject> out = new ArrayList<>();
        try {
            for (Container c : docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(label)).exec()) {
                String name = c.getNames() == null || c.getNames().length == 0 ? c.getId() : c.getNames()[0].substring(1);
                out.add(new LabObject(LabObject.Kind.CONTAINER, c.getId(), name, c.getState()));
            }
            for (Network n : docker.listNetworksCmd().withFilter("label", List.of(label)).exec()) {
                out.add(new LabObject(LabObject.Kind.NETWORK, n.getId(), n.getName(), n.getDriver()));
            }
        } catch (RuntimeException e) {
            throw failed("list the lab's objects", e);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            docker.close();
        } catch (IOException ignored) {
            // nothing left to tell about a closing connection
        }
    }

    private static String label(Map<String, String> labels) {
        return labels == null ? null : labels.get(Classroom.LABEL_KEY);
    }

    private static Map<String, String> labelMap(String label) {
        int eq = label.indexOf('=');
        return Map.of(label.substring(0, eq), label.substring(eq + 1));
    }

    private LabException failed(String what, RuntimeException e) {
        // An engine that stops answering mid-way is still "unreachable" to the user, not a crash.
        LabException.Reason reason = e instanceof DockerException ? LabException.Reason.FAILED : LabException.Reason.UNREACHABLE;
        return new LabException(reason, "engine " + endpoint + ": could not " + what + ": " + rootMessage(e));
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // docker-java reports engine refusals as 'Status 409: {"message":"..."}': keep the engine's words
        Matcher m = ENGINE_MESSAGE.matcher(message);
        return m.find() ? m.group(1).replace("\\\"", "\"") : message.strip();
    }
}
