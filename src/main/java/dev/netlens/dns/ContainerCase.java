package dev.netlens.dns;

/** How a container looks names up. */
public enum ContainerCase {
    /** It asks 127.0.0.11; names come from each of its networks. */
    EMBEDDED,
    /** Only on the default bridge: the host's resolvers, no container names. */
    DEFAULT_BRIDGE_ONLY,
    /** Host network mode: the host's resolvers. */
    HOST_MODE,
    /** none: only lo. */
    NO_NETWORK,
    /** {@code container:X}: X's namespace and resolv.conf, so X's names. */
    SHARED,
    /** Not running: no address, no lookups. */
    NOT_RUNNING
}
