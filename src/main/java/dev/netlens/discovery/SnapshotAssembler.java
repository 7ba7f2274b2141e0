package dev.netlens.discovery;

import dev.netlens.discovery.engine.EngineContainer;
import dev.netlens.discovery.engine.EngineFacts;
import dev.netlens.discovery.engine.EngineInfo;
import dev.netlens.discovery.engine.EngineNetwork;
import dev.netlens.discovery.kernel.KernelFacts;
import dev.netlens.discovery.kernel.KernelLink;
import dev.netlens.discovery.kernel.KernelRoute;
import dev.netlens.discovery.kernel.NamespaceDump;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Endpoint;
import dev.netlens.snapshot.FirewallCapture;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.InterfaceKind;
import dev.netlens.snapshot.NamespaceKind;
import dev.netlens.snapshot.NetInterface;
import dev.netlens.snapshot.NetNamespace;
import dev.netlens.snapshot.Network;
import dev.netlens.snapshot.Route;
import dev.netlens.snapshot.TopologySnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Joins what each engine's API said with what its kernel showed into one snapshot: namespaces
 * with their interfaces, veth pairs matched across namespaces (and across engines sharing a
 * kernel), bridges and VXLAN devices tied to their networks, endpoints tied to interfaces, and the
 * overlay tunnels between swarm peers. Nothing is drawn from guesses: a link is set only where a
 * kernel or engine fact names it.
 */
public final class SnapshotAssembler {
    static final String BRIDGE_NAME_OPTION = "com.docker.network.bridge.name";
    static final String VXLAN_ID_OPTION = "com.docker.network.driver.overlay.vxlanid_list";

    private SnapshotAssembler() {
    }

    public static TopologySnapshot assemble(List<HostScan> scans, Instant capturedAt) {
        List<HostParts> parts = new ArrayList<>();
        Map<String, Integer> nameUse = new HashMap<>();
        for (HostScan scan : scans) {
            parts.add(new HostParts(scan, hostId(scan)));
            nameUse.merge(String.valueOf(scan.engine().info().name()), 1, Integer::sum);
        }
        for (HostParts part : parts) {
            part.collectInterfaces();
        }
        linkInterfaces(parts);
        List<Host> hosts = new ArrayList<>();
        List<NetNamespace> namespaces = new ArrayList<>();
        List<NetInterface> interfaces = new ArrayList<>();
        List<Network> networks = new ArrayList<>();
        List<Container> containers = new ArrayList<>();
        for (HostParts part : parts) {
            // Containers first: joining them notes what could not be shown, which the host reports.
            containers.addAll(part.containers());
            networks.addAll(part.networks());
            namespaces.addAll(part.namespaces.values());
            interfaces.addAll(part.interfaces.values());
            hosts.add(part.host(nameUse));
        }
        namespaces.sort(Comparator.comparing(NetNamespace::id));
        interfaces.sort(Comparator.comparing(NetInterface::id));
        networks.sort(Comparator.comparing(Network::host).thenComparing(Network::name));
        containers.sort(Comparator.comparing(Container::host).thenComparing(Container::name));
        return new TopologySnapshot(TopologySnapshot.SCHEMA, capturedAt.toString(), "live", hosts, namespaces,
                interfaces, networks, containers, TunnelBuilder.tunnels(hosts, networks));
    }

    /** Sets master, peer and parent on every interface, now that all namespaces of all hosts are known. */
    private static void linkInterfaces(List<HostParts> parts) {
        List<VethMatcher.End> ends = new ArrayList<>();
        for (HostParts part : parts) {
            part.links.forEach((id, located) -> ends.add(new VethMatcher.End(id, part.kernelKey(), located.namespaceId, located.link)));
        }
        Map<String, String> peers = VethMatcher.match(ends);
        for (HostParts part : parts) {
            for (Map.Entry<String, Located> entry : part.links.entrySet()) {
                Located located = entry.getValue();
                NetInterface base = part.interfaces.get(entry.getKey());
                String master = located.link.masterName() == null ? null
                        : part.interfaceByName(located.namespaceId, located.link.masterName());
                part.interfaces.put(entry.getKey(), base.withLinks(master, peers.get(entry.getKey()), part.parentOf(located)));
            }
        }
    }

