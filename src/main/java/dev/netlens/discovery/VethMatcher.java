package dev.netlens.discovery;

import dev.netlens.discovery.kernel.KernelLink;
import dev.netlens.snapshot.InterfaceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Pairs the two ends of each veth across namespaces. The kernel gives each end its peer's ifindex
 * and, when the peer lives elsewhere, a namespace id that only makes sense inside the reading
 * namespace; so two ends are paired when each names the other's ifindex, they share a kernel, and
 * they agree on whether they are in the same namespace. An ambiguous end stays unpaired rather
 * than being guessed.
 */
final class VethMatcher {
    /** One veth end with where it was read. */
    record End(String interfaceId, String kernel, String namespaceId, KernelLink link) {
    }

    private VethMatcher() {
    }

    /** @return interface id to its peer's interface id, both directions */
    static Map<String, String> match(List<End> ends) {
        Map<String, List<End>> byKernelAndIndex = new HashMap<>();
        for (End end : ends) {
            if (end.link().kind() == InterfaceKind.VETH) {
                byKernelAndIndex.computeIfAbsent(key(end.kernel(), end.link().ifindex()), k -> new ArrayList<>()).add(end);
            }
        }
        Map<End, List<End>> candidates = new HashMap<>();
        for (End end : ends) {
            KernelLink link = end.link();
            if (link.kind() != InterfaceKind.VETH || link.linkIndex() == null) {
                continue;
            }
            List<End> found = new ArrayList<>();
            for (End other : byKernelAndIndex.getOrDefault(key(end.kernel(), link.linkIndex()), List.of())) {
                if (other != end && pointsBack(end, other)) {
                    found.add(other);
                }
            }
            candidates.put(end, found);
        }
        // Pair only where each end has exactly the other as its candidate.
        Map<String, String> peers = new HashMap<>();
        candidates.forEach((end, found) -> {
            if (found.size() == 1 && candidates.getOrDefault(found.get(0), List.of()).equals(List.of(end))) {
                peers.put(end.interfaceId(), found.get(0).interfaceId());
            }
        });
        return peers;
    }

    private static boolean pointsBack(End a, End b) {
        if (!Objects.equals(b.link().linkIndex(), a.link().ifindex())) {
            return false;
        }
        boolean aLocal = a.link().linkNetnsId() == null;
        boolean bLocal = b.link().linkNetnsId() == null;
        boolean sameNamespace = a.namespaceId().equals(b.namespaceId());
        return aLocal == bLocal && aLocal == sameNamespace;
    }

    private static String key(String kernel, int ifindex) {
        return kernel + "#" + ifindex;
    }
}
