package dev.netlens.trace;

import static dev.netlens.trace.LabSnapshots.LAB;
import static dev.netlens.trace.LabSnapshots.NODE1;
import static dev.netlens.trace.LabSnapshots.NODE2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netlens.snapshot.Container;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Traces on the recorded lab (Docker 20.10's rules, routes derived since that file predates their capture). */
class TracerLabTest {
    private static final Tracer LAB_TRACER = new Tracer(LAB);

    private static String ns(String container) {
        return LAB.containers().stream().filter(c -> c.name().equals(container)).map(Container::namespace).findFirst()
                .orElseThrow();
    }

    private static List<HopKind> kinds(TraceResult t) {
        return t.hops().stream().map(Hop::kind).toList();
    }

    private static String text(TraceResult t) {
        return TraceText.render(t, Locale.ENGLISH);
    }

    private static Hop last(TraceResult t) {
        return t.hops().get(t.hops().size() - 1);
    }

    @Test
    void sameBridgeIsForwardedThroughBrNetfilterAndTheReplyComesBackAsEstablished() {
        TraceResult t = LAB_TRACER.trace("lab-bridge-a", "lab-bridge-b");
        assertEquals(Verdict.DELIVERED, t.verdict(), text(t));
        assertEquals(Protocol.ICMP, t.protocol());
        assertEquals("-A FORWARD -i docker0 -o docker0 -j ACCEPT", t.decidingRule().rule());
        assertEquals("ip/filter/FORWARD#15", t.decidingRule().ruleId());
        Hop bridge = t.hops().stream().filter(h -> h.kind() == HopKind.BRIDGE).findFirst().orElseThrow();
        assertEquals(NODE1 + "/ns/host/veth975dded", bridge.interfaceId());
        assertTrue(bridge.note().in(Locale.ENGLISH).contains("assumed to be 1"), bridge.note().in(Locale.ENGLISH));
        assertTrue(t.hops().stream().anyMatch(h -> "FORWARD".equals(h.chain()) && h.kind() == HopKind.NETFILTER));
        Hop reply = last(t);
        assertTrue(reply.action().startsWith("reply"), reply.action());
        assertTrue(reply.rule().contains("RELATED,ESTABLISHED"), reply.rule());
        Hop socket = t.hops().get(t.hops().size() - 2);
        assertEquals(HopKind.SOCKET, socket.kind());
        assertEquals(ns("lab-bridge-b"), socket.namespace());
        assertEquals(ns("lab-bridge-b") + "/eth0", socket.interfaceId());
    }

    @Test
    void anAliasResolvesAsTheSourcesNetworksResolveIt() {
        TraceResult t = LAB_TRACER.trace("lab-user-a", "beta:80");
        assertEquals(Verdict.DELIVERED, t.verdict(), text(t));
        assertEquals("beta", t.to());
        assertEquals(Protocol.TCP, t.protocol());
        assertEquals(80, t.port());
        assertTrue(t.hops().stream().anyMatch(h -> h.kind() == HopKind.SOCKET && ns("lab-user-b").equals(h.namespace())));
    }

    @Test
    void aNameTheSourcesNetworksDoNotResolveIsRefused() {
        // lab-bridge-a is on the default bridge only: no embedded DNS, so "beta" means nothing to it.
        TraceArgumentException e = assertThrows(TraceArgumentException.class, () -> LAB_TRACER.trace("lab-bridge-a", "beta"));
        assertTrue(e.getMessage().contains("beta"), e.getMessage());
    }

    @Test
    void twoUserNetworksAreIsolatedByDockersIsolationChains() {
        TraceResult t = LAB_TRACER.trace("lab-user-a", "lab-renamed-1");
        assertEquals(Verdict.DROPPED, t.verdict(), text(t));
        assertEquals("DOCKER-ISOLATION-STAGE-2", t.decidingRule().chain());
        assertEquals("-A DOCKER-ISOLATION-STAGE-2 -o labbr0 -j DROP", t.decidingRule().rule());
        assertEquals(1, t.decidingRule().index());
        assertEquals(NODE1, t.decidingRule().host());
        Hop drop = last(t);
        assertEquals(HopKind.NETFILTER, drop.kind());
        assertEquals("ip/filter/DOCKER-ISOLATION-STAGE-2#1", drop.ruleId());
        // routed, not bridged: the packet went up to br-678ee52577bb's address first
        assertTrue(t.hops().stream().anyMatch(h -> h.kind() == HopKind.BRIDGE && h.action().startsWith("up to")));
    }

    @Test
    void aContainerMemberSendsFromItsOwnersNamespace() {
        TraceResult t = LAB_TRACER.trace("lab-shared", "lab-bridge-a");
        assertEquals(Verdict.DELIVERED, t.verdict(), text(t));
        Hop first = t.hops().get(0);
        assertEquals(ns("lab-bridge-b"), first.namespace());
        assertTrue(first.note().in(Locale.ENGLISH).contains("container:lab-bridge-b"), first.note().in(Locale.ENGLISH));
        TraceResult toOwner = LAB_TRACER.trace("lab-shared", "lab-bridge-b");
        assertEquals(Verdict.DELIVERED, toOwner.verdict());
        assertEquals(List.of(HopKind.LOOPBACK, HopKind.SOCKET), kinds(toOwner));
    }

    @Test
    void anInternalNetworkHasNoRouteOutButItsMembersReachEachOther() {
        TraceResult out = LAB_TRACER.trace("lab-internal-1", "203.0.113.9");
        assertEquals(Verdict.UNREACHABLE, out.verdict(), text(out));
        assertEquals(List.of(HopKind.ROUTE), kinds(out));
        TraceResult inside = LAB_TRACER.trace("lab-user-b", "lab-internal-1");
        assertEquals(Verdict.DELIVERED, inside.verdict(), text(inside));
        assertEquals("-A FORWARD -i br-ed72d7e84656 -o br-ed72d7e84656 -j ACCEPT", inside.decidingRule().rule());
    }

    @Test
    void iccOffDropsTrafficBetweenTwoPortsOfTheSameBridge() {
        // docker_gwbridge has enable_icc=false: its members (lab-o1's eth1, ingress_sbox) may not talk.
        assertEquals("false", LAB.networks().stream().filter(n -> n.name().equals("docker_gwbridge")).findFirst()
                .orElseThrow().options().get("com.docker.network.bridge.enable_icc"));
        TraceResult t = LAB_TRACER.trace("lab-o1", "172.18.0.2");
        assertEquals(Verdict.DROPPED, t.verdict(), text(t));
        assertEquals("-A FORWARD -i docker_gwbridge -o docker_gwbridge -j DROP", t.decidingRule().rule());
    }

    @Test
    void aNoneModeContainerReachesNothingAndIsReachedByNothing() {
        TraceResult from = LAB_TRACER.trace("lab-none", "lab-bridge-a");
        assertEquals(Verdict.UNREACHABLE, from.verdict());
        assertNull(from.decidingRule());
        TraceResult to = LAB_TRACER.trace("lab-bridge-a", "lab-none");
        assertEquals(Verdict.UNREACHABLE, to.verdict());
        assertTrue(to.reason().in(Locale.ENGLISH).contains("lab-none"));
    }

    @Test
    void anOverlayPacketCrossesToThePeerNodeInVxlan() {
        TraceResult t = LAB_TRACER.trace("lab-o1", "o2");
        assertEquals(Verdict.DELIVERED, t.verdict(), text(t));
        List<HopKind> k = kinds(t);
        int encap = k.indexOf(HopKind.VXLAN);
        int underlay = k.indexOf(HopKind.UNDERLAY);
        int decap = k.lastIndexOf(HopKind.VXLAN);
        assertTrue(encap >= 0 && encap < underlay && underlay < decap, k.toString());
        Hop e = t.hops().get(encap);
        assertEquals(NODE1 + "/ns/1-plrsres906/vxlan0", e.interfaceId());
        assertTrue(e.action().contains("VNI 4097") && e.action().contains("198.18.0.2"), e.action());
        assertEquals(NODE2 + "/ns/1-plrsres906/vxlan0", t.hops().get(decap).interfaceId());
        Hop socket = last(t);
        assertEquals(HopKind.SOCKET, socket.kind());
        assertEquals(NODE2, socket.host());
        assertEquals(ns("lab-o2"), socket.namespace());
        // the encapsulated packet meets the receiving node's INPUT, where Docker 20.10 has nothing against it
        assertTrue(t.hops().stream().anyMatch(h -> NODE2.equals(h.host()) && h.kind() == HopKind.NETFILTER));
    }

    @Test
    void aPublishedPortFromOutsideIsDnatedAndForwardedNeverInput() {
        TraceResult t = LAB_TRACER.trace("203.0.113.9", "host:8080");
        assertEquals(Verdict.DELIVERED, t.verdict(), text(t));
        Hop arrival = t.hops().get(0);
        assertEquals(NODE1 + "/ns/host/eth0", arrival.interfaceId());
        Hop dnat = t.hops().stream().filter(h -> h.kind() == HopKind.NAT).findFirst().orElseThrow();
        assertTrue(dnat.note().in(Locale.ENGLISH).startsWith("PREROUTING"), dnat.note().in(Locale.ENGLISH));
        assertTrue(dnat.rule().contains("--to-destination 172.17.0.2:80"), dnat.rule());
        assertEquals("DOCKER", t.decidingRule().chain());
        assertTrue(t.decidingRule().rule().contains("--dport 80 -j ACCEPT"));
        Hop bypass = t.hops().stream().filter(h -> "INPUT".equals(h.chain())).findFirst().orElseThrow();
        assertEquals("not traversed", bypass.action());
        assertTrue(bypass.note().in(Locale.ENGLISH).contains("22054"));
        Hop socket = t.hops().stream().filter(h -> h.kind() == HopKind.SOCKET).findFirst().orElseThrow();
        assertEquals(ns("lab-bridge-a"), socket.namespace());
    }

    @Test
    void theInputRuleAUserExpectedToApplyIsNamed() {
        Tracer tracer = new Tracer(LabSnapshots.withRules(s -> s.replace(":OUTPUT ACCEPT [0:0]\n:DOCKER - [0:0]",
                ":OUTPUT ACCEPT [0:0]\n:DOCKER - [0:0]\n-A INPUT -i lo -j ACCEPT\n-A INPUT -p tcp -m tcp --dport 8080 -j DROP")));
        TraceResult t = tracer.trace("203.0.113.9", "host:8080/tcp");
        assertEquals(Verdict.DELIVERED, t.verdict(), text(t));
        Hop bypass = t.hops().stream().filter(h -> "INPUT".equals(h.chain())).findFirst().orElseThrow();
        assertEquals("-A INPUT -p tcp -m tcp --dport 8080 -j DROP", bypass.rule());
        assertEquals("ip/filter/INPUT#2", bypass.ruleId());
        assertTrue(bypass.note().in(Locale.ENGLISH).contains("the 2 INPUT rules"), bypass.note().in(Locale.ENGLISH));
        assertTrue(t.hops().stream().noneMatch(h -> h.kind() == HopKind.NETFILTER && "DROP".equals(h.action())));
    }

    @Test
    void aContainerReachesTheOutsideMasqueradedAsTheHost() {
        TraceResult t = LAB_TRACER.trace("lab-bridge-a", "203.0.113.9:443");
        assertEquals(Verdict.DELIVERED, t.verdict(), text(t));
        Hop masq = t.hops().stream().filter(h -> h.kind() == HopKind.NAT).findFirst().orElseThrow();
        assertEquals("-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE", masq.rule());
        assertTrue(masq.note().in(Locale.ENGLISH).contains("192.0.2.2"), masq.note().in(Locale.ENGLISH));
        assertTrue(t.reason().in(Locale.ENGLISH).contains("from 192.0.2.2"), t.reason().in(Locale.ENGLISH));
        assertEquals(NODE1 + "/ns/host/eth0", last(t).interfaceId());
    }

    @Test
    void theHostCannotReachItsOwnMacvlanChildNorTheChildTheHost() {
        TraceResult down = LAB_TRACER.trace("host", "lab-macvlan-1");
        assertEquals(Verdict.UNREACHABLE, down.verdict(), text(down));
        assertEquals(HopKind.MACVLAN, down.hops().get(0).kind());
        assertEquals(NODE1 + "/ns/host/mvparent0", down.hops().get(0).interfaceId());
        TraceResult up = LAB_TRACER.trace("lab-macvlan-1", "host");
        assertEquals(Verdict.UNREACHABLE, up.verdict(), text(up));
        assertTrue(up.reason().in(Locale.ENGLISH).contains("macvlan"));
    }

    @Test
    void aHostModeContainerSendsFromTheHostsNamespaceThroughOutput() {
        TraceResult t = LAB_TRACER.trace("lab-host", "lab-bridge-a");
        assertEquals(Verdict.DELIVERED, t.verdict(), text(t));
        assertEquals(NODE1 + "/ns/host", t.hops().get(0).namespace());
        assertTrue(t.hops().stream().anyMatch(h -> h.note().in(Locale.ENGLISH).startsWith("OUTPUT")));
        assertTrue(t.hops().stream().noneMatch(h -> "FORWARD".equals(h.chain())));
    }

    @Test
    void theHostReachesItsOwnPublishedPortThroughOutputDnat() {
        TraceResult t = LAB_TRACER.trace("host", "host:8080");
        assertEquals(Verdict.DELIVERED, t.verdict(), text(t));
        assertTrue(t.hops().stream().anyMatch(h -> h.kind() == HopKind.NAT && "DOCKER".equals(h.chain())));
        assertEquals(ns("lab-bridge-a"), last(t).namespace());
    }

    @Test
    void aDockerUserDropDecidesBeforeDockersOwnRules() {
        Tracer tracer = new Tracer(LabSnapshots.withRules(s -> s.replace("-A DOCKER-USER -j RETURN",
                "-A DOCKER-USER -s 172.17.0.2/32 -d 172.17.0.3/32 -j DROP\n-A DOCKER-USER -j RETURN")));
        TraceResult t = tracer.trace("lab-bridge-a", "lab-bridge-b");
        assertEquals(Verdict.DROPPED, t.verdict(), text(t));
        assertEquals("DOCKER-USER", t.decidingRule().chain());
        assertEquals(1, t.decidingRule().index());
        // The other way the packet passes, but its reply matches the rule.
        TraceResult other = tracer.trace("lab-bridge-b", "lab-bridge-a");
        assertEquals(Verdict.DROPPED, other.verdict(), text(other));
        assertTrue(other.reason().in(Locale.ENGLISH).contains("reply"), other.reason().in(Locale.ENGLISH));
    }

    @Test
    void aReplyTheFirewallStopsMakesTheTraceDropped() {
        Tracer tracer = new Tracer(LabSnapshots.withRules(s -> s.replace("-A DOCKER-USER -j RETURN",
                "-A DOCKER-USER -m conntrack --ctstate RELATED,ESTABLISHED -j DROP\n-A DOCKER-USER -j RETURN")));
        TraceResult t = tracer.trace("lab-bridge-a", "lab-bridge-b");
        assertEquals(Verdict.DROPPED, t.verdict(), text(t));
        assertTrue(t.reason().in(Locale.ENGLISH).contains("reply"), t.reason().in(Locale.ENGLISH));
        assertEquals("DOCKER-USER", t.decidingRule().chain());
        assertEquals(HopKind.SOCKET, t.hops().stream().filter(h -> h.kind() == HopKind.SOCKET).findFirst().orElseThrow().kind());
        TraceResult udp = tracer.trace("lab-bridge-a", "lab-bridge-b:53/udp");
        assertEquals(Verdict.DELIVERED, udp.verdict(), "udp has no reply to check: " + text(udp));
    }

    @Test
    void withBrNetfilterOffBridgedTrafficNeverMeetsIptables() {
        Tracer tracer = new Tracer(LabSnapshots.withSysctls(Map.of("net.bridge.bridge-nf-call-iptables", "0",
                "net.ipv4.ip_forward", "1")));
        TraceResult t = tracer.trace("lab-bridge-a", "lab-bridge-b");
        assertEquals(Verdict.DELIVERED, t.verdict(), text(t));
        assertTrue(t.hops().stream().noneMatch(h -> h.kind() == HopKind.NETFILTER), text(t));
        assertNull(t.decidingRule());
        assertTrue(t.hops().stream().anyMatch(h -> h.note().in(Locale.ENGLISH).contains("bridge-nf-call-iptables is 0")));
    }

    @Test
    void withForwardingOffARoutedPacketGoesNowhere() {
        Tracer tracer = new Tracer(LabSnapshots.withSysctls(Map.of("net.bridge.bridge-nf-call-iptables", "1",
                "net.ipv4.ip_forward", "0")));
        TraceResult t = tracer.trace("lab-bridge-a", "203.0.113.9");
        assertEquals(Verdict.UNREACHABLE, t.verdict(), text(t));
        assertTrue(t.reason().in(Locale.ENGLISH).contains("ip_forward"));
        TraceResult bridged = tracer.trace("lab-bridge-a", "lab-bridge-b");
        assertEquals(Verdict.DELIVERED, bridged.verdict(), "bridging needs no forwarding: " + text(bridged));
        assertTrue(bridged.hops().stream().noneMatch(h -> h.note().in(Locale.ENGLISH).contains("assumed")));
    }

    @Test
    void aMatchTheEvaluatorDoesNotKnowGivesUnknownNotAGuess() {
        Tracer tracer = new Tracer(LabSnapshots.withRules(s -> s.replace("-A DOCKER-USER -j RETURN",
                "-A DOCKER-USER -m bpf --bytecode 4,48 0 0 9 -j DROP\n-A DOCKER-USER -j RETURN")));
        TraceResult t = tracer.trace("lab-bridge-a", "lab-bridge-b");
        assertEquals(Verdict.UNKNOWN, t.verdict(), text(t));
        assertNull(t.decidingRule());
    }

    @Test
    void aHostWhoseFirewallWasNotReadGivesUnknown() {
        TraceResult t = new Tracer(LabSnapshots.withoutFirewall()).trace("lab-bridge-a", "lab-bridge-b");
        assertEquals(Verdict.UNKNOWN, t.verdict(), text(t));
        assertTrue(t.reason().in(Locale.ENGLISH).contains("permission denied"), t.reason().in(Locale.ENGLISH));
    }

    @Test
    void aStoppedContainerIsUnreachable() {
        TraceResult t = LAB_TRACER.trace("lab-bridge-a", "lab-exited");
        assertEquals(Verdict.UNREACHABLE, t.verdict());
        assertTrue(t.reason().in(Locale.ENGLISH).contains("exited"), t.reason().in(Locale.ENGLISH));
        assertTrue(t.hops().isEmpty());
    }

    @Test
    void endpointsThatDoNotExistAndMalformedDestinationsAreRefused() {
        for (String[] bad : new String[][] {{"no-such", "lab-bridge-a"}, {"lab-bridge-a", "no-such"},
                {"lab-bridge-a", "lab-bridge-b:0"}, {"lab-bridge-a", "lab-bridge-b:http"}, {"lab-bridge-a", "lab-bridge-b/sctp"},
                {"lab-bridge-a", "lab-bridge-b:80/icmp"}, {"lab-bridge-a", "lab-bridge-b/tcp"}, {"", "lab-bridge-a"},
                {"lab-bridge-a", ""}}) {
            assertThrows(TraceArgumentException.class, () -> LAB_TRACER.trace(bad[0], bad[1]), String.join(" -> ", bad));
        }
    }

    @Test
    void containersAreFoundByIdAndIdPrefixAsWellAsName() {
        Container a = LAB.containers().stream().filter(c -> c.name().equals("lab-bridge-a")).findFirst().orElseThrow();
        assertEquals(Verdict.DELIVERED, LAB_TRACER.trace(a.id(), "lab-bridge-b").verdict());
        assertEquals(Verdict.DELIVERED, LAB_TRACER.trace(a.id().substring(0, 12), "172.17.0.3").verdict());
    }

    @Test
    void hopsNameTheSnapshotsIdsAndAreNumberedInOrder() {
        TraceResult t = LAB_TRACER.trace("lab-user-a", "lab-renamed-1");
        java.util.Set<String> ids = new java.util.HashSet<>();
        LAB.interfaces().forEach(i -> ids.add(i.id()));
        java.util.Set<String> nss = new java.util.HashSet<>();
        LAB.namespaces().forEach(n -> nss.add(n.id()));
        for (int i = 0; i < t.hops().size(); i++) {
            Hop h = t.hops().get(i);
            assertEquals(i + 1, h.index());
            assertNotNull(h.note());
            assertTrue(h.interfaceId() == null || ids.contains(h.interfaceId()), h.interfaceId());
            assertTrue(h.namespace() == null || nss.contains(h.namespace()), h.namespace());
            assertTrue(h.host().equals(NODE1), h.host());
            assertFalse(h.note().in(Locale.ENGLISH).isBlank());
        }
    }

    @Test
    void aServiceVipAndTheRoutingMeshAreSaidToBeBeyondTheCapture() {
        dev.netlens.snapshot.TopologySnapshot withService = new dev.netlens.snapshot.TopologySnapshot(LAB.schema(),
                LAB.capturedAt(), LAB.source(), LAB.hosts(), LAB.namespaces(), LAB.interfaces(),
                LAB.networks().stream().map(n -> !n.name().equals("lab-overlay") ? n : new dev.netlens.snapshot.Network(n.id(),
                        n.host(), n.name(), n.driver(), n.scope(), n.internal(), n.attachable(), n.ingress(), n.subnets(),
                        n.gateways(), n.bridge(), n.vxlan(), n.parent(), n.vni(), n.peers(),
                        List.of(new dev.netlens.snapshot.ServiceRecord("web", "10.0.1.9/24", List.of(), List.of(
                                new dev.netlens.snapshot.ServiceTask("web.1.x", "10.0.1.4", "198.18.0.2")))),
                        n.options())).toList(),
                LAB.containers(), LAB.tunnels());
        TraceResult vip = new Tracer(withService).trace("lab-o1", "10.0.1.9");
        assertEquals(Verdict.UNKNOWN, vip.verdict(), text(vip));
        assertTrue(vip.reason().in(Locale.ENGLISH).contains("virtual IP of the swarm service web"), text(vip));
        TraceResult mesh = LAB_TRACER.trace("host", "172.18.0.2");
        assertEquals(Verdict.UNKNOWN, mesh.verdict(), text(mesh));
        assertTrue(mesh.reason().in(Locale.ENGLISH).contains("IPVS"), text(mesh));
        assertEquals(NODE1 + "/ns/ingress_sbox", last(mesh).namespace());
    }
}
