package dev.netlens.snapshot;

/** One task (container) behind a swarm service on an overlay, from the verbose network inspect. */
public record ServiceTask(String name, String endpointIp, String hostIp) {
}