    static String hostId(HostScan scan) {
        // Engines on one machine can share an ID (Docker 20.10 derives it from /etc/docker/key.json):
        // their state folder and swarm node tell them apart.
        EngineInfo info = scan.engine().info();
        String basis = info.id() == null ? scan.endpoint() : info.id() + "|" + info.dockerRootDir() + "|" + info.swarmNodeId();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return "host-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static NamespaceKind kindOf(String namespaceName, boolean isContainerSandbox) {
        if (isContainerSandbox) {
            return NamespaceKind.CONTAINER;
        }
        if (namespaceName.startsWith("1-")) {
            return NamespaceKind.OVERLAY;
        }
        if (namespaceName.equals("ingress_sbox")) {
            return NamespaceKind.INGRESS;
        }
        if (namespaceName.startsWith("lb_")) {
            return NamespaceKind.LOADBALANCER;
        }
        return NamespaceKind.OTHER;
    }

    /** A kernel link with the namespace it was read in. */
    private record Located(String namespaceId, KernelLink link) {
    }

    /** The pieces of one host while they are being joined. */
    private static final class HostParts {
        final HostScan scan;
        final String hostId;
        final String hostNamespaceId;
        final Map<String, NetNamespace> namespaces = new LinkedHashMap<>();
        final Map<String, NetInterface> interfaces = new LinkedHashMap<>();
        final Map<String, Located> links = new LinkedHashMap<>();
        final Map<String, String> containerNamespace = new HashMap<>();
        final List<String> notes = new ArrayList<>();

        HostParts(HostScan scan, String hostId) {
            this.scan = scan;
            this.hostId = hostId;
            this.hostNamespaceId = hostId + "/ns/host";
        }

        String kernelKey() {
            return scan.kernel() != null && scan.kernel().bootId() != null ? scan.kernel().bootId() : hostId;
        }

        void collectInterfaces() {
            KernelFacts kernel = scan.kernel();
            Map<String, List<String>> members = new LinkedHashMap<>();
            Map<String, String> sandboxOwner = new HashMap<>();
            List<EngineContainer> containers = scan.engine().containers();
            for (EngineContainer c : containers) {
                String key = c.sandboxKey();
                if (hasOwnSandbox(c)) {
                    sandboxOwner.putIfAbsent(Path.of(key).getFileName().toString(), c.id());
                }
            }
            // Namespaces the kernel showed.
            if (kernel == null) {
                addNamespace(hostNamespaceId, NamespaceKind.HOST, "host", null);
            } else {
                addDump(hostNamespaceId, NamespaceKind.HOST, kernel.host());
                for (NamespaceDump dump : kernel.sandboxes()) {
                    addDump(namespaceId(dump.name()), kindOf(dump.name(), sandboxOwner.containsKey(dump.name())), dump);
                }
            }
            // Every container to its namespace: its own sandbox, the host's, or another container's.
            for (EngineContainer c : containers) {
                String ns = null;
                if (isHostMode(c)) {
                    ns = hostNamespaceId;
                } else if (hasOwnSandbox(c)) {
                    String name = Path.of(c.sandboxKey()).getFileName().toString();
                    ns = namespaceId(name);
                    // A sandbox the kernel did not show (API-only, or unreadable) still exists per the engine.
                    addNamespace(ns, NamespaceKind.CONTAINER, name, c.sandboxKey());
                }
                if (ns != null) {
                    containerNamespace.put(c.id(), ns);
                }
            }
            for (EngineContainer c : containers) {
                if (Container.sharedNetworkRef(c.networkMode()).isPresent() && isActive(c)) {
                    EngineContainer owner = resolveContainer(Container.sharedNetworkRef(c.networkMode()).get());
                    if (owner != null && containerNamespace.containsKey(owner.id())) {
                        containerNamespace.put(c.id(), containerNamespace.get(owner.id()));
                    }
                }
            }
            for (EngineContainer c : containers) {
                String ns = containerNamespace.get(c.id());
                if (ns != null) {
                    members.computeIfAbsent(ns, k -> new ArrayList<>()).add(c.id());
                }
            }
            members.forEach((ns, ids) -> {
                NetNamespace old = namespaces.get(ns);
                namespaces.put(ns, old.withContainers(ids));
            });
        }

        private EngineContainer resolveContainer(String ref) {
            EngineContainer best = null;
            for (EngineContainer c : scan.engine().containers()) {
                if (Container.refersTo(ref, c.id(), c.name()) > (best == null ? 0 : Container.refersTo(ref, best.id(), best.name()))) {
                    best = c;
                }
            }
            return best;
        }

