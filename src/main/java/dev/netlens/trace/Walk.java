package dev.netlens.trace;

import dev.netlens.firewall.Rule;
import dev.netlens.i18n.Message;
import dev.netlens.i18n.Texts;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.InterfaceKind;
import dev.netlens.snapshot.NamespaceKind;
import dev.netlens.snapshot.NetInterface;
import dev.netlens.snapshot.NetNamespace;
import dev.netlens.snapshot.Network;
import dev.netlens.snapshot.Tunnel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One trace's walk: the packet moved namespace by namespace (route, veth, bridge, VXLAN, macvlan) and
 * through each host's hooks, collecting hops until a verdict. Mutable and used once.
 */
final class Walk {
    private static final Texts T = Bundle.TEXTS;
    /** More hops than any real path has: a routing loop in the capture ends the walk instead of the JVM. */
    private static final int MAX_STEPS = 64;
    private static final String BR_NF = "net.bridge.bridge-nf-call-iptables";
    private static final String FORWARDING = "net.ipv4.ip_forward";

    /** A packet that crossed FORWARD on a host, with how it looked there, for its reply's check. */
    private record Forwarded(String host, Packet packet) {
    }

    private final SnapshotIndex index;
    private final Function<String, RouteTable> routes;
    private final Firewalls firewalls;
    private final List<Hop> hops = new ArrayList<>();
    private final List<Forwarded> forwarded = new ArrayList<>();
    private Verdict verdict;
    private Message reason;
    private RuleRef deciding;
    private RuleRef accepting;
    private Place destination;
    /** The container whose namespace a {@code container:} source shares, or null. */
    private String sharedOwner;
    private int steps;

    Walk(SnapshotIndex index, Function<String, RouteTable> routes, Firewalls firewalls) {
        this.index = index;
        this.routes = routes;
        this.firewalls = firewalls;
    }

    TraceResult run(String fromText, String toText, Place src, Place dst, Protocol protocol, Integer port) {
        this.destination = dst;
        start(src, dst, protocol, port);
        if (verdict == null) {
            stop(Verdict.UNKNOWN, T.message("reason.unfinished"), null);
        }
        RuleRef rule = deciding != null ? deciding : verdict == Verdict.DELIVERED ? accepting : null;
        return new TraceResult(fromText, toText, protocol, port, verdict, reason, rule, hops);
    }

    private void start(Place src, Place dst, Protocol protocol, Integer port) {
        if (src.container() != null && !src.container().running()) {
            stop(Verdict.UNREACHABLE, T.message("reason.notRunning", src.label(), src.container().state()), null);
            return;
        }
        if (dst.container() != null && !dst.container().running()) {
            stop(Verdict.UNREACHABLE, T.message("reason.notRunning", dst.label(), dst.container().state()), null);
            return;
        }
        if (src.namespace() == null || index.namespace(src.namespace()) == null) {
            stop(Verdict.UNKNOWN, T.message("reason.noNamespace", src.label()), null);
            return;
        }
        if (src.container() != null && Container.sharedNetworkRef(src.container().networkMode()).isPresent()) {
            sharedOwner = index.snapshot.networkOwner(src.container()).map(Container::name)
                    .orElse(Container.sharedNetworkRef(src.container().networkMode()).get());
        }
        if (src.kind() == Place.Kind.CLIENT) {
            arriveFromClient(src, dst, protocol, port);
            return;
        }
        String dstAddress = dst.address();
        if (dstAddress == null && dst.kind() == Place.Kind.HOST) {
            dstAddress = hostAddressFor(src, dst);
        }
        if (dstAddress == null) {
            stop(Verdict.UNREACHABLE, T.message("reason.noAddress", dst.label()), null);
            return;
        }
        this.destination = dst.withAddress(dstAddress);
        if (dst.kind() == Place.Kind.CLIENT && serviceVip(dstAddress) != null) {
            stop(Verdict.UNKNOWN, T.message("reason.vip", dst.label(), dstAddress, serviceVip(dstAddress)), null);
            return;
        }
        originate(index.namespace(src.namespace()), new Packet(protocol, null, null, dstAddress, port, null, null, null,
                null, CtState.NEW, false, false));
    }

    // ---- where the packet starts

    /** A client elsewhere: its packet arrives by the host interface whose route covers its address. */
    private void arriveFromClient(Place src, Place dst, Protocol protocol, Integer port) {
        NetNamespace ns = index.namespace(src.namespace());
        RouteTable.Choice back = routes.apply(ns.id()).lookup(Ipv4.parse(src.address()));
        if (back == null || back.device() == null) {
            stop(Verdict.UNREACHABLE, T.message("reason.clientNoRoute", src.address(), hostName(ns.host())), null);
            return;
        }
        NetInterface in = back.device();
        String dstAddress = dst.address();
        if (dstAddress == null && dst.kind() == Place.Kind.HOST) {
            dstAddress = SnapshotIndex.firstIpv4(in);
        }
        if (dstAddress == null) {
            stop(Verdict.UNREACHABLE, T.message("reason.noAddress", dst.label()), null);
            return;
        }
        this.destination = dst.withAddress(dstAddress);
        Packet p = new Packet(protocol, src.address(), null, dstAddress, port, null, null, null, null, CtState.NEW, false,
                false);
        hop(HopKind.ROUTE, ns.host(), ns.id(), in.id(), null, null, null, null, "arrive by " + in.name(),
                T.message(back.derived() ? "hop.clientArrives.derived" : "hop.clientArrives", src.address(), in.name(),
                        hostName(ns.host()), routeText(back)));
        arrive(ns, in, p);
    }

