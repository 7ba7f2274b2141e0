package dev.netlens.live;

import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.NetNamespace;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.snapshot.Tunnel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Puts the last known picture of engines that stopped answering back into a fresh snapshot. */
final class StaleHostMerge {
    private StaleHostMerge() {
    }

    static TopologySnapshot keep(TopologySnapshot fresh, TopologySnapshot previous, Set<String> staleHostIds) {
        Set<String> present = new HashSet<>();
        fresh.hosts().forEach(h -> present.add(h.id()));
        Predicate<String> kept = id -> staleHostIds.contains(id) && !present.contains(id);
        if (previous == null || previous.hosts().stream().map(Host::id).noneMatch(kept)) {
            return fresh;
        }
        Set<String> keptNamespaces = new HashSet<>();
        previous.namespaces().stream().filter(n -> kept.test(n.host())).map(NetNamespace::id).forEach(keptNamespaces::add);
        Set<String> tunnelKeys = new HashSet<>();
        fresh.tunnels().forEach(t -> tunnelKeys.add(tunnelKey(t)));
        return new TopologySnapshot(fresh.schema(), fresh.capturedAt(), fresh.source(),
                concat(fresh.hosts(), previous.hosts().stream().filter(h -> kept.test(h.id())).toList()),
                concat(fresh.namespaces(), previous.namespaces().stream().filter(n -> kept.test(n.host())).toList()),
                concat(fresh.interfaces(), previous.interfaces().stream().filter(i -> keptNamespaces.contains(i.namespace())).toList()),
                concat(fresh.networks(), previous.networks().stream().filter(n -> kept.test(n.host())).toList()),
                concat(fresh.containers(), previous.containers().stream().filter(c -> kept.test(c.host())).toList()),
                concat(fresh.tunnels(), previous.tunnels().stream()
                        .filter(t -> (kept.test(String.valueOf(t.from().host())) || kept.test(String.valueOf(t.to().host())))
                                && !tunnelKeys.contains(tunnelKey(t)))
                        .toList()));
    }

    private static String tunnelKey(Tunnel t) {
        String a = t.from().address();
        String b = t.to().address();
        return t.network() + "|" + (a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
