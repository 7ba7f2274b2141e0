package dev.netlens.dns;

import dev.netlens.drivers.Driver;
import dev.netlens.i18n.Texts;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Endpoint;
import dev.netlens.snapshot.Network;
import dev.netlens.snapshot.TopologySnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The names Docker's embedded DNS (127.0.0.11) answers, per network and per container. */
public final class DnsNames {
    private static final Texts T = Bundle.TEXTS;
    private static final String GATEWAY_BRIDGE = "docker_gwbridge";
    // container:A may name a container that itself shares B's namespace; the engine allows no loop, stay safe.
    private static final int MAX_SHARE_DEPTH = 8;

    private DnsNames() {
    }

    /** @return empty when the network is not (or no longer) in the snapshot on that host */
    public static Optional<NetworkNames> forNetwork(TopologySnapshot snapshot, String hostId, String networkId) {
        return snapshot.networks().stream()
                .filter(n -> n.host().equals(hostId) && n.id().equals(networkId))
                .findFirst()
                .map(n -> names(snapshot, n));
    }

    /** @return empty when no container has that full id (or, failing that, that name) */
    public static Optional<ContainerNames> forContainer(TopologySnapshot snapshot, String containerId) {
        return find(snapshot, containerId).map(c -> forContainer(snapshot, c, 0));
    }

    static Resolution resolution(Network n) {
        Driver driver = Driver.of(n).orElse(null);
        if (driver == Driver.NONE) {
            return Resolution.NONE;
        }
        if (driver == Driver.HOST) {
            return Resolution.HOST;
        }
        if (n.ingress()) {
            return Resolution.INGRESS;
        }
        if (Driver.isDefaultBridge(n)) {
            return Resolution.DEFAULT_BRIDGE;
        }
        if (driver == Driver.BRIDGE && GATEWAY_BRIDGE.equals(n.name())) {
            return Resolution.GATEWAY_BRIDGE;
        }
        if (driver == Driver.OVERLAY) {
            return Resolution.OVERLAY;
        }
        return n.internal() ? Resolution.INTERNAL : Resolution.USER_DEFINED;
    }

    private static NetworkNames names(TopologySnapshot snapshot, Network n) {
        Resolution r = resolution(n);
        List<DnsName> names = r.embeddedDns() ? NameCollector.collect(snapshot, n) : List.of();
        return new NetworkNames(n.host(), n.id(), n.name(), n.driver(), r, names,
                T.message("dns.network." + r.key(), n.name()));
    }

    private static ContainerNames forContainer(TopologySnapshot snapshot, Container c, int depth) {
        if (!c.running()) {
            return result(c, ContainerCase.NOT_RUNNING, null, List.of(), "notRunning", c.name(), c.state());
        }
        String mode = c.networkMode() == null ? "" : c.networkMode();
        Optional<String> ref = Container.sharedNetworkRef(mode);
        if (ref.isPresent()) {
            String ownerRef = ref.get();
            Optional<Container> owner = snapshot.networkOwner(c);
            if (owner.isEmpty() || depth >= MAX_SHARE_DEPTH) {
                return result(c, ContainerCase.SHARED, null, List.of(), "sharedMissing", c.name(), ownerRef);
            }
            ContainerNames of = forContainer(snapshot, owner.get(), depth + 1);
            return result(c, ContainerCase.SHARED, owner.get().id(), of.networks(), "shared", c.name(),
                    owner.get().name());
        }
        List<NetworkNames> networks = new ArrayList<>();
        for (Endpoint e : c.endpoints()) {
            forNetwork(snapshot, c.host(), e.network()).ifPresent(networks::add);
        }
        networks.sort(Comparator.comparing(NetworkNames::networkName));
        if ("host".equals(mode) || networks.stream().anyMatch(n -> n.resolution() == Resolution.HOST)) {
            return result(c, ContainerCase.HOST_MODE, null, List.of(), "host", c.name());
        }
        if ("none".equals(mode) || networks.stream().allMatch(n -> n.resolution() == Resolution.NONE)) {
            return result(c, ContainerCase.NO_NETWORK, null, List.of(), "none", c.name());
        }
        // One network with embedded DNS turns 127.0.0.11 on for the whole container.
        if (networks.stream().noneMatch(n -> n.resolution().embeddedDns())) {
            return result(c, ContainerCase.DEFAULT_BRIDGE_ONLY, null, networks, "defaultBridgeOnly", c.name());
        }
        return result(c, ContainerCase.EMBEDDED, null, networks, "embedded", c.name());
    }

    private static ContainerNames result(Container c, ContainerCase kind, String sharedWith,
            List<NetworkNames> networks, String whyKey, Object... args) {
        return new ContainerNames(c.id(), c.name(), kind, sharedWith, networks,
                T.message("dns.container." + whyKey, args));
    }

    /** By full id, then by name. */
    private static Optional<Container> find(TopologySnapshot snapshot, String ref) {
        Optional<Container> byId = snapshot.containers().stream().filter(c -> c.id().equals(ref)).findFirst();
        return byId.isPresent() ? byId
                : snapshot.containers().stream().filter(c -> c.name().equals(ref)).findFirst();
    }
}
