package dev.netlens.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netlens.testing.Lab;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every container, network and host veth of engine 1, to prove {@code lab down} leaves the engine as
 * it was. Objects labelled by a concurrent benchmark (NETLENS_TEST_CONCURRENT_LABELS, default
 * netlens.bench) come and go on their own during development, so they and their bridges' veths are
 * left out; under CI nothing else runs and the comparison is complete.
 */
record EngineInventory(Set<String> containers, Set<String> networks, Set<String> veths) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static EngineInventory take() {
        List<String> ignored = concurrentLabels();
        Set<String> containers = new TreeSet<>();
        for (String line : lines(Lab.docker(Lab.ENGINE1, "ps", "-a", "--no-trunc", "--format", "{{.ID}} {{.Names}}\t{{.Labels}}"))) {
            if (!foreign(line, ignored)) {
                containers.add(line.substring(0, line.indexOf('\t')));
            }
        }
        Set<String> networks = new TreeSet<>();
        Set<String> ignoredBridges = new TreeSet<>();
        for (String line : lines(Lab.docker(Lab.ENGINE1, "network", "ls", "--no-trunc", "--format", "{{.ID}} {{.Name}}\t{{.Labels}}"))) {
            String idName = line.substring(0, line.indexOf('\t'));
            if (foreign(line, ignored)) {
                ignoredBridges.add("br-" + idName.substring(0, 12));
            } else {
                networks.add(idName);
            }
        }
        Set<String> veths = new TreeSet<>();
        try {
            for (JsonNode link : JSON.readTree(Lab.run(List.of("ip", "-j", "link", "show", "type", "veth")))) {
                if (!ignoredBridges.contains(link.path("master").asText())) {
                    veths.add(link.path("ifname").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EngineInventory(containers, networks, veths);
    }

    private static boolean foreign(String line, List<String> ignoredKeys) {
        String labels = line.substring(line.indexOf('\t') + 1);
        return Arrays.stream(labels.split(",")).anyMatch(l -> ignoredKeys.stream().anyMatch(k -> l.startsWith(k + "=")));
    }

    private static List<String> concurrentLabels() {
        String env = System.getenv("NETLENS_TEST_CONCURRENT_LABELS");
        return Arrays.stream((env == null ? "netlens.bench" : env).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> lines(String out) {
        return out.lines().filter(l -> !l.isBlank()).toList();
    }
}
