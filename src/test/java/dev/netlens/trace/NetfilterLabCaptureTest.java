package dev.netlens.trace;

import dev.netlens.firewall.FirewallCaptureParser;
import dev.netlens.firewall.FirewallRuleset;
import dev.netlens.firewall.Table;
import dev.netlens.snapshot.FirewallCapture;
import dev.netlens.trace.NetfilterResult.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.netlens.trace.NetfilterFixtures.bridged;
import static dev.netlens.trace.NetfilterFixtures.resource;
import static dev.netlens.trace.NetfilterFixtures.tcp;
import static dev.netlens.trace.NetfilterFixtures.tcpToHost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lab machine's own Docker 20.10 rules, read as discovery reads them (iptables-save beside nft's
 * listing). The pings predicted here were sent for real when the capture was taken, and the counters
 * of the deciding rules moved (src/test/resources/trace/README.md).
 */
class NetfilterLabCaptureTest {
    private static final FirewallRuleset LAB = FirewallCaptureParser.read(new FirewallCapture(
            resource("trace/docker20-lab-now.iptables-save"), null, resource("trace/docker20-lab-now.nft.json"),
            List.of()));
    private static final Netfilter NETFILTER = new Netfilter(LAB, Map.of());
    private static final String LAB_USER = "br-42d95951f0a5";
    private static final String LAB_INTERNAL = "br-831c221b16a1";

    private static Packet ping(String src, String dst, String in, String out, String inPort, String outPort) {
        return new Packet(Protocol.ICMP, src, null, dst, null, in, out, inPort, outPort, CtState.NEW, false, false);
    }

    /** The deciding rule as iptables-save printed it, without the counters -c put in front. */
    private static String line(NetfilterResult r) {
        return r.deciding().raw().replaceFirst("^\\[\\d+:\\d+\\] ", "");
    }

    @Test
    void theCaptureIsReadWithoutNftsCopyOfIptablesTables() {
        assertEquals(List.of(), LAB.problems());
        assertTrue(LAB.tables().stream().allMatch(t -> t.source() == Table.Source.IPTABLES));
    }

    @Test
    void publishedPort8080IsDnattedToLabBridgeA() {
        NetfilterResult r = NETFILTER.traverse(Hook.PREROUTING, tcpToHost("198.51.100.7", "192.0.2.10", 8080, "eth0"));

        assertEquals(Outcome.ACCEPT, r.outcome());
        assertEquals("172.17.0.2", r.packet().destination());
        assertEquals(80, r.packet().destinationPort());
    }

    @Test
    void forwardingToThePublishedPortIsAcceptedByTheDockerChain() {
        NetfilterResult r = NETFILTER.traverse(Hook.FORWARD,
                tcp("198.51.100.7", "172.17.0.2", 80, "eth0", "docker0", CtState.NEW));

        assertEquals(Outcome.ACCEPT, r.outcome());
        assertEquals("-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT",
                line(r));
    }

    @Test
    void labUserPingingTheDefaultBridgeIsDroppedInStageTwo() {
        NetfilterResult r = NETFILTER.traverse(Hook.FORWARD, ping("172.19.0.2", "172.17.0.2", LAB_USER, "docker0", null, null));

        assertEquals(Outcome.DROP, r.outcome());
        assertEquals("-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP", line(r));
    }

    @Test
    void twoContainersOnDocker0PingEachOther() {
        NetfilterResult r = NETFILTER.traverse(Hook.FORWARD,
                ping("172.17.0.3", "172.17.0.2", "docker0", "docker0", "veth-b", "veth-a"));
        NetfilterResult reply = NETFILTER.traverse(Hook.FORWARD, new Packet(Protocol.ICMP, "172.17.0.2", null,
                "172.17.0.3", null, "docker0", "docker0", "veth-a", "veth-b", CtState.ESTABLISHED, false, false));

        assertEquals(Outcome.ACCEPT, r.outcome());
        assertEquals("-A FORWARD -i docker0 -o docker0 -j ACCEPT", line(r));
        assertEquals(Outcome.ACCEPT, reply.outcome());
        assertEquals("-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT", line(reply));
    }

    @Test
    void theInternalNetworksContainerCannotReachAnotherNetwork() {
        NetfilterResult r = NETFILTER.traverse(Hook.FORWARD, ping("172.21.0.3", "172.19.0.2", LAB_INTERNAL, LAB_USER, null, null));

        assertEquals(Outcome.DROP, r.outcome());
        assertEquals("-A DOCKER-ISOLATION-STAGE-1 ! -d 172.21.0.0/16 -i br-831c221b16a1 -j DROP", line(r));
    }

    @Test
    void theGatewayBridgeKeepsItsContainersApart() {
        NetfilterResult r = NETFILTER.traverse(Hook.FORWARD,
                bridged("172.18.0.3", "172.18.0.2", 80, "docker_gwbridge", "veth-x", "veth-y"));

        assertEquals(Outcome.DROP, r.outcome());
        assertEquals("-A FORWARD -i docker_gwbridge -o docker_gwbridge -j DROP", line(r));
    }

    @Test
    void trafficNoDockerRuleTakesMeetsTheForwardPolicy() {
        NetfilterResult r = NETFILTER.traverse(Hook.FORWARD,
                tcp("198.51.100.7", "198.18.5.5", 22, "eth0", "eth1", CtState.NEW));

        assertEquals(Outcome.DROP, r.outcome());
        assertNull(r.deciding());
        assertEquals("FORWARD", r.decidingChain());
        ChainStep last = r.steps().get(r.steps().size() - 1);
        assertEquals("FORWARD", last.chain());
        assertNull(last.rule());
        assertEquals("DROP", last.action());
    }

    @Test
    void aLabUserContainerGoingOutIsMasqueraded() {
        NetfilterResult out = NETFILTER.traverse(Hook.POSTROUTING,
                tcp("172.19.0.2", "198.51.100.7", 443, LAB_USER, "eth0", CtState.NEW));

        assertTrue(out.masquerade());
        assertEquals("-A POSTROUTING -s 172.19.0.0/16 ! -o br-42d95951f0a5 -j MASQUERADE", line(out));
    }
}
