package dev.netlens.discovery.helper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine host's programs the helper runs, by full path: inside a busybox image, a bare
 * {@code ip} would be busybox's applet (no {@code -j}) even in the host's mount namespace.
 */
final class HostTools {
    /** Where each program may live, in order; merged-/usr systems have all of them. */
    private static final Map<String, List<String>> PLACES = new LinkedHashMap<>();

    static {
        for (String sbin : List.of("ip", "iptables-save", "ip6tables-save", "nft")) {
            PLACES.put(sbin, List.of("/usr/sbin/" + sbin, "/sbin/" + sbin, "/usr/bin/" + sbin, "/bin/" + sbin));
        }
        PLACES.put("grep", List.of("/usr/bin/grep", "/bin/grep"));
    }

    private final Map<String, String> found = new LinkedHashMap<>();

    /** @param present the candidate paths that exist on the host */
    HostTools(List<String> present) {
        PLACES.forEach((program, places) -> places.stream().filter(present::contains).findFirst()
                .ifPresent(path -> found.put(program, path)));
    }

    static List<String> candidates() {
        List<String> all = new ArrayList<>();
        PLACES.values().forEach(all::addAll);
        return all;
    }

    /** The host's full path of a program, when it has it. */
    Optional<String> path(String program) {
        return Optional.ofNullable(found.get(program));
    }
}
