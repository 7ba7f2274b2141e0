package dev.netlens.lab;

import java.util.List;

/**
 * How to build the lab.
 *
 * @param image the image every lab container runs ({@code sleep infinity} needs nothing else)
 * @param dns DNS servers for the containers on bridges, macvlan and overlay; empty: the engine's
 */
public record LabOptions(String image, List<String> dns) {
    /** busybox is tiny and has the tools a lesson uses: ip, ping, nslookup, wget, nc. */
    public static final String DEFAULT_IMAGE = "busybox:1.36";
    /** The image the test lab makes locally (.ci/lab/engines-up.sh), for machines without a registry. */
    public static final String LOCAL_IMAGE_HINT = "netlens/busybox:lab";

    public LabOptions {
        dns = List.copyOf(dns);
    }

    public static LabOptions defaults() {
        return new LabOptions(DEFAULT_IMAGE, List.of());
    }
}
