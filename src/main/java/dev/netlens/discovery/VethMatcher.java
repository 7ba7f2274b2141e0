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
        // Pair only where each end has exactly the other as its candidate. Ifindexes are per
        // namespace, so two engines on one kernel can repeat a pair of numbers: an end with several
        // candidates is narrowed by what the pairs already made say (a namespace's netnsid names one
        // peer namespace), then by its own engine, and paired only if one candidate is left.
        Map<String, String> peers = new HashMap<>();
        Map<String, String> netnsPeer = new HashMap<>(); // "namespace#netnsid" -> peer namespace
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Map.Entry<End, List<End>> e : candidates.entrySet()) {
                End end = e.getKey();
                if (peers.containsKey(end.interfaceId())) {
                    continue;
                }
                List<End> found = narrowed(end, e.getValue(), netnsPeer);
                if (found.size() != 1) {
                    continue;
                }
                End other = found.get(0);
                if (peers.containsKey(other.interfaceId())
                        || !narrowed(other, candidates.getOrDefault(other, List.of()), netnsPeer).equals(List.of(end))) {
                    continue;
                }
                peers.put(end.interfaceId(), other.interfaceId());
                peers.put(other.interfaceId(), end.interfaceId());
                learn(end, other, netnsPeer);
                learn(other, end, netnsPeer);
                progress = true;
            }
        }
        return peers;
    }

    private static List<End> narrowed(End end, List<End> found, Map<String, String> netnsPeer) {
        if (found.size() <= 1) {
            return found;
        }
        List<End> out = found;
        String known = end.link().linkNetnsId() == null ? null : netnsPeer.get(end.namespaceId() + "#" + end.link().linkNetnsId());
        if (known != null) {
            out = out.stream().filter(o -> o.namespaceId().equals(known)).toList();
        }
        if (out.size() > 1) {
            List<End> sameEngine = out.stream().filter(o -> engine(o).equals(engine(end))).toList();
            if (!sameEngine.isEmpty()) {
                out = sameEngine;
            }
        }
        return out;
    }

    private static void learn(End end, End peer, Map<String, String> netnsPeer) {
        if (end.link().linkNetnsId() != null) {
            netnsPeer.putIfAbsent(end.namespaceId() + "#" + end.link().linkNetnsId(), peer.namespaceId());
        }
    }

    /** The engine a namespace id belongs to: its part before "/ns/" (ids are "HOST/ns/NAME"). */
    private static String engine(End end) {
        int at = end.namespaceId().indexOf("/ns/");
        return at < 0 ? end.namespaceId() : end.namespaceId().substring(0, at);
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
