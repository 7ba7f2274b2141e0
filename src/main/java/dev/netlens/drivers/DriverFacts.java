package dev.netlens.drivers;

import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.Network;
import dev.netlens.snapshot.TopologySnapshot;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the live hosts show about one driver: usage per host and in total, and each network's facts.
 *
 * @param networks distinct networks in total: an overlay seen from two nodes counts once
 * @param containers distinct containers attached, whatever their state; {@code container:} members that
 *     borrow another container's namespace are not counted, they own no attachment
 */
public record DriverFacts(Driver driver, int networks, int containers, int running, List<HostUsage> hosts,
        List<NetworkFacts> networkFacts) {
    public DriverFacts {
        hosts = List.copyOf(hosts);
        networkFacts = List.copyOf(networkFacts);
    }

    /** @param snapshot may be null (nothing discovered yet): all counts are then zero */
    public static DriverFacts from(TopologySnapshot snapshot, Driver driver) {
        if (snapshot == null) {
            return new DriverFacts(driver, 0, 0, 0, List.of(), List.of());
        }
        Lookup lookup = new Lookup(snapshot);
        Set<String> networkIds = new LinkedHashSet<>();
        Set<String> containerIds = new LinkedHashSet<>();
        Set<String> runningIds = new LinkedHashSet<>();
        List<HostUsage> usage = new ArrayList<>();
        List<NetworkFacts> facts = new ArrayList<>();
        for (Host host : snapshot.hosts()) {
            List<Network> nets = snapshot.networks().stream()
                    .filter(n -> host.id().equals(n.host()) && Driver.of(n).orElse(null) == driver)
                    .toList();
            List<Container> users = snapshot.containers().stream()
                    .filter(c -> host.id().equals(c.host()) && lookup.uses(c, driver))
                    .toList();
            nets.forEach(n -> networkIds.add(n.id()));
            users.forEach(c -> containerIds.add(c.id()));
            users.stream().filter(Container::running).forEach(c -> runningIds.add(c.id()));
            usage.add(new HostUsage(host.id(), host.name(), nets.size(), users.size(),
                    (int) users.stream().filter(Container::running).count()));
            nets.forEach(n -> facts.add(NetworkFactsReader.read(lookup, host, n, driver)));
        }
        return new DriverFacts(driver, networkIds.size(), containerIds.size(), runningIds.size(), usage, facts);
    }
}
