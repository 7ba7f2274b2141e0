package dev.netlens.dns;

import dev.netlens.i18n.Message;
import java.util.List;

/**
 * The names the embedded DNS resolves on one network as one host sees it.
 *
 * @param names empty when the network has no embedded DNS ({@link Resolution#embeddedDns()} false) or no
 *     running member
 * @param why why names resolve here or not, unrendered
 */
public record NetworkNames(String hostId, String networkId, String networkName, String driver,
        Resolution resolution, List<DnsName> names, Message why) {
    public NetworkNames {
        names = List.copyOf(names);
    }
}
