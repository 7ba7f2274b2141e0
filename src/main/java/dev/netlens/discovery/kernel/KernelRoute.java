package dev.netlens.discovery.kernel;

/**
 * One route of a namespace's main table as {@code ip -j route show table main} printed it.
 *
 * @param destination {@code default} or a prefix; a host route ip printed without a length gets /32 (/128)
 * @param device the outgoing interface's name, or null (blackhole, unreachable)
 * @param source the preferred source address ({@code prefsrc}), or null
 * @param scope, type as printed, or null when ip printed none
 * @param metric the metric, or null when ip printed none
 */
public record KernelRoute(String destination, String gateway, String device, String source, String scope, String type,
        Integer metric) {
}
