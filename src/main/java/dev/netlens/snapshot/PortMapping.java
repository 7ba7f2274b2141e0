package dev.netlens.snapshot;

/** A published port: host address and port forwarded to the container's port. */
public record PortMapping(String hostIp, int hostPort, int containerPort, String protocol) {
}
