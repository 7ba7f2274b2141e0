package dev.netlens.discovery.engine;

/**
 * The engine's own description of itself, from /info and /version.
 *
 * @param dockerRootDir where the engine keeps its state: tells apart two engines sharing one key file
 */
public record EngineInfo(
        String id,
        String name,
        String serverVersion,
        String apiVersion,
        String os,
        String kernelVersion,
        String swarmNodeId,
        String swarmNodeAddr,
        boolean swarmManager,
        String dockerRootDir) {
}