    /** A packet a namespace sends itself: routed there, through OUTPUT and POSTROUTING when it is a host's. */
    private void originate(NetNamespace ns, Packet p) {
        if (!step()) {
            return;
        }
        int dst = Ipv4.parse(p.destination());
        boolean host = ns.kind() == NamespaceKind.HOST;
        if (host && macvlanChildOf(ns, dst)) {
            return;
        }
        boolean local = index.isLocal(dst, ns.id());
        RouteTable.Choice choice = local ? null : routes.apply(ns.id()).lookup(dst);
        if (!local && !routable(ns, choice, p.destination())) {
            return;
        }
        if (p.source() == null) {
            p = withSource(p, local ? p.destination() : choice.source());
        }
        if (!local) {
            routeHop(ns, choice, p);
        }
        if (!host) {
            if (local) {
                loopback(ns, p);
            } else {
                transmit(ns, choice, p);
            }
            return;
        }
        String out = local ? "lo" : choice.device().name();
        Packet at = hookPacket(p, null, out, null, null, local, true);
        Packet after = hook(ns.host(), Hook.OUTPUT, at);
        if (after == null) {
            return;
        }
        if (!after.destination().equals(p.destination())) {
            p = withDestination(p, after.destination(), after.destinationPort());
            dst = Ipv4.parse(p.destination());
            if (macvlanChildOf(ns, dst)) {
                return;
            }
            local = index.isLocal(dst, ns.id());
            choice = local ? null : routes.apply(ns.id()).lookup(dst);
            if (!local && !routable(ns, choice, p.destination())) {
                return;
            }
            if (!local) {
                routeHop(ns, choice, p);
            }
        }
        if (local) {
            loopback(ns, p);
            return;
        }
        Packet post = hook(ns.host(), Hook.POSTROUTING, hookPacket(p, null, choice.device().name(), null, null, false, true));
        if (post == null) {
            return;
        }
        transmit(ns, choice, withSource(p, post.source()));
    }

    /** To an address of its own namespace: through the loopback device (INPUT on a host). */
    private void loopback(NetNamespace ns, Packet p) {
        NetInterface lo = index.interfacesIn(ns.id()).stream().filter(i -> i.kind() == InterfaceKind.LOOPBACK)
                .findFirst().orElse(null);
        hop(HopKind.LOOPBACK, ns.host(), ns.id(), lo == null ? null : lo.id(), null, null, null, null, "loopback",
                T.message("hop.loopback", nsLabel(ns), p.destination()));
        if (ns.kind() == NamespaceKind.HOST
                && hook(ns.host(), Hook.INPUT, hookPacket(p, "lo", null, null, null, true, true)) == null) {
            return;
        }
        deliver(ns, p);
    }

    // ---- crossing devices

    private void transmit(NetNamespace ns, RouteTable.Choice choice, Packet p) {
        NetInterface dev = choice.device();
        Integer nh = Ipv4.parse(choice.nextHop());
        switch (dev.kind()) {
            case VETH -> crossVeth(dev, p, nh);
            case BRIDGE -> bridge(dev, null, p, nh);
            case MACVLAN, IPVLAN -> macvlan(ns, dev, p, nh);
            case LOOPBACK -> loopback(ns, p);
            default -> leave(ns, dev, p);
        }
    }

    private void crossVeth(NetInterface dev, Packet p, Integer nh) {
        NetInterface peer = index.iface(dev.peer());
        NetNamespace from = index.namespace(dev.namespace());
        if (peer == null && from != null && destination.kind() == Place.Kind.CLIENT) {
            // A veth into a namespace Netlens does not read (one made by hand, `ip netns add`): for a
            // client address, that is where captured state ends, as out of a physical device.
            leave(from, dev, p);
            return;
        }
        if (peer == null) {
            hop(HopKind.VETH, hostOf(dev), dev.namespace(), dev.id(), null, null, null, null, "send by " + dev.name(),
                    T.message("hop.veth.noPeer", dev.name()));
            stop(Verdict.UNKNOWN, T.message("reason.vethNoPeer", dev.name()), null);
            return;
        }
        NetNamespace to = index.namespace(peer.namespace());
        hop(HopKind.VETH, hostOf(peer), peer.namespace(), peer.id(), null, null, null, null,
                "veth " + dev.name() + " -> " + peer.name(),
                T.message("hop.veth", dev.name(), nsLabel(index.namespace(dev.namespace())), peer.name(), nsLabel(to)));
        NetInterface master = index.iface(peer.master());
        if (master != null && master.kind() == InterfaceKind.BRIDGE) {
            bridge(master, peer, p, nh);
        } else if (to == null) {
            stop(Verdict.UNKNOWN, T.message("reason.namespaceNotRead", peer.name()), null);
        } else {
            arrive(to, peer, p);
        }
    }

