package dev.netlens.dns;

/** How names work on one network, which decides whether the embedded DNS serves it at all. */
public enum Resolution {
    /** User-defined bridge, macvlan, ipvlan or plugin network: the embedded DNS at 127.0.0.11 answers. */
    USER_DEFINED(true),
    /** An internal network: names resolve among members, nothing leaves. */
    INTERNAL(true),
    /** An overlay: names gathered from every node on it, services with their VIPs. */
    OVERLAY(true),
    /** docker0's network: no embedded DNS, no container names (legacy --link aside). */
    DEFAULT_BRIDGE(false),
    /** docker_gwbridge: Docker's own legs for overlay containers to leave the host; no names. */
    GATEWAY_BRIDGE(false),
    /** The swarm's routing mesh: Docker registers no names on it. */
    INGRESS(false),
    /** Host mode: the host's resolv.conf, no embedded DNS. */
    HOST(false),
    /** none: only lo, no resolver reachable. */
    NONE(false);

    private final boolean embeddedDns;

    Resolution(boolean embeddedDns) {
        this.embeddedDns = embeddedDns;
    }

    /** Whether the embedded DNS answers container names on such a network. */
    public boolean embeddedDns() {
        return embeddedDns;
    }

    String key() {
        return switch (this) {
            case USER_DEFINED -> "userDefined";
            case INTERNAL -> "internal";
            case OVERLAY -> "overlay";
            case DEFAULT_BRIDGE -> "defaultBridge";
            case GATEWAY_BRIDGE -> "gatewayBridge";
            case INGRESS -> "ingress";
            case HOST -> "host";
            case NONE -> "none";
        };
    }
}
