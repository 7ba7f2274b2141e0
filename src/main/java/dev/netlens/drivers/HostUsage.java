package dev.netlens.drivers;

/** How much one host uses a driver. Containers count once however many of its networks they join. */
public record HostUsage(String hostId, String hostName, int networks, int containers, int running) {
}
