package dev.netlens.snapshot;

/**
 * One route of a namespace's main routing table, as {@code ip -j route show table main} printed it.
 * The packet tracer looks routes up by longest prefix, then lowest metric.
 *
 * @param destination {@code default} or a prefix ("172.17.0.0/16"; a host route keeps its "/32")
 * @param gateway the next hop's address, or null for a directly connected route
 * @param device the outgoing interface (an interface id of the same namespace), or null when the
 *     route names none (blackhole, unreachable) or the interface was not seen
 * @param deviceName the interface name as ip printed it, kept when the id could not be resolved
 * @param source the preferred source address ({@code prefsrc}), or null
 * @param scope link, host, global (null when ip printed none: global)
 * @param type unicast (null when ip printed none), blackhole, unreachable, prohibit, local...
 * @param metric the route's metric, or null (0)
 */
public record Route(
        String destination,
        String gateway,
        String device,
        String deviceName,
        String source,
        String scope,
        String type,
        Integer metric) {
}
