package dev.netlens.firewall;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test data: the shared fixtures when present, else the copies in src/test/resources/firewall. */
final class Fixtures {
    static final Path SHARED = Path.of("..", "shared", "fixtures", "iptables").toAbsolutePath().normalize();

    private Fixtures() {
    }

    static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/firewall/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource firewall/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@code GEN/SCENARIO.TABLE.rules} file, from shared/ when it is there. */
    static String rules(String generation, String file) {
        Path shared = SHARED.resolve(generation).resolve(file);
        if (Files.isRegularFile(shared)) {
            return read(shared);
        }
        return resource(generation + "/" + file);
    }

    /** Every rules file of a generation in shared/, or the bundled copies when shared/ is missing. */
    static List<String> allRuleFiles(String generation) {
        Path dir = SHARED.resolve(generation);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rules")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.of("usernet-portmap.filter.rules", "usernet-portmap.nat.rules", "usernet-portmap.raw.rules",
                "swarm-portmap.filter.rules", "swarm-portmap.nat.rules", "usernet-internal.filter.rules");
    }

    /** The table a fixture file holds: {@code usernet-portmap.nat.rules} -> nat. */
    static String tableOf(String file) {
        String[] parts = file.split("\\.");
        return parts[parts.length - 2];
    }

    /** Parses a {@code -S} fixture into its own table. */
    static FirewallRuleset parseRules(String generation, String file) {
        return IptablesParser.parse(rules(generation, file), "ip", tableOf(file));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