    /**
     * A frame on a bridge, entered by {@code inPort} (null when the bridge's own namespace sent it):
     * up to the bridge's own stack when the next hop is its address, else out of the port leading there.
     */
    private void bridge(NetInterface br, NetInterface inPort, Packet p, Integer nh) {
        if (!step()) {
            return;
        }
        NetNamespace bns = index.namespace(br.namespace());
        if (nh == null) {
            stop(Verdict.UNKNOWN, T.message("reason.noNextHop", br.name()), null);
            return;
        }
        if (inPort != null && bns != null && index.isLocal(nh, bns.id())) {
            hop(HopKind.BRIDGE, bns.host(), bns.id(), br.id(), null, null, null, null, "up to " + br.name(),
                    T.message("hop.bridge.up", br.name(), inPort.name(), nsLabel(bns)));
            arrive(bns, br, p);
            return;
        }
        NetInterface out = portFor(br, nh, inPort);
        if (out == null) {
            hop(HopKind.BRIDGE, hostOf(br), br.namespace(), br.id(), null, null, null, null, "no port",
                    T.message("hop.bridge.noPort", br.name(), Ipv4.text(nh)));
            stop(Verdict.UNREACHABLE, T.message("reason.bridgeNoPort", br.name(), Ipv4.text(nh)), null);
            return;
        }
        boolean host = bns != null && bns.kind() == NamespaceKind.HOST;
        String nfKey = "hop.bridge.forward";
        boolean filtered = false;
        if (inPort != null && host) {
            String setting = sysctl(bns.host(), BR_NF);
            filtered = !"0".equals(setting);
            nfKey = setting == null ? "hop.bridge.forward.nfAssumed" : filtered ? "hop.bridge.forward.nf" : "hop.bridge.forward.noNf";
        }
        hop(HopKind.BRIDGE, hostOf(br), br.namespace(), out.id(), null, null, null, null,
                "forward to port " + out.name(),
                T.message(inPort == null ? "hop.bridge.send" : nfKey, br.name(), inPort == null ? "" : inPort.name(), out.name()));
        if (filtered) {
            String name = br.name();
            for (Hook h : List.of(Hook.PREROUTING, Hook.FORWARD, Hook.POSTROUTING)) {
                Packet at = hookPacket(p, h == Hook.POSTROUTING ? null : name, h == Hook.PREROUTING ? null : name,
                        inPort.name(), h == Hook.PREROUTING ? null : out.name(), false, false);
                Packet after = hook(bns.host(), h, at);
                if (after == null) {
                    return;
                }
                if (h == Hook.FORWARD) {
                    forwarded.add(new Forwarded(bns.host(), at));
                }
                if (!after.destination().equals(p.destination())) {
                    // A DNAT on bridged traffic (hairpin): the walk follows the new address from the bridge.
                    p = withDestination(p, after.destination(), after.destinationPort());
                    bridge(br, inPort, p, Ipv4.parse(p.destination()));
                    return;
                }
            }
        }
        crossPort(out, p, nh);
    }

    private void crossPort(NetInterface port, Packet p, Integer nh) {
        if (port.kind() == InterfaceKind.VXLAN) {
            vxlan(port, p, nh);
        } else if (port.kind() == InterfaceKind.VETH) {
            crossVeth(port, p, nh);
        } else {
            stop(Verdict.UNKNOWN, T.message("reason.portKind", port.name(), port.kind().wireName()), null);
        }
    }

    /** The bridge port whose far end holds the next hop: a veth's peer, or the VXLAN device for a remote node's. */
    private NetInterface portFor(NetInterface br, int nh, NetInterface except) {
        NetInterface vxlan = null;
        for (NetInterface port : index.portsOf(br.id())) {
            if (port == except) {
                continue;
            }
            if (port.kind() == InterfaceKind.VETH) {
                NetInterface peer = index.iface(port.peer());
                if (peer != null && holds(peer, nh)) {
                    return port;
                }
                // A veth whose far end is itself a bridge port (a namespace of its own behind it) is not followed.
            } else if (port.kind() == InterfaceKind.VXLAN) {
                vxlan = port;
            }
        }
        return vxlan != null && remote(vxlan, nh) != null ? vxlan : null;
    }

    private static boolean holds(NetInterface i, int address) {
        for (String a : i.addresses()) {
            Integer v = Ipv4.parse(a);
            if (v != null && v == address) {
                return true;
            }
        }
        return false;
    }

    // ---- VXLAN between nodes

    /** The remote end of an overlay for a next hop: the node, its bridge, the port whose veth leads to it. */
    private record Remote(Network network, NetInterface vxlan, NetInterface bridge) {
    }

    private Remote remote(NetInterface vxlanPort, int nh) {
        Network local = index.networkOfVxlan(vxlanPort.id());
        if (local == null) {
            local = index.networkOfBridge(vxlanPort.master());
        }
        if (local == null) {
            return null;
        }
        String localHost = hostOf(vxlanPort);
        for (Network n : index.snapshot.networks()) {
            if (!n.id().equals(local.id()) || n.host().equals(localHost) || n.bridge() == null) {
                continue;
            }
            NetInterface br = index.iface(n.bridge());
            if (br == null) {
                continue;
            }
            for (NetInterface port : index.portsOf(br.id())) {
                NetInterface peer = index.iface(port.peer());
                if (port.kind() == InterfaceKind.VETH && peer != null && holds(peer, nh)) {
                    NetInterface vx = index.iface(n.vxlan());
                    if (vx == null) {
                        vx = index.portsOf(br.id()).stream().filter(x -> x.kind() == InterfaceKind.VXLAN).findFirst()
                                .orElse(null);
                    }
                    return vx == null ? null : new Remote(n, vx, br);
                }
            }
        }
        return null;
    }

