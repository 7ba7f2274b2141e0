package dev.netlens.drivers;

import dev.netlens.snapshot.Network;
import java.util.Locale;
import java.util.Optional;

/** The built-in network drivers the panel compares, in the order the cards and matrix columns show them. */
public enum Driver {
    BRIDGE("bridge"), HOST("host"), OVERLAY("overlay"), MACVLAN("macvlan"), IPVLAN("ipvlan"), NONE("null");

    private final String engineName;

    Driver(String engineName) {
        this.engineName = engineName;
    }

    /** The driver name the engine reports: "null" for none. */
    public String engineName() {
        return engineName;
    }

    /** Bundle key part: bridge, host, ..., none. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts the engine's names and "none"; plugin drivers (weave, ...) give empty. */
    public static Optional<Driver> fromEngine(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (Driver d : values()) {
            if (d.engineName.equals(lower) || d.key().equals(lower)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    public static Optional<Driver> of(Network network) {
        return network == null ? Optional.empty() : fromEngine(network.driver());
    }

    /** docker0's network: the engine marks it with an option; hand-made or older captures only by its name. */
    public static boolean isDefaultBridge(Network n) {
        return "bridge".equals(n.driver())
                && ("true".equals(n.options().get("com.docker.network.bridge.default_bridge")) || "bridge".equals(n.name()));
    }
}
