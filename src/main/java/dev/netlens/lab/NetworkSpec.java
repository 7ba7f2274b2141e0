package dev.netlens.lab;

import java.util.Map;

/** A network of the lesson, as the engine should create it. Null subnet: the engine picks one. */
record NetworkSpec(String name, String driver, Map<String, String> options, String subnet, String gateway,
        boolean attachable) {
    NetworkSpec {
        options = Map.copyOf(options);
    }
}
