package dev.netlens.snapshot;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A container's attachment to one network.
 *
 * @param network the engine's network id
 * @param ipv4 address with prefix ("a.b.c.d/n"), or null
 * @param interfaceId the interface inside the container's namespace carrying it, or null
 */
public record Endpoint(
        String network,
        String networkName,
        String ipv4,
        String ipv6,
        String mac,
        List<String> aliases,
        @JsonProperty("interface") String interfaceId) {
    public Endpoint {
        aliases = Lists.copy(aliases);
    }
}