    private void vxlan(NetInterface vx, Packet p, int nh) {
        Remote r = remote(vx, nh);
        String localHost = hostOf(vx);
        String remoteHost = r.network().host();
        Integer vni = vx.vni() != null ? vx.vni() : r.network().vni();
        int udpPort = vx.vxlanPort() != null ? vx.vxlanPort() : 4789;
        String from = underlay(localHost, remoteHost, r.network(), true);
        String to = underlay(localHost, remoteHost, r.network(), false);
        hop(HopKind.VXLAN, localHost, vx.namespace(), vx.id(), null, null, null, null,
                "encapsulate VNI " + vni + " to " + to,
                T.message("hop.vxlan.encap", vx.name(), String.valueOf(vni), p.destination(), to == null ? "?" : to,
                        hostName(remoteHost)));
        if (from == null || to == null) {
            stop(Verdict.UNKNOWN, T.message("reason.noUnderlay", hostName(localHost), hostName(remoteHost)), null);
            return;
        }
        Packet outer = new Packet(Protocol.UDP, from, null, to, udpPort, null, null, null, null, CtState.NEW, false, false);
        NetNamespace localNs = index.hostNamespace(localHost);
        NetInterface out = null;
        if (Ipv4.parse(to) == null || Ipv4.parse(from) == null) {
            stop(Verdict.UNKNOWN, T.message("reason.noUnderlay", hostName(localHost), hostName(remoteHost)), null);
            return;
        }
        if (localNs != null) {
            RouteTable.Choice c = routes.apply(localNs.id()).lookup(Ipv4.parse(to));
            out = c == null ? null : c.device();
            String outName = out == null ? null : out.name();
            if (hook(localHost, Hook.OUTPUT, hookPacket(outer, null, outName, null, null, false, true)) == null
                    || hook(localHost, Hook.POSTROUTING, hookPacket(outer, null, outName, null, null, false, true)) == null) {
                return;
            }
        }
        NetNamespace remoteNs = index.hostNamespace(remoteHost);
        NetInterface in = remoteNs == null ? null : index.holding(Ipv4.parse(to), remoteNs.id());
        hop(HopKind.UNDERLAY, localHost, localNs == null ? null : localNs.id(), out == null ? null : out.id(), null, null,
                null, null, "udp " + from + " -> " + to + ":" + udpPort,
                T.message("hop.underlay", from, to, String.valueOf(udpPort), hostName(localHost), hostName(remoteHost)));
        if (remoteNs != null) {
            String inName = in == null ? null : in.name();
            if (hook(remoteHost, Hook.PREROUTING, hookPacket(outer, inName, null, null, null, true, false)) == null
                    || hook(remoteHost, Hook.INPUT, hookPacket(outer, inName, null, null, null, true, false)) == null) {
                return;
            }
        }
        hop(HopKind.VXLAN, remoteHost, r.vxlan().namespace(), r.vxlan().id(), null, null, null, null,
                "decapsulate VNI " + vni,
                T.message("hop.vxlan.decap", r.vxlan().name(), String.valueOf(vni), r.bridge().name(), hostName(remoteHost)));
        bridge(r.bridge(), r.vxlan(), p, nh);
    }

    /** A node's underlay address: the host's own, else a tunnel's end, else the overlay's peer list. */
    private String underlay(String localHost, String remoteHost, Network n, boolean local) {
        String host = local ? localHost : remoteHost;
        Host h = index.host(host);
        if (h != null && h.underlayAddress() != null && !h.underlayAddress().isBlank()) {
            return h.underlayAddress();
        }
        for (Tunnel t : index.snapshot.tunnels()) {
            if (t.network().equals(n.id())) {
                if (t.from() != null && host.equals(t.from().host())) {
                    return t.from().address();
                }
                if (t.to() != null && host.equals(t.to().host())) {
                    return t.to().address();
                }
            }
        }
        return null;
    }

    // ---- macvlan

    /** A macvlan child sends through its parent: to a sibling directly, never to the parent's own host. */
    private void macvlan(NetNamespace ns, NetInterface child, Packet p, Integer nh) {
        NetInterface parent = index.iface(child.parent());
        String parentName = parent == null ? "?" : parent.name();
        if (parent != null && index.isLocal(Ipv4.parse(p.destination()), parent.namespace())) {
            hop(HopKind.MACVLAN, hostOf(parent), parent.namespace(), parent.id(), null, null, null, null,
                    "no way to the parent's host", T.message("hop.macvlan.toHost", child.name(), parentName));
            stop(Verdict.UNREACHABLE, T.message("reason.macvlanHost", nsLabel(ns), parentName), null);
            return;
        }
        if (nh != null && parent != null) {
            for (NetInterface other : index.holding(nh)) {
                if (other != child && other.kind() == child.kind() && Objects.equals(other.parent(), child.parent())) {
                    hop(HopKind.MACVLAN, hostOf(other), other.namespace(), other.id(), null, null, null, null,
                            "macvlan " + child.name() + " -> " + other.name(),
                            T.message("hop.macvlan.sibling", child.name(), parentName, nsLabel(index.namespace(other.namespace()))));
                    arrive(index.namespace(other.namespace()), other, p);
                    return;
                }
                if (parent.namespace().equals(other.namespace())) {
                    hop(HopKind.MACVLAN, hostOf(parent), parent.namespace(), parent.id(), null, null, null, null,
                            "no way to the parent's host", T.message("hop.macvlan.toHost", child.name(), parentName));
                    stop(Verdict.UNREACHABLE, T.message("reason.macvlanHost", nsLabel(ns), parentName), null);
                    return;
                }
            }
        }
        hop(HopKind.MACVLAN, hostOf(child), child.namespace(), parent == null ? child.id() : parent.id(), null, null, null,
                null, "out by parent " + parentName, T.message("hop.macvlan.out", child.name(), parentName));
        leaveWorld(p, parentName);
    }

