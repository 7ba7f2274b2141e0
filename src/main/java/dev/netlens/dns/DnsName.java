package dev.netlens.dns;

import dev.netlens.i18n.Message;
import java.util.List;

/**
 * One name the embedded DNS answers on a network, and what it answers.
 *
 * @param addresses IPv4 and IPv6 addresses without prefix length; several for a round-robin alias or tasks.x
 * @param containerId the container the name leads to, for linking with the canvas; null for a VIP or a
 *     container on a node Netlens did not read
 * @param hostId that container's host, or null
 * @param why why this name resolves to this, unrendered
 */
public record DnsName(String name, NameKind kind, List<String> addresses, String containerId, String hostId,
        Message why) {
    public DnsName {
        addresses = List.copyOf(addresses);
    }
}
