package dev.netlens.capture;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What to record: the packets of one interface, seen inside one network namespace, into a pcap file.
 *
 * @param place who the interface belongs to, for messages ("lab-user-a eth0 on vm")
 * @param namespaceFile the namespace to enter ({@code /proc/PID/ns/net} for an engine's own, a sandbox file for a container's)
 * @param interfaceName the interface as the kernel names it there ({@code any}: every interface of the namespace)
 * @param filter a BPF expression, or blank for every packet
 * @param packetLimit stop after this many packets; 0 for no limit
 * @param timeLimit stop after this long; null for no limit
 * @param output the pcap file to write (written only when the capture succeeds)
 */
public record CaptureRequest(String place, String namespaceFile, String interfaceName, String filter, int packetLimit,
                             Duration timeLimit, Path output) {
    public CaptureRequest {
        Objects.requireNonNull(namespaceFile, "namespaceFile");
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(output, "output");
        filter = filter == null ? "" : filter.strip();
        if (packetLimit < 0) {
            throw new IllegalArgumentException("packetLimit must not be negative");
        }
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("timeLimit must be positive");
        }
        place = place == null ? interfaceName : place;
    }

    /** The same capture of {@code target}. */
    public static CaptureRequest of(CaptureTarget target, String filter, int packetLimit, Duration timeLimit, Path output) {
        return new CaptureRequest(target.place(), target.namespaceFile(), target.interfaceName(), filter, packetLimit,
                timeLimit, output);
    }
}
