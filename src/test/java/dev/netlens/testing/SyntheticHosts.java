package dev.netlens.testing;

import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.Endpoint;
import dev.netlens.snapshot.FirewallCapture;
import dev.netlens.snapshot.Host;
import dev.netlens.snapshot.InterfaceKind;
import dev.netlens.snapshot.InvalidSnapshotException;
import dev.netlens.snapshot.NamespaceKind;
import dev.netlens.snapshot.NetInterface;
import dev.netlens.snapshot.NetNamespace;
import dev.netlens.snapshot.Network;
import dev.netlens.snapshot.PortMapping;
import dev.netlens.snapshot.SnapshotJson;
import dev.netlens.snapshot.TopologySnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Synthetic snapshots of Docker hosts shaped as real ones are, for tests and pictures: the host
 * namespace with lo and eth0, a Linux bridge per bridge network (docker0, {@code br-<id12>}), for
 * each running container its namespace with lo and one veth end per network ({@code eth0},
 * {@code eth1}...), whose peer {@code vethXXXXXXX} sits in the host namespace with the network's
 * bridge as master, addresses from the network's subnet, MACs as Docker makes them
 * ({@code 02:42:} and the IPv4 address), compose labels, a few published ports, and the
 * iptables-save text Docker 20.10 would leave for those bridges and ports. Every id is derived from
 * names by hashing, so the same call gives the same snapshot, byte for byte.
 *
 * <ul>
 * <li>{@link #devHost()}: what {@code bench/devhost.sh up} builds (five compose projects of five
 * services on {@code <project>_default}, a shared {@code proxy} network, {@code edge-proxy-1}
 * publishing 80 and 443 on 127.0.0.1, four standalone containers on the default bridge) on
 * engine 1 of the recorded two-engine lab ({@code snapshots/lab.json}): 45 containers, 16 networks
 * on engine 1 (22 network entries with engine 2's).</li>
 * <li>{@link #scale(int, int)}: one host, {@code networks} compose projects of about
 * {@code containers / networks} services each, every project on its own network.</li>
 * </ul>
 *
 * {@link #main} writes them to {@code src/test/resources/snapshots} ({@link #FILES}), so they can be
 * opened with {@code --snapshot}; SyntheticHostsTest checks the files are what this class writes.
 */
public final class SyntheticHosts {
    /** When every synthetic snapshot was "captured". */
    public static final String CAPTURED_AT = "2026-01-01T00:00:00Z";
    /** The projects of {@code bench/devhost.sh}, each with its services; the first is the front end. */
    public static final Map<String, List<String>> DEVHOST_PROJECTS = devhostProjects();
    /** The files {@link #main} writes, by name. */
    public static final Map<String, Supplier<TopologySnapshot>> FILES = files();

    static final String PROJECT = "com.docker.compose.project";
    static final String SERVICE = "com.docker.compose.service";
    private static final String DEVHOST_IMAGE = "netlens/busybox:devhost";
    private static final List<String> PROJECT_NAMES = List.of("shop", "blog", "chat", "metrics", "auth", "search",
            "billing", "media", "mail", "wiki", "forum", "crm", "docs", "cart", "jobs", "notify", "video", "maps",
            "photos", "music", "ads", "games", "status", "backup", "ci");
    /** Services of a scale project, in order, with the image each runs. */
    private static final List<String[]> SCALE_SERVICES = List.of(
            new String[] {"web", "nginx:1.25-alpine"}, new String[] {"api", "node:20-alpine"},
            new String[] {"db", "postgres:16-alpine"}, new String[] {"cache", "redis:7-alpine"},
            new String[] {"worker", "python:3.12-slim"}, new String[] {"queue", "rabbitmq:3.13-alpine"},
            new String[] {"search", "opensearch:2.13"}, new String[] {"scheduler", "python:3.12-slim"},
            new String[] {"mailer", "axllent/mailpit:1.18"}, new String[] {"exporter", "prom/node-exporter:1.8"});

    private SyntheticHosts() {
    }

    private static Map<String, List<String>> devhostProjects() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("shop", List.of("web", "api", "worker", "db", "cache"));
        p.put("blog", List.of("web", "app", "search", "db", "cache"));
        p.put("chat", List.of("web", "gateway", "api", "db", "queue"));
        p.put("metrics", List.of("grafana", "prometheus", "exporter", "alertmanager", "loki"));
        p.put("auth", List.of("web", "api", "db", "cache", "mailer"));
        return java.util.Collections.unmodifiableMap(p);
    }

    private static Map<String, Supplier<TopologySnapshot>> files() {
        Map<String, Supplier<TopologySnapshot>> f = new LinkedHashMap<>();
        f.put("devhost-50.json", SyntheticHosts::devHost);
        f.put("scale-200.json", () -> scale(200, 20));
        f.put("scale-500.json", () -> scale(500, 50));
        return java.util.Collections.unmodifiableMap(f);
    }

    /** Writes {@link #FILES} into the folder given (default {@code src/test/resources/snapshots}). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/snapshots");
        Files.createDirectories(dir);
        for (Map.Entry<String, Supplier<TopologySnapshot>> e : FILES.entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.writeString(file, SnapshotJson.toJson(e.getValue().get()));
            System.out.println(file + ": " + Files.size(file) + " bytes");
        }
    }

    // ---- the developer's host -----------------------------------------------------------------------

    /**
     * {@code bench/devhost.sh}'s workload beside the recorded lab: on engine 1 of
     * {@code snapshots/lab.json}, in the order the script makes them, the network {@code proxy}
     * (100.82.100.0/24), {@code <project>_default} (100.82.1-5.0/24), {@code edge-proxy-1}
     * (127.0.0.1:80 and :443), each project's services ({@code <project>-<service>-1}, compose
     * labels, the service as alias), its first service connected to {@code proxy}, then the standalone
     * {@code devhost-postgres} (127.0.0.1:15432), {@code devhost-redis}, {@code devhost-mailpit} and
     * {@code devhost-toolbox} on the default bridge, without compose labels. The lab's containers keep
     * theirs (none).
     */
    public static TopologySnapshot devHost() {
        TopologySnapshot lab = lab();
        Host engine1 = lab.hosts().get(0);
        HostBuilder b = new HostBuilder(engine1.id(), lab, new Iptables(engine1.firewall().iptablesSave()));
        Net bridge = b.existingBridgeNetwork("bridge");
        Net proxy = b.bridge("proxy", "100.82.100.0/24", Map.of());
        List<Net> projectNets = new ArrayList<>();
        int k = 1;
        for (String project : DEVHOST_PROJECTS.keySet()) {
            projectNets.add(b.bridge(project + "_default", "100.82." + k++ + ".0/24", Map.of()));
        }
        b.container("edge-proxy-1", DEVHOST_IMAGE, "proxy", compose("edge", "proxy"), proxy, "proxy",
                List.of(new PortMapping("127.0.0.1", 80, 80, "tcp"), new PortMapping("127.0.0.1", 443, 443, "tcp")));
        int p = 0;
        for (Map.Entry<String, List<String>> project : DEVHOST_PROJECTS.entrySet()) {
            Net net = projectNets.get(p++);
            for (String service : project.getValue()) {
                b.container(project.getKey() + "-" + service + "-1", DEVHOST_IMAGE, net.name,
                        compose(project.getKey(), service), net, service, List.of());
            }
            String front = project.getValue().get(0);
            b.connect(project.getKey() + "-" + front + "-1", proxy, project.getKey() + "-" + front);
        }
        b.container("devhost-postgres", DEVHOST_IMAGE, "default", Map.of(), bridge, null,
                List.of(new PortMapping("127.0.0.1", 15432, 5432, "tcp")));
        for (String name : List.of("devhost-redis", "devhost-mailpit", "devhost-toolbox")) {
            b.container(name, DEVHOST_IMAGE, "default", Map.of(), bridge, null, List.of());
        }
        List<Host> hosts = new ArrayList<>(lab.hosts());
        FirewallCapture f = engine1.firewall();
        hosts.set(0, withFirewall(engine1, new FirewallCapture(b.iptables.text(), f.ip6tablesSave(), f.nftRuleset(),
                f.missing())));
        return b.snapshot(hosts, lab.tunnels());
    }

    private static TopologySnapshot lab() {
        try (InputStream in = SyntheticHosts.class.getResourceAsStream("/snapshots/lab.json")) {
            if (in == null) {
                throw new IllegalStateException("snapshots/lab.json is not on the class path");
            }
            return SnapshotJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidSnapshotException e) {
            throw new IllegalStateException("snapshots/lab.json: " + e.getMessage(), e);
        }
    }

    // ---- many compose projects ---------------------------------------------------------------------

    /**
     * One host ({@code devbox}) with {@code networks} compose projects, each on its own network
     * {@code <project>_default} (10.N.0.0/16, N from 10), and {@code containers} running
     * containers spread over them as evenly as the division allows (projects in order, services
     * {@code web, api, db, cache, worker, ...}, a second replica {@code -2} when a project has more
     * than ten). Projects are named shop, blog, chat, ... then shop2, blog2, ... Multi-homed: each
     * project's first container (its web) also joins the next project's network (when there is more
     * than one). Published ports: every fifth project's web on 0.0.0.0:(8000 + project number), every
     * tenth project's db on 127.0.0.1:(15000 + project number). Also there, as on any engine: the
     * networks bridge (docker0, no containers), host and none.
     *
     * @param containers at least {@code networks}
     * @param networks from 1 to 240
     */
    public static TopologySnapshot scale(int containers, int networks) {
        if (networks < 1 || networks > 240 || containers < networks) {
            throw new IllegalArgumentException("scale(" + containers + ", " + networks
                    + "): networks must be 1 to 240, and containers at least networks");
        }
        String seed = "scale/" + containers + "/" + networks;
        String hostId = "host-" + hex(seed + "/host", 8);
        Host host = new Host(hostId, "unix:///var/run/docker.sock", "devbox", "20.10.24+dfsg1", "1.41",
                "Debian GNU/Linux 12 (bookworm)", "6.1.0-21-amd64", null, null, false, true,
                uuid(seed + "/boot"), List.of(), null);
        HostBuilder b = new HostBuilder(hostId, null, new Iptables(Iptables.EMPTY_DOCKER));
        b.hostBasics();
        b.builtInNetworks();
        List<Net> nets = new ArrayList<>();
        List<String> projects = new ArrayList<>();
        for (int k = 0; k < networks; k++) {
            String name = PROJECT_NAMES.get(k % PROJECT_NAMES.size());
            String project = k < PROJECT_NAMES.size() ? name : name + (k / PROJECT_NAMES.size() + 1);
            projects.add(project);
            nets.add(b.bridge(project + "_default", "10." + (10 + k) + ".0.0/16", Map.of()));
        }
        for (int k = 0; k < networks; k++) {
            int size = containers / networks + (k < containers % networks ? 1 : 0);
            Net net = nets.get(k);
            for (int i = 0; i < size; i++) {
                String[] service = SCALE_SERVICES.get(i % SCALE_SERVICES.size());
                String name = projects.get(k) + "-" + service[0] + "-" + (i / SCALE_SERVICES.size() + 1);
                List<PortMapping> ports = List.of();
                if (i == 0 && k % 5 == 0) {
                    ports = List.of(new PortMapping("0.0.0.0", 8000 + k, 80, "tcp"));
                } else if ("db".equals(service[0]) && i < SCALE_SERVICES.size() && k % 10 == 0) {
                    ports = List.of(new PortMapping("127.0.0.1", 15000 + k, 5432, "tcp"));
                }
                b.container(name, service[1], net.name, compose(projects.get(k), service[0]), net, service[0], ports);
            }
        }
        if (networks > 1) {
            for (int k = 0; k < networks; k++) {
                Net next = nets.get((k + 1) % networks);
                b.connect(projects.get(k) + "-web-1", next, projects.get(k) + "-web");
            }
        }
        Host withFirewall = withFirewall(host, new FirewallCapture(b.iptables.text(), null, null, List.of()));
        return b.snapshot(List.of(withFirewall), List.of());
    }

    private static Map<String, String> compose(String project, String service) {
        return Map.of(PROJECT, project, SERVICE, service);
    }

    private static Host withFirewall(Host h, FirewallCapture firewall) {
        return new Host(h.id(), h.endpoint(), h.name(), h.engineVersion(), h.apiVersion(), h.os(), h.kernelVersion(),
                h.swarmNodeId(), h.underlayAddress(), h.swarmManager(), h.kernelView(), h.kernelId(), h.missing(),
                firewall);
    }

    // ---- one host's kernel and engine, built as Docker builds them --------------------------------

    /** A bridge network being filled: its id, bridge and the next free address of its subnet. */
    private static final class Net {
        final String id;
        final String name;
        final String bridgeId;
        final String bridgeName;
        final int prefix;
        final boolean defaultBridge;
        int next;

        Net(String id, String name, String bridgeId, String bridgeName, int prefix, int next, boolean defaultBridge) {
            this.id = id;
            this.name = name;
            this.bridgeId = bridgeId;
            this.bridgeName = bridgeName;
            this.prefix = prefix;
            this.next = next;
            this.defaultBridge = defaultBridge;
        }
    }

    /** A container being built: its legs grow as networks are connected. */
    private static final class Ctr {
        final String id;
        final String name;
        final String image;
        final String networkMode;
        final String namespace;
        final Map<String, String> labels;
        final List<PortMapping> ports;
        final List<Endpoint> endpoints = new ArrayList<>();

        Ctr(String id, String name, String image, String networkMode, String namespace, Map<String, String> labels,
                List<PortMapping> ports) {
            this.id = id;
            this.name = name;
            this.image = image;
            this.networkMode = networkMode;
            this.namespace = namespace;
            this.labels = labels;
            this.ports = ports;
        }
    }

    private static final class HostBuilder {
        final String hostId;
        final String hostNs;
        final Iptables iptables;
        final List<NetNamespace> namespaces = new ArrayList<>();
        final List<NetInterface> interfaces = new ArrayList<>();
        final List<Network> networks = new ArrayList<>();
        final List<Container> otherContainers = new ArrayList<>();
        final Map<String, Ctr> containers = new LinkedHashMap<>();
        final Set<String> hostNames = new HashSet<>();
        final Set<String> namespaceNames = new HashSet<>();
        final TopologySnapshot base;
        int ifindex;

        /** @param base a snapshot to add to (its other hosts are kept as they are), or null */
        HostBuilder(String hostId, TopologySnapshot base, Iptables iptables) {
            this.hostId = hostId;
            this.hostNs = hostId + "/ns/host";
            this.base = base;
            this.iptables = iptables;
            int highest = 2;
            if (base != null) {
                namespaces.addAll(base.namespaces());
                interfaces.addAll(base.interfaces());
                networks.addAll(base.networks());
                otherContainers.addAll(base.containers());
                for (NetInterface i : base.interfaces()) {
                    if (i.namespace().startsWith(hostId + "/")) {
                        highest = Math.max(highest, i.ifindex());
                        if (i.namespace().equals(hostNs)) {
                            hostNames.add(i.name());
                        }
                    }
                }
                base.namespaces().stream().filter(n -> n.host().equals(hostId)).forEach(n -> namespaceNames.add(n.name()));
            }
            // Room between what is there and what comes, as a kernel that made and removed some meanwhile.
            ifindex = highest + 10;
        }

        /** The host namespace with lo and eth0, as on the machines here. */
        void hostBasics() {
            namespaces.add(new NetNamespace(hostNs, hostId, NamespaceKind.HOST, "host", "/proc/812/ns/net", List.of()));
            hostNames.add("lo");
            hostNames.add("eth0");
            interfaces.add(new NetInterface(hostNs + "/lo", hostNs, "lo", 1, InterfaceKind.LOOPBACK, "00:00:00:00:00:00",
                    65536, "UNKNOWN", List.of("127.0.0.1/8", "::1/128"), null, null, null, null, null));
            String mac = "02:fc:00:00:00:01";
            interfaces.add(new NetInterface(hostNs + "/eth0", hostNs, "eth0", 2, InterfaceKind.DEVICE, mac, 1500, "UP",
                    List.of("192.0.2.2/24", linkLocal(mac)), null, null, null, null, null));
        }

        /** bridge (docker0, no containers: its state DOWN), host and none, as every engine has them. */
        void builtInNetworks() {
            String bridgeId = hostNs + "/docker0";
            String mac = dockerMac(hex(hostId + "/docker0", 8));
            hostNames.add("docker0");
            interfaces.add(new NetInterface(bridgeId, hostNs, "docker0", ifindex++, InterfaceKind.BRIDGE, mac, 1500, "DOWN",
                    List.of("172.17.0.1/16"), null, null, null, null, null));
            Map<String, String> options = new LinkedHashMap<>();
            options.put("com.docker.network.bridge.default_bridge", "true");
            options.put("com.docker.network.bridge.enable_icc", "true");
            options.put("com.docker.network.bridge.enable_ip_masquerade", "true");
            options.put("com.docker.network.bridge.host_binding_ipv4", "0.0.0.0");
            options.put("com.docker.network.bridge.name", "docker0");
            options.put("com.docker.network.driver.mtu", "1500");
            networks.add(new Network(hex(hostId + "/network/bridge", 64), hostId, "bridge", "bridge", "local", false,
                    false, false, List.of("172.17.0.0/16"), List.of("172.17.0.1"), bridgeId, null, null, null, List.of(),
                    List.of(), options));
            networks.add(new Network(hex(hostId + "/network/host", 64), hostId, "host", "host", "local", false, false,
                    false, List.of(), List.of(), null, null, null, null, List.of(), List.of(), Map.of()));
            networks.add(new Network(hex(hostId + "/network/none", 64), hostId, "none", "null", "local", false, false,
                    false, List.of(), List.of(), null, null, null, null, List.of(), List.of(), Map.of()));
        }

        /** A bridge network already in the base snapshot, to add containers to after its highest address. */
        Net existingBridgeNetwork(String name) {
            Network n = networks.stream().filter(x -> x.host().equals(hostId) && x.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no network " + name + " on " + hostId));
            String subnet = n.subnets().get(0);
            int highest = address(subnet) + 1;
            for (Container c : otherContainers) {
                for (Endpoint e : c.endpoints()) {
                    if (e.network().equals(n.id()) && e.ipv4() != null) {
                        highest = Math.max(highest, address(e.ipv4()));
                    }
                }
            }
            String bridgeName = n.bridge().substring(n.bridge().lastIndexOf('/') + 1);
            return new Net(n.id(), n.name(), n.bridge(), bridgeName, prefix(subnet), highest + 1, "bridge".equals(name));
        }

        /** A user bridge network with its own Linux bridge {@code br-<id12>}, gateway .1 of the subnet. */
        Net bridge(String name, String subnet, Map<String, String> options) {
            String id = hex(hostId + "/network/" + name, 64);
            String bridgeName = "br-" + id.substring(0, 12);
            String bridgeId = hostNs + "/" + bridgeName;
            int gateway = address(subnet) + 1;
            String mac = dockerMac(hex(bridgeId, 8));
            hostNames.add(bridgeName);
            interfaces.add(new NetInterface(bridgeId, hostNs, bridgeName, ifindex++, InterfaceKind.BRIDGE, mac, 1500, "UP",
                    List.of(dotted(gateway) + "/" + prefix(subnet), linkLocal(mac)), null, null, null, null, null));
            networks.add(new Network(id, hostId, name, "bridge", "local", false, false, false, List.of(subnet),
                    List.of(dotted(gateway)), bridgeId, null, null, null, List.of(), List.of(), options));
            iptables.bridge(bridgeName, subnet);
            return new Net(id, name, bridgeId, bridgeName, prefix(subnet), gateway + 1, false);
        }

        /** A running container on one network (its eth0), as {@code docker run --network NET} makes it. */
        void container(String name, String image, String networkMode, Map<String, String> labels, Net net, String alias,
                List<PortMapping> ports) {
            String id = hex(hostId + "/container/" + name, 64);
            String nsName = unique(namespaceNames, hostId + "/sandbox/" + id, 12, "");
            String ns = hostId + "/ns/" + nsName;
            namespaces.add(new NetNamespace(ns, hostId, NamespaceKind.CONTAINER, nsName, "/var/run/docker/netns/" + nsName,
                    List.of(id)));
            interfaces.add(new NetInterface(ns + "/lo", ns, "lo", 1, InterfaceKind.LOOPBACK, "00:00:00:00:00:00", 65536,
                    "UNKNOWN", List.of("127.0.0.1/8"), null, null, null, null, null));
            Ctr c = new Ctr(id, name, image, networkMode, ns, labels, ports);
            containers.put(name, c);
            String ip = leg(c, net, alias);
            for (PortMapping p : ports) {
                iptables.port(net.bridgeName, ip, p);
            }
        }

        /** {@code docker network connect --alias ALIAS NET NAME}: one more veth, eth1, eth2... */
        void connect(String name, Net net, String alias) {
            Ctr c = containers.get(name);
            if (c == null) {
                throw new IllegalStateException("no container " + name);
            }
            leg(c, net, alias);
        }

        /** A veth pair: ethN in the container, vethXXXXXXX on the bridge; returns the address. */
        private String leg(Ctr c, Net net, String alias) {
            String ethName = "eth" + c.endpoints.size();
            String ethId = c.namespace + "/" + ethName;
            String ip = dotted(net.next++);
            String mac = dockerMac(ip);
            String vethName = "veth" + unique(hostNames, ethId, 7, "veth");
            String vethId = hostNs + "/" + vethName;
            String vethMac = localMac(hex(vethId, 12));
            interfaces.add(new NetInterface(ethId, c.namespace, ethName, ifindex++, InterfaceKind.VETH, mac, 1500, "UP",
                    List.of(ip + "/" + net.prefix), null, vethId, null, null, null));
            interfaces.add(new NetInterface(vethId, hostNs, vethName, ifindex++, InterfaceKind.VETH, vethMac, 1500, "UP",
                    List.of(linkLocal(vethMac)), net.bridgeId, ethId, null, null, null));
            List<String> aliases = new ArrayList<>();
            if (!net.defaultBridge) { // the default bridge has no name resolution, and no aliases
                if (alias != null) {
                    aliases.add(alias);
                }
                aliases.add(c.id.substring(0, 12));
            }
            c.endpoints.add(new Endpoint(net.id, net.name, ip + "/" + net.prefix, null, mac, aliases, ethId));
            return ip;
        }

        /** Everything, sorted as discovery sorts it. */
        TopologySnapshot snapshot(List<Host> hosts, List<dev.netlens.snapshot.Tunnel> tunnels) {
            List<Container> all = new ArrayList<>(otherContainers);
            for (Ctr c : containers.values()) {
                List<Endpoint> endpoints = new ArrayList<>(c.endpoints);
                endpoints.sort(Comparator.comparing(Endpoint::networkName)); // the engine lists them by name
                all.add(new Container(c.id, hostId, c.name, c.image, "running", c.networkMode, c.namespace, endpoints,
                        c.ports, c.labels));
            }
            List<String> hostOrder = hosts.stream().map(Host::id).toList();
            Comparator<String> byHost = Comparator.comparing(hostOrder::indexOf);
            List<NetNamespace> nss = new ArrayList<>(namespaces);
            nss.sort(Comparator.comparing(NetNamespace::id));
            List<NetInterface> ifs = new ArrayList<>(interfaces);
            ifs.sort(Comparator.comparing(NetInterface::id));
            List<Network> nets = new ArrayList<>(networks);
            nets.sort(Comparator.comparing(Network::host, byHost).thenComparing(Network::name));
            all.sort(Comparator.comparing(Container::host, byHost).thenComparing(Container::name));
            return new TopologySnapshot(TopologySnapshot.SCHEMA, CAPTURED_AT, "file", hosts, nss, ifs, nets, all, tunnels);
        }
    }

    // ---- the iptables-save text Docker 20.10 leaves -------------------------------------------------

    /**
     * An iptables-save text, edited as Docker 20.10 edits the tables when it makes a bridge network
     * (its rules inserted above the older networks') or publishes a port (appended).
     */
    static final class Iptables {
        /** A fresh engine's tables: docker0 only, nothing published. */
        static final String EMPTY_DOCKER = """
                # Generated by iptables-save v1.8.9 (nf_tables) on Thu Jan  1 00:00:00 2026
                *filter
                :INPUT ACCEPT [0:0]
                :FORWARD DROP [0:0]
                :OUTPUT ACCEPT [0:0]
                :DOCKER - [0:0]
                :DOCKER-ISOLATION-STAGE-1 - [0:0]
                :DOCKER-ISOLATION-STAGE-2 - [0:0]
                :DOCKER-USER - [0:0]
                -A FORWARD -j DOCKER-USER
                -A FORWARD -j DOCKER-ISOLATION-STAGE-1
                -A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
                -A FORWARD -o docker0 -j DOCKER
                -A FORWARD -i docker0 ! -o docker0 -j ACCEPT
                -A FORWARD -i docker0 -o docker0 -j ACCEPT
                -A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2
                -A DOCKER-ISOLATION-STAGE-1 -j RETURN
                -A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP
                -A DOCKER-ISOLATION-STAGE-2 -j RETURN
                -A DOCKER-USER -j RETURN
                COMMIT
                # Completed on Thu Jan  1 00:00:00 2026
                # Generated by iptables-save v1.8.9 (nf_tables) on Thu Jan  1 00:00:00 2026
                *nat
                :PREROUTING ACCEPT [0:0]
                :INPUT ACCEPT [0:0]
                :OUTPUT ACCEPT [0:0]
                :POSTROUTING ACCEPT [0:0]
                :DOCKER - [0:0]
                -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
                -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
                -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
                -A DOCKER -i docker0 -j RETURN
                COMMIT
                # Completed on Thu Jan  1 00:00:00 2026
                """;
        private final List<String> lines;

        Iptables(String text) {
            lines = new ArrayList<>(text.lines().toList());
        }

        String text() {
            return String.join("\n", lines) + "\n";
        }

        void bridge(String br, String subnet) {
            insertFirst("filter", "FORWARD", List.of(
                    "-A FORWARD -o " + br + " -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT",
                    "-A FORWARD -o " + br + " -j DOCKER",
                    "-A FORWARD -i " + br + " ! -o " + br + " -j ACCEPT",
                    "-A FORWARD -i " + br + " -o " + br + " -j ACCEPT"));
            insertFirst("filter", "DOCKER-ISOLATION-STAGE-1",
                    List.of("-A DOCKER-ISOLATION-STAGE-1 -i " + br + " ! -o " + br + " -j DOCKER-ISOLATION-STAGE-2"));
            insertFirst("filter", "DOCKER-ISOLATION-STAGE-2", List.of("-A DOCKER-ISOLATION-STAGE-2 -o " + br + " -j DROP"));
            insertFirst("nat", "POSTROUTING", List.of("-A POSTROUTING -s " + subnet + " ! -o " + br + " -j MASQUERADE"));
            insertFirst("nat", "DOCKER", List.of("-A DOCKER -i " + br + " -j RETURN"));
        }

        void port(String br, String ip, PortMapping p) {
            String proto = p.protocol() + " -m " + p.protocol();
            append("filter", "DOCKER", "-A DOCKER -d " + ip + "/32 ! -i " + br + " -o " + br + " -p " + proto
                    + " --dport " + p.containerPort() + " -j ACCEPT");
            append("nat", "POSTROUTING", "-A POSTROUTING -s " + ip + "/32 -d " + ip + "/32 -p " + proto + " --dport "
                    + p.containerPort() + " -j MASQUERADE");
            String destination = p.hostIp() == null || "0.0.0.0".equals(p.hostIp()) ? "" : "-d " + p.hostIp() + "/32 ";
            append("nat", "DOCKER", "-A DOCKER " + destination + "! -i " + br + " -p " + proto + " --dport "
                    + p.hostPort() + " -j DNAT --to-destination " + ip + ":" + p.containerPort());
        }

        /**
         * Where FORWARD's bridge rules begin: after the jumps to DOCKER-USER and the isolation chain,
         * which Docker keeps first; in other chains, at the chain's first rule.
         */
        private void insertFirst(String table, String chain, List<String> rules) {
            int[] t = table(table);
            int at = -1;
            for (int i = t[0]; i < t[1]; i++) {
                String line = lines.get(i);
                if (line.startsWith("-A " + chain + " ")) {
                    if ("FORWARD".equals(chain) && (line.equals("-A FORWARD -j DOCKER-USER")
                            || line.equals("-A FORWARD -j DOCKER-ISOLATION-STAGE-1"))) {
                        at = i + 1;
                        continue;
                    }
                    if (at < 0) {
                        at = i;
                    }
                    break;
                }
            }
            lines.addAll(at < 0 ? firstRuleAfter(table, chain) : at, rules);
        }

        private void append(String table, String chain, String rule) {
            int[] t = table(table);
            int last = -1;
            for (int i = t[0]; i < t[1]; i++) {
                if (lines.get(i).startsWith("-A " + chain + " ")) {
                    last = i;
                }
            }
            lines.add(last < 0 ? firstRuleAfter(table, chain) : last + 1, rule);
        }

        /**
         * For a chain with no rules yet: before the first rule of a chain declared after it (iptables-save
         * lists rules chain by chain, in the order of the declarations), else before COMMIT.
         */
        private int firstRuleAfter(String table, String chain) {
            int[] t = table(table);
            List<String> declared = new ArrayList<>();
            for (int i = t[0]; i < t[1]; i++) {
                if (lines.get(i).startsWith(":")) {
                    declared.add(lines.get(i).substring(1, lines.get(i).indexOf(' ')));
                }
            }
            List<String> later = declared.subList(declared.indexOf(chain) + 1, declared.size());
            for (int i = t[0]; i < t[1]; i++) {
                String line = lines.get(i);
                if (line.startsWith("-A ") && later.contains(line.substring(3, line.indexOf(' ', 3)))) {
                    return i;
                }
            }
            return t[1];
        }

        /** The lines of a table: from its {@code *name} line to its COMMIT (exclusive). */
        private int[] table(String name) {
            int start = lines.indexOf("*" + name);
            if (start < 0) {
                throw new IllegalStateException("no " + name + " table in the iptables-save text");
            }
            int end = start;
            while (!lines.get(end).equals("COMMIT")) {
                end++;
            }
            return new int[] {start, end};
        }
    }

    // ---- names and addresses ------------------------------------------------------------------------

    /** The first {@code length} hex digits of the SHA-256 of {@code seed}. */
    static String hex(String seed, int length) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            StringBuilder out = new StringBuilder();
            for (int round = 0; out.length() < length; round++) {
                byte[] bytes = round == 0 ? digest
                        : MessageDigest.getInstance("SHA-256").digest((seed + "#" + round).getBytes(StandardCharsets.UTF_8));
                for (byte b : bytes) {
                    out.append(String.format("%02x", b));
                }
            }
            return out.substring(0, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code length} hex digits from {@code seed} not yet in {@code used} (then added), after {@code prefix}. */
    private static String unique(Set<String> used, String seed, int length, String prefix) {
        for (int salt = 0; ; salt++) {
            String candidate = hex(salt == 0 ? seed : seed + "/" + salt, length);
            if (used.add(prefix + candidate)) {
                return candidate;
            }
        }
    }

    private static String uuid(String seed) {
        String h = hex(seed, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-a" + h.substring(17, 20)
                + "-" + h.substring(20, 32);
    }

    /** Docker's MAC for an address: 02:42 and the four bytes of the IPv4 address; or of 8 hex digits. */
    private static String dockerMac(String ipOrHex) {
        int[] b = new int[4];
        if (ipOrHex.contains(".")) {
            String[] parts = ipOrHex.split("\\.");
            for (int i = 0; i < 4; i++) {
                b[i] = Integer.parseInt(parts[i]);
            }
        } else {
            for (int i = 0; i < 4; i++) {
                b[i] = Integer.parseInt(ipOrHex.substring(2 * i, 2 * i + 2), 16);
            }
        }
        return String.format("02:42:%02x:%02x:%02x:%02x", b[0], b[1], b[2], b[3]);
    }

    /** A locally administered unicast MAC from 12 hex digits, as the kernel picks for a veth. */
    private static String localMac(String hex12) {
        int first = (Integer.parseInt(hex12.substring(0, 2), 16) & 0xfc) | 0x02;
        StringBuilder mac = new StringBuilder(String.format("%02x", first));
        for (int i = 2; i < 12; i += 2) {
            mac.append(':').append(hex12, i, i + 2);
        }
        return mac.toString();
    }

    /** The IPv6 link-local address the kernel derives from a MAC (EUI-64), as ip prints it. */
    static String linkLocal(String mac) {
        String[] p = mac.split(":");
        int[] b = new int[6];
        for (int i = 0; i < 6; i++) {
            b[i] = Integer.parseInt(p[i], 16);
        }
        int g1 = ((b[0] ^ 0x02) << 8) | b[1];
        String rest = Integer.toHexString((b[2] << 8) | 0xff) + ":" + Integer.toHexString(0xfe00 | b[3]) + ":"
                + Integer.toHexString((b[4] << 8) | b[5]);
        return "fe80::" + (g1 == 0 ? "" : Integer.toHexString(g1) + ":") + rest + "/64";
    }

    private static int address(String cidr) {
        String[] parts = cidr.split("/")[0].split("\\.");
        int a = 0;
        for (String part : parts) {
            a = (a << 8) | Integer.parseInt(part);
        }
        return a;
    }

    private static int prefix(String cidr) {
        return Integer.parseInt(cidr.split("/")[1]);
    }

    private static String dotted(int a) {
        return ((a >>> 24) & 0xff) + "." + ((a >>> 16) & 0xff) + "." + ((a >>> 8) & 0xff) + "." + (a & 0xff);
    }
}