        private static boolean isActive(EngineContainer c) {
            return "running".equals(c.state()) || "paused".equals(c.state()) || "restarting".equals(c.state());
        }

        private static boolean isHostMode(EngineContainer c) {
            return "host".equals(c.networkMode()) && isActive(c);
        }

        private static boolean hasOwnSandbox(EngineContainer c) {
            return isActive(c) && !c.sandboxKey().isBlank() && !"default".equals(Path.of(c.sandboxKey()).getFileName().toString())
                    && !isHostMode(c);
        }

        private String namespaceId(String name) {
            return hostId + "/ns/" + name;
        }

        private void addNamespace(String id, NamespaceKind kind, String name, String path) {
            namespaces.putIfAbsent(id, new NetNamespace(id, hostId, kind, name, path, List.of()));
        }

        /** A namespace the kernel showed: its interfaces, then its routes naming them. */
        private void addDump(String id, NamespaceKind kind, NamespaceDump dump) {
            addLinks(id, dump);
            namespaces.putIfAbsent(id, new NetNamespace(id, hostId, kind, dump.name(), dump.path(), List.of(),
                    routes(id, dump.routes())));
        }

        /** The kernel's routes with each device named by its interface id in the same namespace. */
        private List<Route> routes(String namespaceId, List<KernelRoute> routes) {
            if (routes == null) {
                return null;
            }
            List<Route> result = new ArrayList<>(routes.size());
            for (KernelRoute r : routes) {
                String device = r.device() == null ? null : interfaceByName(namespaceId, r.device());
                result.add(new Route(r.destination(), r.gateway(), device, r.device(), r.source(), r.scope(), r.type(),
                        r.metric()));
            }
            return result;
        }

        private void addLinks(String namespaceId, NamespaceDump dump) {
            for (KernelLink link : dump.links()) {
                String id = namespaceId + "/" + link.name();
                links.put(id, new Located(namespaceId, link));
                interfaces.put(id, new NetInterface(id, namespaceId, link.name(), link.ifindex(), link.kind(),
                        link.mac(), link.mtu(), link.operstate(), link.addresses(), null, null, null, link.vni(),
                        link.vxlanPort()));
            }
        }

        String interfaceByName(String namespaceId, String name) {
            String id = namespaceId + "/" + name;
            return interfaces.containsKey(id) ? id : null;
        }

        private String interfaceByIndex(String namespaceId, int ifindex) {
            for (Map.Entry<String, Located> e : links.entrySet()) {
                if (e.getValue().namespaceId.equals(namespaceId) && e.getValue().link.ifindex() == ifindex) {
                    return e.getKey();
                }
            }
            return null;
        }

        /**
         * A macvlan/ipvlan/vxlan's lower device. In the same namespace ip names it; across namespaces
         * only Docker puts such devices in sandboxes, with the lower device in the engine's namespace.
         */
        String parentOf(Located located) {
            KernelLink link = located.link;
            if (link.kind() == InterfaceKind.VETH || link.linkIndex() == null) {
                return link.linkName() != null && link.kind() != InterfaceKind.VETH
                        ? interfaceByName(located.namespaceId, link.linkName()) : null;
            }
            if (link.kind() == InterfaceKind.VXLAN && link.linkNetnsId() != null) {
                // Docker's VXLAN devices have no lower device: link_netnsid only names the underlay's
                // namespace, and link_index repeats the device's own index.
                return null;
            }
            String ns = link.linkNetnsId() == null ? located.namespaceId : hostNamespaceId;
            if (ns.equals(located.namespaceId) && link.linkNetnsId() != null) {
                return null;
            }
            return interfaceByIndex(ns, link.linkIndex());
        }

        Host host(Map<String, Integer> nameUse) {
            EngineInfo info = scan.engine().info();
            List<String> missing = new ArrayList<>(scan.kernelMissing());
            if (scan.kernel() != null) {
                missing.addAll(scan.kernel().problems());
                missing.addAll(scan.kernel().firewall().missing());
            }
            missing.addAll(scan.engine().problems());
            missing.addAll(notes);
            FirewallCapture firewall = scan.kernel() != null ? scan.kernel().firewall()
                    : FirewallCapture.unavailable(scan.kernelMissing().isEmpty() ? "firewall rules not read" : scan.kernelMissing().get(0));
            String name = info.name() != null ? info.name() : scan.endpoint(); // a host is drawn by its name
            if (nameUse.getOrDefault(String.valueOf(name), 0) > 1) {
                // Two engines may share a hostname (a second engine in a namespace of the same machine).
                name = name + " (" + (info.swarmNodeAddr() != null ? info.swarmNodeAddr() : scan.endpoint()) + ")";
            }
            return new Host(hostId, scan.endpoint(), name, info.serverVersion(), info.apiVersion(), info.os(),
                    info.kernelVersion(), info.swarmNodeId(), info.swarmNodeAddr(), info.swarmManager(),
                    scan.kernel() != null, scan.kernel() == null ? null : scan.kernel().bootId(), missing, firewall,
                    scan.kernel() == null ? Map.of() : scan.kernel().sysctls());
        }

