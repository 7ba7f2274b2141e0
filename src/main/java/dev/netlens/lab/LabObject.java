package dev.netlens.lab;

/**
 * Something the classroom lab made: a container, a network, or the veth pair it gave macvlan.
 *
 * @param detail a container's state ("running"), a network's driver, the veth's peer
 */
public record LabObject(Kind kind, String id, String name, String detail) {
    public enum Kind { CONTAINER, NETWORK, VETH }
}
