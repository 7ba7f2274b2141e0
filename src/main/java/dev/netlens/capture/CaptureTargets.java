package dev.netlens.capture;

import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.InterfaceKind;
import dev.netlens.snapshot.NetInterface;
import dev.netlens.snapshot.NetNamespace;
import dev.netlens.snapshot.TopologySnapshot;
import java.util.List;
import java.util.Optional;

/**
 * Where to capture, from a snapshot: an interface by its id (as the JSON export and the property
 * panel show it), a container's namespace by its name, or the underlay of an overlay's VXLAN device
 * (the host interface holding the swarm address, filtered to the VXLAN port). Only a host whose
 * kernel Netlens reads (a local engine) can be captured on.
 */
public final class CaptureTargets {
    /** The VXLAN port Docker uses when a device does not say. */
    static final int DEFAULT_VXLAN_PORT = 4789;
    private final TopologySnapshot snapshot;

    public CaptureTargets(TopologySnapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** The interface {@code id} in its namespace. */
    public CaptureTarget forInterface(String id) throws CaptureException {
        NetInterface i = snapshot.interfaces().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new CaptureException(CaptureException.Problem.NOT_FOUND,
                        "no interface " + id + " (ids as in the JSON export: HOSTID/ns/NAMESPACE/IFNAME)"));
        NetNamespace ns = namespace(i.namespace());
        return new CaptureTarget(place(i.name(), ns), readable(ns), i.name(), "");
    }

    /**
     * Every interface of a container's namespace ({@code any}), or its one interface besides the
     * loopback when it has only one (a file of that link type reads like a capture on the veth).
     */
    public CaptureTarget forContainer(String nameOrId) throws CaptureException {
        String ref = nameOrId.startsWith("/") ? nameOrId.substring(1) : nameOrId;
        List<Container> matches = snapshot.containers().stream().filter(c -> ref.equals(c.name()) || ref.equals(c.id())).toList();
        if (matches.isEmpty() && ref.length() >= 4) {
            matches = snapshot.containers().stream().filter(c -> c.id().startsWith(ref)).toList();
        }
        if (matches.isEmpty()) {
            throw new CaptureException(CaptureException.Problem.NOT_FOUND, "no container " + nameOrId);
        }
        if (matches.size() > 1) {
            throw new CaptureException(CaptureException.Problem.NOT_FOUND,
                    "more than one container is called " + nameOrId + ": give its id or an interface id");
        }
        Container c = matches.get(0);
        Container owner = snapshot.networkOwner(c).orElse(c);
        if (owner.namespace() == null) {
            throw new CaptureException(CaptureException.Problem.NOT_FOUND, "container " + nameOrId
                    + " has no network namespace to capture in (" + (c.state() == null ? "not running" : c.state()) + ")");
        }
        NetNamespace ns = namespace(owner.namespace());
        String file = readable(ns);
        List<NetInterface> own = snapshot.interfaces().stream()
                .filter(i -> i.namespace().equals(ns.id()) && i.kind() != InterfaceKind.LOOPBACK).toList();
        String name = own.size() == 1 ? own.get(0).name() : "any";
        return new CaptureTarget(name + " of " + c.name() + " on " + hostName(ns.host()), file, name, "");
    }

    /**
     * The underlay under an overlay's VXLAN device {@code vxlanId}: the interface of its host's own
     * namespace that holds the swarm address, with a filter for the tunnel's UDP port. Empty when the
     * interface is no VXLAN device or its host has no known underlay interface.
     */
    public Optional<CaptureTarget> underlayOf(String vxlanId) throws CaptureException {
        NetInterface vx = snapshot.interfaces().stream().filter(x -> x.id().equals(vxlanId)).findFirst().orElse(null);
        if (vx == null || vx.kind() != InterfaceKind.VXLAN) {
            return Optional.empty();
        }
        NetNamespace overlayNs = namespace(vx.namespace());
        Host host = host(overlayNs.host());
        if (host.underlayAddress() == null) {
            return Optional.empty();
        }
        NetNamespace hostNs = snapshot.namespaces().stream()
                .filter(n -> n.host().equals(host.id()) && "host".equals(n.name())).findFirst().orElse(null);
        if (hostNs == null) {
            return Optional.empty();
        }
        Optional<NetInterface> underlay = snapshot.interfaces().stream()
                .filter(i -> i.namespace().equals(hostNs.id())
                        && i.addresses().stream().anyMatch(a -> a.split("/")[0].equals(host.underlayAddress())))
                .findFirst();
        if (underlay.isEmpty()) {
            return Optional.empty();
        }
        int port = vx.vxlanPort() == null ? DEFAULT_VXLAN_PORT : vx.vxlanPort();
        return Optional.of(new CaptureTarget(place(underlay.get().name(), hostNs), readable(hostNs), underlay.get().name(),
                "udp port " + port));
    }

    private NetNamespace namespace(String id) throws CaptureException {
        return snapshot.namespaces().stream().filter(n -> n.id().equals(id)).findFirst()
                .orElseThrow(() -> new CaptureException(CaptureException.Problem.NOT_FOUND, "no namespace " + id));
    }

    private Host host(String id) throws CaptureException {
        return snapshot.hosts().stream().filter(h -> h.id().equals(id)).findFirst()
                .orElseThrow(() -> new CaptureException(CaptureException.Problem.NOT_FOUND, "no host " + id));
    }

    /** The namespace file to enter, or the reason there is none: a remote engine's kernel is not ours to enter. */
    private String readable(NetNamespace ns) throws CaptureException {
        Host host = host(ns.host());
        if (!host.kernelView() || ns.path() == null || host.endpoint() != null && !host.endpoint().startsWith("unix://")) {
            throw new CaptureException(CaptureException.Problem.REMOTE, hostName(ns.host()));
        }
        return ns.path();
    }

    private String place(String ifName, NetNamespace ns) {
        String where = "host".equals(ns.name()) ? "the host"
                : snapshot.containers().stream().filter(c -> ns.id().equals(c.namespace())).map(Container::name)
                        .findFirst().orElse("namespace " + ns.name());
        return ifName + " of " + where + " on " + hostName(ns.host());
    }

    private String hostName(String hostId) {
        return snapshot.hosts().stream().filter(h -> h.id().equals(hostId)).map(h -> h.name() == null ? h.id() : h.name())
                .findFirst().orElse(hostId);
    }
}
