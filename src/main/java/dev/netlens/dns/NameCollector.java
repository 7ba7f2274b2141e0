package dev.netlens.dns;

import dev.netlens.i18n.Message;
import dev.netlens.i18n.Texts;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Endpoint;
import dev.netlens.snapshot.Network;
import dev.netlens.snapshot.ServiceRecord;
import dev.netlens.snapshot.ServiceTask;
import dev.netlens.snapshot.TopologySnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/** Gathers the names on a network with embedded DNS. Same name and kind from several sources merge (round robin). */
final class NameCollector {
    private static final Texts T = Bundle.TEXTS;
    private static final int SHORT_ID = 12;

    private record Key(String name, NameKind kind) {
    }

    private static final class Entry {
        final String name;
        final NameKind kind;
        final Set<String> addresses = new LinkedHashSet<>();
        final String containerId;
        final String hostId;
        final Message why;

        Entry(String name, NameKind kind, String containerId, String hostId, Message why) {
            this.name = name;
            this.kind = kind;
            this.containerId = containerId;
            this.hostId = hostId;
            this.why = why;
        }
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>();
    private final Set<String> seenNames = new HashSet<>();

    static List<DnsName> collect(TopologySnapshot snapshot, Network network) {
        NameCollector c = new NameCollector();
        Set<String> taskNames = c.services(snapshot, network);
        c.members(snapshot, network, taskNames);
        c.unseenTasks(network);
        return c.entries.values().stream()
                .map(e -> new DnsName(e.name, e.kind, List.copyOf(e.addresses), e.containerId, e.hostId, e.why))
                .toList();
    }

    /** Named swarm services: the name (VIP, or every task in dnsrr mode), tasks.name, and each task. */
    private Set<String> services(TopologySnapshot snapshot, Network network) {
        Set<String> taskNames = new HashSet<>();
        for (ServiceRecord s : network.services()) {
            if (s.name() == null || s.name().isEmpty()) {
                continue;
            }
            List<String> taskIps = s.tasks().stream().map(ServiceTask::endpointIp).filter(Objects::nonNull)
                    .map(NameCollector::bare).toList();
            String vip = vip(s.vip());
            if (vip != null) {
                add(s.name(), NameKind.SERVICE, List.of(vip), null, null, T.message("dns.name.serviceVip"));
            } else {
                add(s.name(), NameKind.SERVICE, taskIps, null, null, T.message("dns.name.serviceDnsrr"));
            }
            add("tasks." + s.name(), NameKind.SERVICE, taskIps, null, null, T.message("dns.name.serviceTasks"));
            for (ServiceTask task : s.tasks()) {
                Container c = byName(snapshot, task.name());
                add(task.name(), NameKind.TASK, ips(task.endpointIp()), c == null ? null : c.id(),
                        c == null ? null : c.host(), T.message("dns.name.task"));
                taskNames.add(task.name());
            }
        }
        return taskNames;
    }

    /** Running containers attached here: on this host, or on any node for a swarm-scoped network. */
    private void members(TopologySnapshot snapshot, Network network, Set<String> taskNames) {
        boolean swarm = "swarm".equals(network.scope()) || "global".equals(network.scope());
        List<Container> sorted = snapshot.containers().stream()
                .filter(Container::running)
                .filter(c -> swarm || network.host().equals(c.host()))
                .sorted(Comparator.comparing(Container::name))
                .toList();
        for (Container c : sorted) {
            for (Endpoint e : c.endpoints()) {
                if (!network.id().equals(e.network())) {
                    continue;
                }
                List<String> addrs = Stream.of(e.ipv4(), e.ipv6()).filter(Objects::nonNull).map(NameCollector::bare).toList();
                if (addrs.isEmpty()) {
                    continue;
                }
                String shortId = c.id().length() > SHORT_ID ? c.id().substring(0, SHORT_ID) : c.id();
                if (!taskNames.contains(c.name())) {
                    Message why = c.host().equals(network.host()) ? T.message("dns.name.container")
                            : T.message("dns.name.remoteContainer", hostName(snapshot, c.host()));
                    add(c.name(), NameKind.CONTAINER, addrs, c.id(), c.host(), why);
                }
                // Engines up to 25 list the name and short id among the aliases too: they are not aliases.
                for (String alias : e.aliases()) {
                    if (!alias.equals(c.name()) && !alias.equals(shortId) && !alias.equals(c.id())) {
                        add(alias, NameKind.ALIAS, addrs, c.id(), c.host(), T.message("dns.name.alias"));
                    }
                }
                add(shortId, NameKind.ID, addrs, c.id(), c.host(), T.message("dns.name.id"));
            }
        }
    }

    /**
     * Plain containers on an attachable overlay are filed under the "" service: those on nodes Netlens did not
     * read are known only from there.
     */
    private void unseenTasks(Network network) {
        if (!"overlay".equals(network.driver())) {
            return;
        }
        for (ServiceRecord s : network.services()) {
            if (s.name() != null && !s.name().isEmpty()) {
                continue;
            }
            for (ServiceTask task : s.tasks()) {
                if (task.name() != null && !seenNames.contains(task.name().toLowerCase(Locale.ROOT))) {
                    add(task.name(), NameKind.CONTAINER, ips(task.endpointIp()), null, null,
                            T.message("dns.name.gossiped", task.hostIp() == null ? "?" : task.hostIp()));
                }
            }
        }
    }

    private void add(String name, NameKind kind, List<String> addresses, String containerId, String hostId, Message why) {
        // The embedded DNS matches names case-insensitively.
        Entry e = entries.computeIfAbsent(new Key(name.toLowerCase(Locale.ROOT), kind),
                k -> new Entry(name, kind, containerId, hostId, why));
        e.addresses.addAll(addresses);
        seenNames.add(name.toLowerCase(Locale.ROOT));
    }

    private static Container byName(TopologySnapshot snapshot, String name) {
        return snapshot.containers().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    private static String hostName(TopologySnapshot snapshot, String hostId) {
        return snapshot.hosts().stream().filter(h -> h.id().equals(hostId)).map(h -> h.name()).findFirst().orElse(hostId);
    }

    /** The engine prints a missing VIP as "<nil>" (Go's nil) or leaves it empty. */
    private static String vip(String raw) {
        return raw == null || raw.isBlank() || raw.equals("<nil>") ? null : bare(raw);
    }

    private static List<String> ips(String ip) {
        return ip == null || ip.isBlank() ? List.of() : new ArrayList<>(List.of(bare(ip)));
    }

    private static String bare(String address) {
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }
}
