package dev.netlens.graph;

import dev.netlens.snapshot.InterfaceKind;
import dev.netlens.snapshot.NamespaceKind;
import java.util.Locale;

/**
 * The finer kind of a vertex, one small set per {@link NodeKind}: callers compare these, never words.
 * Each value has a {@link #wireName()} that never changes: the stylesheet's {@code sub-NAME} class and
 * the {@code subkind} of the graph exports (DOT, GraphML).
 */
public sealed interface SubKind {
    /** The stable name: {@code running}, {@code api-only}, {@code loadbalancer} (an enum's name, lower case). */
    default String wireName() {
        return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A {@link NodeKind#HOST}: whether its kernel could be read. */
    enum Host implements SubKind {
        KERNEL, API_ONLY;
    }

    /** A {@link NodeKind#NAMESPACE}: what it is for (the snapshot's {@link NamespaceKind}). */
    enum Namespace implements SubKind {
        HOST, CONTAINER, OVERLAY, INGRESS, LOADBALANCER, OTHER;

        public static Namespace of(NamespaceKind kind) {
            return valueOf(kind.name());
        }

        /** Swarm's own namespaces (ingress and load balancer), which the view may hide. */
        public boolean swarmInternal() {
            return this == INGRESS || this == LOADBALANCER;
        }
    }

    /** A {@link NodeKind#INTERFACE} or {@link NodeKind#BRIDGE}: the kernel's link type (the snapshot's {@link InterfaceKind}). */
    enum Device implements SubKind {
        VETH, BRIDGE, VXLAN, MACVLAN, IPVLAN, LOOPBACK, DEVICE, OTHER;

        public static Device of(InterfaceKind kind) {
            return valueOf(kind.name());
        }
    }

    /**
     * A {@link NodeKind#CONTAINER}: the engine's status word, the seven the Engine API documents;
     * anything else (a hand-made snapshot's) is {@link #UNKNOWN}.
     */
    enum ContainerState implements SubKind {
        CREATED, RESTARTING, RUNNING, REMOVING, PAUSED, EXITED, DEAD, UNKNOWN;

        public static ContainerState of(String state) {
            for (ContainerState s : values()) {
                if (s.wireName().equals(state)) {
                    return s;
                }
            }
            return UNKNOWN;
        }
    }

    /** A {@link NodeKind#GROUP}: which label made it (compose project, swarm stack or service). */
    enum Group implements SubKind {
        COMPOSE, STACK, SERVICE;
    }

    /** A {@link NodeKind#SUMMARY}: what was folded, a group or a network. */
    enum Summary implements SubKind {
        GROUP, NETWORK;
    }

    /** A {@link NodeKind#UNDERLAY}: a tunnel end on a discovered host, or on one Netlens did not read. */
    enum Underlay implements SubKind {
        LOCAL, REMOTE;
    }

    /**
     * A {@link NodeKind#NETWORK}'s driver or a {@link NodeKind#PORT}'s protocol: the engine's word as
     * it gives it, an open set (network plugins name their own drivers). Nothing compares these.
     */
    record EngineWord(String wireName) implements SubKind {
        public EngineWord {
            wireName = wireName == null ? "" : wireName;
        }
    }
}
