package dev.netlens.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netlens.discovery.kernel.KernelLink;
import dev.netlens.snapshot.InterfaceKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VethMatcherTest {
    private static VethMatcher.End end(String id, String ns, int ifindex, int peerIndex, Integer netnsId) {
        KernelLink link = new KernelLink(ifindex, id, InterfaceKind.VETH, "veth", null, 1500, "UP", List.of(), null,
                peerIndex, netnsId, null, null, null);
        return new VethMatcher.End(id, "k", ns, link);
    }

    @Test
    void endsNamingEachOtherAcrossNamespacesArePairedBothWays() {
        Map<String, String> peers = VethMatcher.match(List.of(end("c/eth0", "c", 9, 10, 0), end("h/vethA", "h", 10, 9, 1)));
        assertEquals(Map.of("c/eth0", "h/vethA", "h/vethA", "c/eth0"), peers);
    }

    @Test
    void pairInsideOneNamespaceHasNoNetnsId() {
        Map<String, String> peers = VethMatcher.match(List.of(end("h/a", "h", 5, 6, null), end("h/b", "h", 6, 5, null)));
        assertEquals("h/b", peers.get("h/a"));
    }

    @Test
    void ambiguousEndsStayUnpairedRatherThanGuessed() {
        // Two namespaces each hold an ifindex 10 pointing back at 9: the kernel facts cannot tell which.
        Map<String, String> peers = VethMatcher.match(List.of(
                end("c/eth0", "c", 9, 10, 0), end("h/vethA", "h", 10, 9, 1), end("x/vethB", "x", 10, 9, 1)));
        assertEquals(null, peers.get("c/eth0"));
    }

    @Test
    void endsOnDifferentKernelsAreNeverPaired() {
        KernelLink a = end("a", "n1", 9, 10, 0).link();
        KernelLink b = end("b", "n2", 10, 9, 0).link();
        Map<String, String> peers = VethMatcher.match(List.of(new VethMatcher.End("a", "k1", "n1", a), new VethMatcher.End("b", "k2", "n2", b)));
        assertEquals(Map.of(), peers);
    }

    @Test
    void twoEnginesOnOneKernelRepeatingAPairOfIfindexesArePairedWithinEachEngine() {
        // Ifindexes are per namespace: node 2's container and overlay namespace hold 14<->15 as the
        // first engine's do. Each end's own engine decides.
        Map<String, String> peers = VethMatcher.match(List.of(
                end("A/ns/c/eth0", "A/ns/c", 14, 15, 0), end("A/ns/ov/veth1", "A/ns/ov", 15, 14, 1),
                end("B/ns/c/eth0", "B/ns/c", 14, 15, 0), end("B/ns/ov/veth1", "B/ns/ov", 15, 14, 1)));
        assertEquals("A/ns/ov/veth1", peers.get("A/ns/c/eth0"));
        assertEquals("B/ns/ov/veth1", peers.get("B/ns/c/eth0"));
    }

    @Test
    void aNetnsIdAlreadyKnownFromAnotherPairPicksAmongCandidatesOfOneEngine() {
        // c's netnsid 0 is ov: its eth1 pair says so, so eth0's candidate in x is not its peer.
        Map<String, String> peers = VethMatcher.match(List.of(
                end("A/ns/c/eth1", "A/ns/c", 16, 17, 0), end("A/ns/ov/veth2", "A/ns/ov", 17, 16, 3),
                end("A/ns/c/eth0", "A/ns/c", 14, 15, 0), end("A/ns/ov/veth1", "A/ns/ov", 15, 14, 3),
                end("A/ns/x/veth9", "A/ns/x", 15, 14, 2)));
        assertEquals("A/ns/ov/veth1", peers.get("A/ns/c/eth0"));
        assertEquals(null, peers.get("A/ns/x/veth9"));
    }
}
