package dev.netlens.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Host links in memory: name to alias. */
final class FakeHostLinks implements HostLinks {
    final Map<String, String> links = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    String unavailable;

    @Override
    public Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    @Override
    public boolean exists(String name) {
        return links.containsKey(name);
    }

    @Override
    public String alias(String name) {
        return links.getOrDefault(name, "");
    }

    @Override
    public void createVethPair(String name, String peer, String alias) {
        calls.add("add " + name + " " + peer);
        links.put(name, alias);
        links.put(peer, "");
    }

    @Override
    public void delete(String name) {
        calls.add("del " + name);
        links.remove(name);
        links.remove(name + "p");
    }
}