    /** The host sending to (or forwarding to) a macvlan child of its own parent device: the kernel never delivers it. */
    private boolean macvlanChildOf(NetNamespace hostNs, int dst) {
        for (NetInterface i : index.holding(dst)) {
            if (i.kind() == InterfaceKind.MACVLAN || i.kind() == InterfaceKind.IPVLAN) {
                NetInterface parent = index.iface(i.parent());
                if (parent != null && parent.namespace().equals(hostNs.id())) {
                    hop(HopKind.MACVLAN, hostNs.host(), hostNs.id(), parent.id(), null, null, null, null,
                            "no way to the child", T.message("hop.macvlan.fromHost", parent.name(), Ipv4.text(dst)));
                    stop(Verdict.UNREACHABLE, T.message("reason.macvlanHost", nsLabel(index.namespace(i.namespace())),
                            parent.name()), null);
                    return true;
                }
            }
        }
        return false;
    }

    // ---- arriving in a namespace

    private void arrive(NetNamespace ns, NetInterface in, Packet p) {
        if (!step()) {
            return;
        }
        if (ns == null) {
            stop(Verdict.UNKNOWN, T.message("reason.namespaceNotRead", in.name()), null);
            return;
        }
        if (ns.kind() == NamespaceKind.HOST) {
            hostArrive(ns, in, p);
            return;
        }
        int dst = Ipv4.parse(p.destination());
        if (index.isLocal(dst, ns.id())) {
            deliver(ns, p);
            return;
        }
        if (ns.kind() == NamespaceKind.CONTAINER) {
            stop(Verdict.UNREACHABLE, T.message("reason.containerNoForward", nsLabel(ns), p.destination()), null);
            return;
        }
        RouteTable.Choice choice = routes.apply(ns.id()).lookup(dst);
        if (!routable(ns, choice, p.destination())) {
            return;
        }
        routeHop(ns, choice, p);
        transmit(ns, choice, p);
    }

    /** A host's namespace receives a packet: PREROUTING, then INPUT for itself or FORWARD and POSTROUTING onwards. */
    private void hostArrive(NetNamespace ns, NetInterface in, Packet p) {
        String host = ns.host();
        String inName = in.name();
        int dst = Ipv4.parse(p.destination());
        boolean local = index.isLocal(dst, ns.id());
        Packet after = hook(host, Hook.PREROUTING, hookPacket(p, inName, null, null, null, local, false));
        if (after == null) {
            return;
        }
        String dnatFrom = null;
        if (!after.destination().equals(p.destination()) || !Objects.equals(after.destinationPort(), p.destinationPort())) {
            if (local) {
                dnatFrom = p.destination() + (p.destinationPort() == null ? "" : ":" + p.destinationPort());
            }
            p = withDestination(p, after.destination(), after.destinationPort());
            dst = Ipv4.parse(p.destination());
            local = index.isLocal(dst, ns.id());
        }
        if (macvlanChildOf(ns, dst)) {
            return;
        }
        if (local) {
            if (hook(host, Hook.INPUT, hookPacket(p, inName, null, null, null, true, false)) != null) {
                deliver(ns, p);
            }
            return;
        }
        if ("0".equals(sysctl(host, FORWARDING))) {
            stop(Verdict.UNREACHABLE, T.message("reason.noForwarding", hostName(host)), null);
            return;
        }
        RouteTable.Choice choice = routes.apply(ns.id()).lookup(dst);
        if (!routable(ns, choice, p.destination())) {
            return;
        }
        routeHop(ns, choice, p);
        String out = choice.device().name();
        Packet fwd = hookPacket(p, inName, out, null, null, false, false);
        if (hook(host, Hook.FORWARD, fwd) == null) {
            return;
        }
        forwarded.add(new Forwarded(host, fwd));
        if (dnatFrom != null) {
            inputBypassed(ns, dnatFrom, p);
        }
        Packet post = hook(host, Hook.POSTROUTING, hookPacket(p, inName, out, null, null, false, false));
        if (post == null) {
            return;
        }
        transmit(ns, choice, withSource(p, post.source()));
    }

    /**
     * moby #22054: a published port's packet was DNATed in PREROUTING and took FORWARD; the INPUT
     * chain (where ufw and hand-written host rules sit) never saw it. Name those rules.
     */
    private void inputBypassed(NetNamespace ns, String original, Packet p) {
        Firewalls.Wall wall = firewalls.of(ns.host());
        List<Rule> input = wall.rules().rules()
                .filter(r -> "filter".equals(r.table()) && "INPUT".equals(r.chain()) && !"ip6".equals(r.family()))
                .toList();
        // The rule the user most likely meant: one naming the port they published, else the chain's first.
        String port = original.contains(":") ? original.substring(original.lastIndexOf(':') + 1) : null;
        Rule first = input.stream().filter(r -> port != null && r.raw().matches(".*--dports? ([0-9,:]*[,:])?" + port + "\\b.*"))
                .findFirst().orElse(input.isEmpty() ? null : input.get(0));
        hop(HopKind.NETFILTER, ns.host(), ns.id(), null, "filter", "INPUT", first == null ? null : first.raw(),
                first == null ? null : first.id(), "not traversed",
                first == null
                        ? T.message("hop.inputBypassed.none", original, p.destination())
                        : T.message("hop.inputBypassed", original, p.destination(), String.valueOf(input.size()), first.raw()));
    }

    // ---- arrival