        List<Network> networks() {
            List<Network> result = new ArrayList<>();
            for (EngineNetwork n : scan.engine().networks()) {
                String bridge = null;
                String vxlan = null;
                String parent = null;
                Integer vni = null;
                String driver = n.driver() == null ? "" : n.driver().toLowerCase(Locale.ROOT);
                switch (driver) {
                    case "bridge" -> {
                        String name = n.option(BRIDGE_NAME_OPTION);
                        bridge = interfaceByName(hostNamespaceId, name != null ? name : "br-" + shortId(n.id(), 12));
                    }
                    case "overlay" -> {
                        String ns = namespaceId("1-" + shortId(n.id(), 10));
                        for (NetInterface i : interfaces.values()) {
                            if (i.namespace().equals(ns) && i.kind() == InterfaceKind.BRIDGE && bridge == null) {
                                bridge = i.id();
                            } else if (i.namespace().equals(ns) && i.kind() == InterfaceKind.VXLAN && vxlan == null) {
                                vxlan = i.id();
                                vni = i.vni();
                            }
                        }
                        if (vni == null) {
                            vni = firstInt(n.option(VXLAN_ID_OPTION));
                        }
                    }
                    case "macvlan", "ipvlan" -> {
                        String name = n.option("parent");
                        parent = name == null ? null : interfaceByName(hostNamespaceId, name);
                    }
                    default -> {
                        // host and null networks have no device of their own
                    }
                }
                result.add(new Network(n.id(), hostId, n.name(), n.driver(), n.scope(), n.internal(), n.attachable(),
                        n.ingress(), n.subnets(), n.gateways(), bridge, vxlan, parent, vni, n.peers(), n.services(),
                        n.options()));
            }
            return result;
        }

        List<Container> containers() {
            List<Container> result = new ArrayList<>();
            for (EngineContainer c : scan.engine().containers()) {
                String ns = containerNamespace.get(c.id());
                List<Endpoint> endpoints = new ArrayList<>();
                for (Endpoint e : c.endpoints()) {
                    String networkId = resolveNetwork(e);
                    if (networkId == null) {
                        // A stopped container can still name a network that was removed since.
                        notes.add("container " + c.name() + ": its endpoint on network " + e.networkName()
                                + " names a network that no longer exists; not shown");
                        continue;
                    }
                    String iface = ns == null || ns.equals(hostNamespaceId) || e.mac() == null ? null : interfaceByMac(ns, e.mac());
                    endpoints.add(new Endpoint(networkId, e.networkName(), e.ipv4(), e.ipv6(), e.mac(), e.aliases(), iface));
                }
                result.add(new Container(c.id(), hostId, c.name(), c.image(), c.state(), c.networkMode(), ns, endpoints, c.ports(),
                        c.labels()));
            }
            return result;
        }

        /** The endpoint's network by id, else by name. */
        private String resolveNetwork(Endpoint e) {
            String byName = null;
            for (EngineNetwork n : scan.engine().networks()) {
                if (n.id().equals(e.network())) {
                    return n.id();
                }
                if (n.name().equals(e.networkName())) {
                    byName = n.id();
                }
            }
            // By name otherwise: a never-started container has no id yet, and a stopped one keeps the id
            // of a network re-created since (the default bridge gets a new id at every engine start).
            return byName;
        }

        private String interfaceByMac(String namespaceId, String mac) {
            for (NetInterface i : interfaces.values()) {
                if (i.namespace().equals(namespaceId) && mac.equalsIgnoreCase(i.mac())) {
                    return i.id();
                }
            }
            return null;
        }

        private static Integer firstInt(String list) {
            if (list == null || list.isBlank()) {
                return null;
            }
            try {
                return Integer.parseInt(list.split(",")[0].strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static String shortId(String id, int length) {
            return id.length() > length ? id.substring(0, length) : id;
        }
    }
}
