package dev.netlens.trace;

import dev.netlens.dns.ContainerNames;
import dev.netlens.dns.DnsName;
import dev.netlens.dns.DnsNames;
import dev.netlens.dns.NetworkNames;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Endpoint;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.InterfaceKind;
import dev.netlens.snapshot.NetInterface;
import dev.netlens.snapshot.NetNamespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns the trace's arguments into places: containers, the host, or a client elsewhere. */
final class Endpoints {
    private final SnapshotIndex index;

    Endpoints(SnapshotIndex index) {
        this.index = index;
    }

    /** The source: a container, {@code host}, or an IPv4 address. */
    Place source(String text, String hostHint) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new TraceArgumentException("the source is empty");
        }
        Container c = container(s);
        if (c != null) {
            return ofContainer(c);
        }
        Host h = host(s, hostHint);
        if (h != null) {
            return ofHost(h, s);
        }
        Integer address = Ipv4.parse(s);
        if (address != null && s.indexOf('/') < 0) {
            Place known = byAddress(address, s, hostHint);
            return known != null ? known : client(address, s, hostHint);
        }
        throw new TraceArgumentException("no container, host or IPv4 address '" + s + "' in the snapshot");
    }

    /** The destination, resolved as the source would: a container, a DNS name its networks answer, the host, an address. */
    Place destination(String name, Place from) {
        Container c = container(name);
        if (c != null) {
            Place p = ofContainer(c);
            return p.kind() == Place.Kind.CONTAINER ? p.withAddress(addressFacing(c, from)) : p;
        }
        Host h = host(name, from.host());
        if (h != null) {
            return ofHost(h, name);
        }
        Integer address = Ipv4.parse(name);
        if (address != null && name.indexOf('/') < 0) {
            Place known = byAddress(address, name, from.host());
            if (known != null) {
                return known.withAddress(name);
            }
            return new Place(Place.Kind.CLIENT, name, from.host(), null, name, null, null);
        }
        String resolved = resolve(name, from);
        if (resolved != null) {
            Place known = byAddress(Ipv4.parse(resolved), name, from.host());
            return known != null ? known.withAddress(resolved)
                    : new Place(Place.Kind.CLIENT, name, from.host(), null, resolved, null, null);
        }
        throw new TraceArgumentException(from.container() == null
                ? "no container or host '" + name + "' in the snapshot (DNS names resolve only from a container)"
                : "no container '" + name + "' in the snapshot, and " + from.label() + "’s networks resolve no such name");
    }

    private Container container(String ref) {
        String r = ref.startsWith("/") ? ref.substring(1) : ref;
        Container byName = null;
        Container byPrefix = null;
        int prefixes = 0;
        for (Container c : index.snapshot.containers()) {
            if (c.id().equals(r)) {
                return c;
            }
            if (c.name().equals(r)) {
                byName = c;
            } else if (r.length() >= 4 && c.id().startsWith(r.toLowerCase(Locale.ROOT))) {
                byPrefix = c;
                prefixes++;
            }
        }
        if (byName != null) {
            return byName;
        }
        if (prefixes > 1) {
            throw new TraceArgumentException("'" + ref + "' names " + prefixes + " containers; give more of the id");
        }
        return byPrefix;
    }

    private Host host(String s, String hint) {
        List<Host> hosts = index.snapshot.hosts();
        if (s.equalsIgnoreCase("host")) {
            if (hosts.isEmpty()) {
                throw new TraceArgumentException("the snapshot holds no host");
            }
            return hosts.stream().filter(h -> h.id().equals(hint)).findFirst().orElse(hosts.get(0));
        }
        return hosts.stream().filter(h -> h.id().equals(s) || h.name().equals(s)).findFirst().orElse(null);
    }

    private Place ofHost(Host h, String label) {
        NetNamespace ns = index.hostNamespace(h.id());
        return new Place(Place.Kind.HOST, label, h.id(), ns == null ? null : ns.id(), null, null, null);
    }

    private Place ofContainer(Container c) {
        NetNamespace ns = index.namespace(c.namespace());
        if (ns != null && ns.kind() == dev.netlens.snapshot.NamespaceKind.HOST) {
            return new Place(Place.Kind.HOST, c.name(), c.host(), ns.id(), null, c, null);
        }
        return new Place(Place.Kind.CONTAINER, c.name(), c.host(), ns == null ? null : ns.id(), null, c, null);
    }

    /** The container's address a peer would use: on a network both share, else its first. */
    private String addressFacing(Container c, Place from) {
        Container owner = index.snapshot.networkOwner(c).orElse(c);
        List<Endpoint> endpoints = owner.endpoints();
        if (from.container() != null) {
            Container src = index.snapshot.networkOwner(from.container()).orElse(from.container());
            for (Endpoint e : endpoints) {
                for (Endpoint f : src.endpoints()) {
                    if (e.ipv4() != null && e.network().equals(f.network())) {
                        return Ipv4.bare(e.ipv4());
                    }
                }
            }
        }
        for (Endpoint e : endpoints) {
            if (e.ipv4() != null) {
                return Ipv4.bare(e.ipv4());
            }
        }
        if (c.namespace() != null) {
            for (NetInterface i : index.interfacesIn(c.namespace())) {
                if (i.kind() != InterfaceKind.LOOPBACK && SnapshotIndex.firstIpv4(i) != null) {
                    return SnapshotIndex.firstIpv4(i);
                }
            }
        }
        return null;
    }

    /** A captured place holding the address: a container's namespace or a host's, or null. */
    private Place byAddress(int address, String label, String preferredHost) {
        NetInterface held = null;
        for (NetInterface i : index.holding(address)) {
            if (held == null || preferredHost != null && preferredHost.equals(index.hostOf(i))) {
                held = i;
            }
        }
        if (held == null) {
            return null;
        }
        NetNamespace ns = index.namespace(held.namespace());
        if (ns == null) {
            return null;
        }
        String text = Ipv4.text(address);
        if (ns.kind() == dev.netlens.snapshot.NamespaceKind.HOST) {
            return new Place(Place.Kind.HOST, label, ns.host(), ns.id(), text, null, null);
        }
        Container c = ns.containers().isEmpty() ? null : index.container(ns.containers().get(0));
        return new Place(Place.Kind.CONTAINER, c == null ? label : c.name(), ns.host(), ns.id(), text, c, null);
    }

    /** An address of no container or host: a client elsewhere, arriving by the host interface whose route covers it. */
    private Place client(int address, String label, String hostHint) {
        List<Host> hosts = index.snapshot.hosts();
        Host h = hosts.stream().filter(x -> x.id().equals(hostHint)).findFirst()
                .orElse(hosts.isEmpty() ? null : hosts.get(0));
        NetNamespace ns = h == null ? null : index.hostNamespace(h.id());
        if (ns == null) {
            throw new TraceArgumentException("no host namespace was read for a client at " + label + " to arrive in");
        }
        return new Place(Place.Kind.CLIENT, label, h.id(), ns.id(), Ipv4.text(address), null, null);
    }

    /** What the embedded DNS answers for the name on the source's networks (the first IPv4), or null. */
    private String resolve(String name, Place from) {
        if (from.container() == null) {
            return null;
        }
        ContainerNames names = DnsNames.forContainer(index.snapshot, from.container().id()).orElse(null);
        if (names == null) {
            return null;
        }
        List<String> found = new ArrayList<>();
        for (NetworkNames n : names.networks()) {
            for (DnsName d : n.names()) {
                if (d.name().equalsIgnoreCase(name)) {
                    d.addresses().stream().filter(a -> Ipv4.parse(a) != null).findFirst().ifPresent(found::add);
                }
            }
        }
        return found.isEmpty() ? null : found.get(0);
    }
}
