package dev.netlens.discovery.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.netlens.snapshot.InterfaceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpAddrParserTest {
    private static final Path CMD = Path.of("src/test/resources/captures/scan-lab/cmd");

    private static List<KernelLink> captured(String file) throws IOException {
        String record = Files.readString(CMD.resolve(file));
        return IpAddrParser.parse(new com.fasterxml.jackson.databind.ObjectMapper().readTree(record).get("stdout").asText());
    }

    private static KernelLink named(List<KernelLink> links, String name) {
        return links.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void hostNamespaceShowsBridgesVethPortsAndLoopback() throws IOException {
        List<KernelLink> host = captured("ip_-j_-d_addr_show.json");
        KernelLink docker0 = named(host, "docker0");
        assertEquals(InterfaceKind.BRIDGE, docker0.kind());
        assertEquals(List.of("172.17.0.1/16"), docker0.addresses().stream().filter(a -> a.contains(".")).toList());
        assertEquals(InterfaceKind.LOOPBACK, named(host, "lo").kind());
        KernelLink port = host.stream().filter(l -> "docker0".equals(l.masterName())).findFirst().orElseThrow();
        assertEquals(InterfaceKind.VETH, port.kind());
        assertEquals(0, port.linkNetnsId() == null ? -1 : 0, "a bridge port's peer lives in another namespace");
    }

    @Test
    void overlayNamespaceShowsVxlanWithVniAndPortOnBr0() throws IOException {
        List<KernelLink> overlay = captured("nsenter_--net_var_run_docker_netns_1-1a8t506tnl_ip_-j_-d_addr_show.json");
        KernelLink vxlan = overlay.stream().filter(l -> l.kind() == InterfaceKind.VXLAN).findFirst().orElseThrow();
        assertEquals("br0", vxlan.masterName());
        assertEquals(4097, vxlan.vni());
        assertEquals(4789, vxlan.vxlanPort());
        assertEquals(InterfaceKind.BRIDGE, named(overlay, "br0").kind());
    }

    @Test
    void kindsFollowTheKernelsInfoKind() {
        assertEquals(InterfaceKind.MACVLAN, IpAddrParser.kindOf("macvlan", "ether"));
        assertEquals(InterfaceKind.IPVLAN, IpAddrParser.kindOf("ipvlan", "ether"));
        assertEquals(InterfaceKind.DEVICE, IpAddrParser.kindOf(null, "ether"));
        assertEquals(InterfaceKind.OTHER, IpAddrParser.kindOf("ifb", "ether"));
        assertEquals(InterfaceKind.OTHER, IpAddrParser.kindOf(null, "none"));
    }

    @Test
    void sameNamespaceLowerDeviceIsNamedAndIfNReferencesAreNot() throws IOException {
        String json = "[{\"ifindex\":7,\"ifname\":\"mv0\",\"link\":\"mvparent0\",\"mtu\":1500,\"linkinfo\":{\"info_kind\":\"macvlan\"}},"
                + "{\"ifindex\":8,\"ifname\":\"eth0\",\"link\":\"if9\",\"link_index\":9,\"link_netnsid\":0,\"mtu\":1500,"
                + "\"linkinfo\":{\"info_kind\":\"veth\"}}]";
        List<KernelLink> links = IpAddrParser.parse(json);
        assertEquals("mvparent0", links.get(0).linkName());
        assertNull(links.get(1).linkName());
        assertEquals(9, links.get(1).linkIndex());
    }

    @Test
    void textThatIsNotIpsJsonIsRefused() {
        assertThrows(IOException.class, () -> IpAddrParser.parse("{\"not\":\"an array\"}"));
        assertThrows(IOException.class, () -> IpAddrParser.parse("Object \"addr\" is unknown"));
    }
}