    private void deliver(NetNamespace ns, Packet p) {
        if (ns.kind() == NamespaceKind.INGRESS || ns.kind() == NamespaceKind.LOADBALANCER) {
            // Swarm's routing mesh and service VIPs: IPVS picks a task there, and its tables are not captured.
            hop(HopKind.SOCKET, ns.host(), ns.id(), null, null, null, null, null, "IPVS", T.message("hop.ipvs", ns.name(),
                    p.destination()));
            stop(Verdict.UNKNOWN, T.message("reason.ipvs", ns.name(), p.destination()), null);
            return;
        }
        if (destination.namespace() != null && destination.kind() == Place.Kind.CONTAINER
                && !destination.namespace().equals(ns.id())) {
            stop(Verdict.UNREACHABLE, T.message("reason.otherHolder", destination.label(), p.destination(), nsLabel(ns)),
                    null);
            return;
        }
        NetInterface at = index.holding(Ipv4.parse(p.destination()), ns.id());
        String label = ns.id().equals(destination.namespace()) && destination.kind() == Place.Kind.CONTAINER
                ? destination.label() : nsLabel(ns);
        String where = p.protocol() == Protocol.ICMP ? "icmp" : p.protocol().word() + "/" + p.destinationPort();
        hop(HopKind.SOCKET, ns.host(), ns.id(), at == null ? null : at.id(), null, null, null, null, "deliver " + where,
                T.message(p.protocol() == Protocol.ICMP ? "hop.socket.icmp" : "hop.socket", label, p.destination(), where));
        if (p.protocol() != Protocol.UDP && !replies()) {
            return;
        }
        String reply = p.protocol() != Protocol.UDP && !forwarded.isEmpty() ? ".reply" : "";
        stop(Verdict.DELIVERED, T.message("reason.delivered" + reply, label, p.destination(), where), null);
    }

