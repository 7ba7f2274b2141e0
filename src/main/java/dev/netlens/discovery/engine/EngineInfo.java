package dev.netlens.discovery.engine;

/** The engine's own description of itself, from /info and /version. */
public record EngineInfo(
        String id,
        String name,
        String serverVersion,
        String apiVersion,
        String os,
        String kernelVersion,
        String swarmNodeId,
        String swarmNodeAddr,
        boolean swarmManager) {
}
