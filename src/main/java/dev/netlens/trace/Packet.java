package dev.netlens.trace;

/**
 * A packet as netfilter sees it at one hook, in one namespace.
 *
 * @param source IPv4 source address (no prefix)
 * @param sourcePort tcp/udp source port, or null (icmp, or not known: any ephemeral port)
 * @param destination IPv4 destination address (no prefix)
 * @param destinationPort tcp/udp destination port, or null for icmp
 * @param inInterface the interface it arrived on (name, as rules name it: docker0, br-1a2b...), or null at OUTPUT
 * @param outInterface the interface it leaves by, or null at PREROUTING and INPUT
 * @param inBridgePort for bridged traffic (br_netfilter), the bridge port it entered by ({@code --physdev-in}), else null
 * @param outBridgePort for bridged traffic, the bridge port it leaves by ({@code --physdev-out}), else null
 * @param destinationLocal whether the destination is an address of this namespace ({@code -m addrtype --dst-type LOCAL})
 * @param sourceLocal whether the source is an address of this namespace ({@code --src-type LOCAL})
 */
public record Packet(Protocol protocol, String source, Integer sourcePort, String destination, Integer destinationPort,
        String inInterface, String outInterface, String inBridgePort, String outBridgePort, CtState state,
        boolean destinationLocal, boolean sourceLocal) {
}