    /** Its reply, as conntrack sees it (ESTABLISHED), back through every FORWARD it crossed; false when one stops it. */
    private boolean replies() {
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            Forwarded f = forwarded.get(i);
            Packet q = f.packet();
            Packet back = new Packet(q.protocol(), q.destination(), q.destinationPort(), q.source(), q.sourcePort(),
                    q.outInterface(), q.inInterface(), q.outBridgePort(), q.inBridgePort(), CtState.ESTABLISHED,
                    false, false);
            NetfilterResult r = evaluate(f.host(), Hook.FORWARD, back);
            if (r == null) {
                return false;
            }
            Rule rule = r.deciding();
            String chain = rule != null ? rule.chain() : r.decidingChain() != null ? r.decidingChain() : "FORWARD";
            hop(HopKind.NETFILTER, f.host(), hostNsId(f.host()), null, rule != null ? rule.table() : "filter", chain,
                    rule != null ? rule.raw() : null, rule != null ? rule.id() : null, "reply " + r.outcome().name(),
                    T.message(r.outcome() == NetfilterResult.Outcome.ACCEPT ? "hop.reply.accepted" : "hop.reply.stopped",
                            back.source(), back.destination(), rule != null ? rule.raw() : "-P " + chain));
            if (r.outcome() != NetfilterResult.Outcome.ACCEPT) {
                stopByHook(f.host(), r, "reason.reply." + r.outcome().name().toLowerCase(java.util.Locale.ROOT));
                return false;
            }
        }
        return true;
    }

    /** The packet leaves every captured namespace (out of a host's device): beyond is the outside world. */
    private void leave(NetNamespace ns, NetInterface dev, Packet p) {
        hop(HopKind.ROUTE, ns.host(), ns.id(), dev.id(), null, null, null, null, "leave by " + dev.name(),
                T.message("hop.leave", hostName(ns.host()), dev.name(), p.destination(), p.source()));
        leaveWorld(p, dev.name());
    }

    private void leaveWorld(Packet p, String device) {
        if (destination.kind() == Place.Kind.CLIENT) {
            stop(Verdict.DELIVERED, T.message("reason.leaves", p.destination(), device, p.source()), null);
        } else {
            stop(Verdict.UNKNOWN, T.message("reason.leavesCaptured", destination.label(), device), null);
        }
    }

    // ---- netfilter

    /** Runs one hook and records its chains as hops; the packet after it, or null when the walk stopped. */
    private Packet hook(String host, Hook hook, Packet at) {
        NetfilterResult r = evaluate(host, hook, at);
        if (r == null) {
            return null;
        }
        Firewalls.Wall wall = firewalls.of(host);
        String ns = hostNsId(host);
        for (ChainStep s : r.steps()) {
            if (s.rule() == null && "ACCEPT".equals(s.action()) && wall.emptyChain(s.family(), s.table(), s.chain())) {
                continue; // an empty built-in chain with policy ACCEPT: nothing to tell
            }
            stepHop(host, ns, hook, s, at, r);
        }
        switch (r.outcome()) {
            case ACCEPT -> {
                if (r.deciding() != null && (hook == Hook.FORWARD || hook == Hook.INPUT)) {
                    accepting = ref(host, r.deciding());
                }
                Packet out = r.packet() == null ? at : r.packet();
                if (r.masquerade()) {
                    String a = outAddress(ns, at.outInterface());
                    return a == null ? out : withSource(out, a);
                }
                return out;
            }
            default -> {
                stopByHook(host, r, "reason." + r.outcome().name().toLowerCase(java.util.Locale.ROOT));
                return null;
            }
        }
    }

    /** The evaluator's answer, or null (verdict unknown) when the host's rules were not read or cannot be evaluated. */
    private NetfilterResult evaluate(String host, Hook hook, Packet at) {
        Firewalls.Wall wall = firewalls.of(host);
        if (wall.evaluator() == null) {
            stop(Verdict.UNKNOWN, T.message("reason.noFirewall", hostName(host), wall.missing()), null);
            return null;
        }
        try {
            return wall.evaluator().traverse(hook, at);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            stop(Verdict.UNKNOWN, T.message("reason.evaluatorFailed", hook.name(), hostName(host), why), null);
            return null;
        }
    }

    private void stopByHook(String host, NetfilterResult r, String key) {
        if (r.outcome() == NetfilterResult.Outcome.UNKNOWN) {
            stop(Verdict.UNKNOWN, T.message(key.replace(".unknown", ".unknownMatch"), hostName(host),
                    r.unknownReason() == null ? "?" : r.unknownReason()), null);
            return;
        }
        Verdict v = r.outcome() == NetfilterResult.Outcome.DROP ? Verdict.DROPPED : Verdict.REJECTED;
        RuleRef ref;
        if (r.deciding() != null) {
            ref = ref(host, r.deciding());
        } else {
            String chain = r.decidingChain() == null ? "?" : r.decidingChain();
            String table = r.steps().stream().filter(s -> chain.equals(s.chain())).map(ChainStep::table)
                    .reduce((a, b) -> b).orElse("filter");
            ref = new RuleRef(host, table, chain, "-P " + chain + " " + r.outcome().name(), 0, null);
        }
        stop(v, T.message(key, hostName(host), ref.chain(), ref.rule()), ref);
    }

    private void stepHop(String host, String ns, Hook hook, ChainStep s, Packet at, NetfilterResult r) {
        String action = s.action() == null ? "" : s.action();
        Rule rule = s.rule();
        String raw = rule != null ? rule.raw() : null;
        String key;
        HopKind kind = HopKind.NETFILTER;
        String upper = action.toUpperCase(java.util.Locale.ROOT);
        if (upper.startsWith("DNAT") || upper.startsWith("SNAT") || upper.startsWith("MASQUERADE")
                || upper.startsWith("REDIRECT")) {
            kind = HopKind.NAT;
            key = upper.startsWith("MASQUERADE") ? "hop.nat.masquerade" : upper.startsWith("SNAT") ? "hop.nat.snat" : "hop.nat.dnat";
        } else if (rule == null) {
            key = "RETURN".equals(upper) ? "hop.nf.fallthrough" : "hop.nf.policy";
            raw = "RETURN".equals(upper) ? null : "-P " + s.chain() + " " + action;
        } else {
            key = switch (upper) {
                case "ACCEPT" -> "hop.nf.accept";
                case "DROP" -> "hop.nf.drop";
                case "REJECT" -> "hop.nf.reject";
                case "RETURN" -> "hop.nf.return";
                default -> jumpOrOther(action);
            };
        }
        String outAddress = "";
        if ("hop.nat.masquerade".equals(key)) {
            String a = outAddress(ns, at.outInterface());
            outAddress = a == null ? String.valueOf(at.outInterface()) : a;
        }
        hop(kind, host, ns, null, s.table(), s.chain(), raw, rule == null ? null : rule.id(), action,
                T.message(key, hook.name(), s.table(), s.chain(), raw == null ? "" : raw, action, outAddress,
                        at.source(), at.destination()));
    }

    /** The address MASQUERADE takes: the out interface's first IPv4 address. */
    private String outAddress(String namespaceId, String outInterface) {
        if (outInterface == null || namespaceId == null) {
            return null;
        }
        for (NetInterface i : index.interfacesIn(namespaceId)) {
            if (i.name().equals(outInterface)) {
                return SnapshotIndex.firstIpv4(i);
            }
        }
        return null;
    }

    private static String jumpOrOther(String action) {
        return action.isEmpty() || action.contains(" ") ? "hop.nf.other" : "hop.nf.jump";
    }

    private static RuleRef ref(String host, Rule rule) {
        return new RuleRef(host, rule.table(), rule.chain(), rule.raw(), rule.position(), rule.id());
    }

    // ---- small helpers

    private boolean routable(NetNamespace ns, RouteTable.Choice choice, String dst) {
        if (choice == null) {
            hop(HopKind.ROUTE, ns.host(), ns.id(), null, null, null, null, null, "no route",
                    T.message(routes.apply(ns.id()).derived ? "hop.route.none.derived" : "hop.route.none", nsLabel(ns), dst));
            stop(Verdict.UNREACHABLE, T.message("reason.noRoute", nsLabel(ns), dst), null);
            return false;
        }
        if (choice.unusable()) {
            routeHop(ns, choice, null);
            stop(Verdict.UNREACHABLE, T.message("reason.routeType", nsLabel(ns), dst, choice.route().type()), null);
            return false;
        }
        if (choice.device() == null) {
            stop(Verdict.UNKNOWN, T.message("reason.routeNoDevice", nsLabel(ns), routeText(choice)), null);
            return false;
        }
        return true;
    }

    private void routeHop(NetNamespace ns, RouteTable.Choice c, Packet p) {
        boolean viaGateway = c.route().gateway() != null;
        String key = viaGateway ? "hop.route.gateway" : "hop.route.connected";
        if (!viaGateway && "default".equals(routeText(c))) {
            key = "hop.route.out"; // a host's default route without a gateway (derived: its physical device)
        }
        if (c.derived()) {
            key += ".derived";
        }
        String owner = "";
        if (sharedOwner != null && hops.isEmpty()) {
            key += ".shared";
            owner = sharedOwner;
        }
        String label = nsLabel(ns);
        String dev = c.device() == null ? "?" : c.device().name();
        hop(HopKind.ROUTE, ns.host(), ns.id(), c.device() == null ? null : c.device().id(), null, null, null, null,
                "route " + routeText(c) + (viaGateway ? " via " + c.route().gateway() : "") + " dev " + dev,
                T.message(key, label, p == null ? "" : p.destination(), routeText(c), dev,
                        viaGateway ? c.route().gateway() : "", owner));
    }

    private static String routeText(RouteTable.Choice c) {
        return c.route().destination() == null ? "default" : c.route().destination();
    }

    /** The host's address a source would reach it by: on a subnet the source is on, its gateway, else its main one. */
    private String hostAddressFor(Place src, Place dst) {
        NetNamespace hostNs = index.namespace(dst.namespace());
        if (hostNs == null) {
            return null;
        }
        NetNamespace srcNs = index.namespace(src.namespace());
        if (srcNs != null && srcNs.kind() != NamespaceKind.HOST) {
            for (NetInterface i : index.interfacesIn(srcNs.id())) {
                for (String a : i.addresses()) {
                    Integer v = Ipv4.parse(a);
                    int len = Ipv4.prefixLength(a);
                    if (v == null || len <= 0 || i.kind() == InterfaceKind.LOOPBACK) {
                        continue;
                    }
                    for (NetInterface h : index.interfacesIn(hostNs.id())) {
                        for (String ha : h.addresses()) {
                            Integer hv = Ipv4.parse(ha);
                            if (hv != null && !hv.equals(v) && Ipv4.inPrefix(hv, v, len)) {
                                return Ipv4.text(hv);
                            }
                        }
                    }
                }
            }
            RouteTable.Choice def = routes.apply(srcNs.id()).lookup(Ipv4.parse("8.8.8.8"));
            if (def != null && def.route().gateway() != null && Ipv4.parse(def.route().gateway()) != null
                    && index.isLocal(Ipv4.parse(def.route().gateway()), hostNs.id())) {
                return def.route().gateway();
            }
        }
        for (NetInterface i : index.interfacesIn(hostNs.id())) {
            if (i.kind() == InterfaceKind.DEVICE && SnapshotIndex.firstIpv4(i) != null) {
                return SnapshotIndex.firstIpv4(i);
            }
        }
        for (NetInterface i : index.interfacesIn(hostNs.id())) {
            if (i.kind() != InterfaceKind.LOOPBACK && i.kind() != InterfaceKind.BRIDGE && SnapshotIndex.firstIpv4(i) != null) {
                return SnapshotIndex.firstIpv4(i);
            }
        }
        return "127.0.0.1";
    }

    /** The swarm service whose virtual IP this is, or null. */
    private String serviceVip(String address) {
        for (Network n : index.snapshot.networks()) {
            for (var svc : n.services()) {
                if (svc.vip() != null && address.equals(Ipv4.bare(svc.vip()))) {
                    return svc.name();
                }
            }
        }
        return null;
    }

    private String sysctl(String host, String key) {
        Host h = index.host(host);
        return h == null ? null : h.sysctls().get(key);
    }

    private String hostName(String hostId) {
        Host h = index.host(hostId);
        return h == null ? String.valueOf(hostId) : h.name();
    }

    private String hostNsId(String hostId) {
        NetNamespace ns = index.hostNamespace(hostId);
        return ns == null ? null : ns.id();
    }

    private String hostOf(NetInterface i) {
        return index.hostOf(i);
    }

    /** A namespace as a reader knows it: its containers' names, "the host NAME", or its file name. */
    private String nsLabel(NetNamespace ns) {
        if (ns == null) {
            return "?";
        }
        if (ns.kind() == NamespaceKind.HOST) {
            return hostName(ns.host());
        }
        List<String> names = new ArrayList<>();
        for (String id : ns.containers()) {
            Container c = index.container(id);
            if (c != null) {
                names.add(c.name());
            }
        }
        return names.isEmpty() ? ns.name() : String.join(", ", names);
    }

    private static Packet hookPacket(Packet p, String in, String out, String inPort, String outPort, boolean dstLocal,
            boolean srcLocal) {
        return new Packet(p.protocol(), p.source(), p.sourcePort(), p.destination(), p.destinationPort(), in, out, inPort,
                outPort, p.state(), dstLocal, srcLocal);
    }

    private static Packet withSource(Packet p, String source) {
        return new Packet(p.protocol(), source, p.sourcePort(), p.destination(), p.destinationPort(), p.inInterface(),
                p.outInterface(), p.inBridgePort(), p.outBridgePort(), p.state(), p.destinationLocal(), p.sourceLocal());
    }

    private static Packet withDestination(Packet p, String destination, Integer port) {
        return new Packet(p.protocol(), p.source(), p.sourcePort(), destination, port, p.inInterface(),
                p.outInterface(), p.inBridgePort(), p.outBridgePort(), p.state(), p.destinationLocal(), p.sourceLocal());
    }

    private boolean step() {
        if (verdict != null) {
            return false;
        }
        if (++steps > MAX_STEPS) {
            stop(Verdict.UNKNOWN, T.message("reason.loop", String.valueOf(MAX_STEPS)), null);
            return false;
        }
        return true;
    }

    private void hop(HopKind kind, String host, String namespace, String iface, String table, String chain, String rule,
            String ruleId, String action, Message note) {
        hops.add(new Hop(hops.size() + 1, kind, host, namespace, iface, table, chain, rule, ruleId, action, note));
    }

    private void stop(Verdict v, Message why, RuleRef rule) {
        if (verdict == null) {
            verdict = v;
            reason = why;
            deciding = rule;
        }
    }
}
