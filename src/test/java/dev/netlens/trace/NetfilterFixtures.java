package dev.netlens.trace;

import dev.netlens.firewall.FirewallRuleset;
import dev.netlens.firewall.IptablesParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Rule sets and packets for the netfilter tests. */
final class NetfilterFixtures {
    /** moby's iptablesdoc rules (see src/test/resources/firewall/README.md), shared copy first. */
    private static final Path SHARED = Path.of("..", "shared", "fixtures", "iptables").toAbsolutePath().normalize();

    private NetfilterFixtures() {
    }

    static String resource(String path) {
        try (InputStream in = NetfilterFixtures.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One scenario of one generation ({@code docker27}, {@code docker28}): its raw, nat and filter
     * files ({@code iptables -S} form) read into their tables, plus extra lines for a table when given.
     */
    static FirewallRuleset docker(String generation, String scenario, String extraFilterLines) {
        List<FirewallRuleset> parts = new ArrayList<>();
        for (String table : List.of("raw", "nat", "filter")) {
            String text = rules(generation, scenario + "." + table + ".rules");
            if (text == null) {
                continue;
            }
            if (table.equals("filter") && extraFilterLines != null) {
                text = text + "\n" + extraFilterLines;
            }
            FirewallRuleset part = IptablesParser.parse(text, "ip", table);
            if (!part.problems().isEmpty()) {
                throw new IllegalStateException(generation + "/" + scenario + "." + table + ": " + part.problems());
            }
            parts.add(part);
        }
        return FirewallRuleset.merge(parts);
    }

    static FirewallRuleset docker(String generation, String scenario) {
        return docker(generation, scenario, null);
    }

    private static String rules(String generation, String file) {
        Path shared = SHARED.resolve(generation).resolve(file);
        try {
            if (Files.isRegularFile(shared)) {
                return Files.readString(shared, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream in = NetfilterFixtures.class.getResourceAsStream("/firewall/" + generation + "/" + file)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tcp packet routed through the host (no bridge ports). */
    static Packet tcp(String src, String dst, int port, String in, String out, CtState state) {
        return new Packet(Protocol.TCP, src, 40000, dst, port, in, out, null, null, state, false, false);
    }

    /** A tcp packet arriving for an address of the host itself. */
    static Packet tcpToHost(String src, String dst, int port, String in) {
        return new Packet(Protocol.TCP, src, 40000, dst, port, in, null, null, null, CtState.NEW, true, false);
    }

    /** A tcp packet between two ports of one bridge, seen by iptables through br_netfilter. */
    static Packet bridged(String src, String dst, int port, String bridge, String inPort, String outPort) {
        return new Packet(Protocol.TCP, src, 40000, dst, port, bridge, bridge, inPort, outPort, CtState.NEW, false, false);
    }
}
