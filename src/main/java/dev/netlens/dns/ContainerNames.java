package dev.netlens.dns;

import dev.netlens.i18n.Message;
import java.util.List;

/**
 * What one container can resolve, network by network.
 *
 * @param sharedWith for {@link ContainerCase#SHARED}, the id of the container whose namespace it uses (null
 *     when that container was not seen)
 * @param networks one entry per network it (or the namespace owner) is attached to, by network name
 */
public record ContainerNames(String containerId, String containerName, ContainerCase containerCase,
        String sharedWith, List<NetworkNames> networks, Message why) {
    public ContainerNames {
        networks = List.copyOf(networks);
    }
}
