package dev.netlens.discovery.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Real {@code ip -j route show table main} output of the lab machine (captures/routes/MANIFEST.md). */
class IpRouteParserTest {
    private static final Path ROUTES = Path.of("src/test/resources/captures/routes");

    private static List<KernelRoute> captured(String file) throws IOException {
        return IpRouteParser.parse(Files.readString(ROUTES.resolve(file)));
    }

    private static KernelRoute to(List<KernelRoute> routes, String destination) {
        return routes.stream().filter(r -> r.destination().equals(destination)).findFirst().orElseThrow();
    }

    @Test
    void containerHasADefaultRouteViaItsGatewayAndAConnectedRouteForItsSubnet() throws IOException {
        List<KernelRoute> routes = captured("lab-user-a-routes.json");
        assertEquals(List.of(
                new KernelRoute("default", "172.19.0.1", "eth0", null, null, null, null),
                new KernelRoute("172.19.0.0/16", null, "eth0", "172.19.0.2", "link", null, null)), routes);
    }

    @Test
    void hostNamespaceRoutesEachBridgeSubnetToItsBridge() throws IOException {
        List<KernelRoute> routes = captured("host-routes.json");
        assertEquals("docker0", to(routes, "172.17.0.0/16").device());
        assertEquals("172.17.0.1", to(routes, "172.17.0.0/16").source());
        assertEquals("labbr0", to(routes, "172.20.0.0/16").device());
        assertEquals("n1-eth", to(routes, "198.18.0.0/24").device());
        assertEquals("eth0", to(routes, "default").device());
    }

    @Test
    void namespaceWithoutNetworkHasNoRoutes() throws IOException {
        assertEquals(List.of(), captured("lab-none-routes.json"));
        assertEquals(List.of(), IpRouteParser.parse("[]\n"));
    }

    @Test
    void hostRouteGetsItsLengthAndSpecialRoutesKeepTheirTypeAndMetric() throws IOException {
        List<KernelRoute> routes = captured("probe-routes.json");
        assertEquals(new KernelRoute("100.64.20.5/32", "100.64.10.2", "v0", null, null, null, null), to(routes, "100.64.20.5/32"));
        assertEquals(new KernelRoute("100.64.30.0/24", null, null, null, null, "blackhole", null), to(routes, "100.64.30.0/24"));
        assertEquals(new KernelRoute("100.64.31.0/24", null, null, null, null, "unreachable", 50), to(routes, "100.64.31.0/24"));
        assertEquals(100, to(routes, "100.64.40.0/24").metric());
    }

    @Test
    void multipathRouteStandsForItsFirstNextHop() throws IOException {
        KernelRoute multipath = to(captured("probe-routes.json"), "100.64.50.0/24");
        assertEquals("100.64.10.2", multipath.gateway());
        assertEquals("v0", multipath.device());
    }

    @Test
    void detailedOutputGivesTheSameRoutesWithTypeAndScopeSpelledOut() throws IOException {
        List<KernelRoute> plain = captured("probe-routes.json");
        List<KernelRoute> detailed = captured("probe-routes-d.json");
        assertEquals(plain.size(), detailed.size());
        for (int i = 0; i < plain.size(); i++) {
            KernelRoute p = plain.get(i);
            KernelRoute d = detailed.get(i);
            assertEquals(List.of(p.destination(), String.valueOf(p.gateway()), String.valueOf(p.device()), String.valueOf(p.metric())),
                    List.of(d.destination(), String.valueOf(d.gateway()), String.valueOf(d.device()), String.valueOf(d.metric())));
            assertEquals(p.type() == null ? "unicast" : p.type(), d.type());
        }
        assertEquals("global", to(detailed, "default").scope());
    }

    @Test
    void ipv6HostRouteGetsAFullLength() {
        assertEquals("fd42:77::5/128", IpRouteParser.destination("fd42:77::5"));
        assertEquals("fd42:77::/64", IpRouteParser.destination("fd42:77::/64"));
    }

    @Test
    void textThatIsNoArrayIsRefused() {
        assertThrows(IOException.class, () -> IpRouteParser.parse("{\"dst\":\"default\"}"));
        assertThrows(IOException.class, () -> IpRouteParser.parse(""));
    }
}
