package dev.netlens.lab;

/** What the lab needs to know about an engine before building on it. */
record EngineState(String endpoint, boolean swarmManager) {
    /** A unix socket means the engine runs on this machine, where the lab can make a veth pair. */
    boolean local() {
        return endpoint.startsWith("unix://");
    }
}
