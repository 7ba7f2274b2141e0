package dev.netlens.capture;

/**
 * An interface that can be captured on, as the snapshot places it.
 *
 * @param place a short human description ("eth0 of lab-user-a on vm")
 * @param namespaceFile the namespace file to enter
 * @param interfaceName the kernel's name for the interface in that namespace ({@code any} for all of them)
 * @param suggestedFilter a filter that fits this target (the VXLAN port on an underlay), or blank
 */
public record CaptureTarget(String place, String namespaceFile, String interfaceName, String suggestedFilter) {
}
