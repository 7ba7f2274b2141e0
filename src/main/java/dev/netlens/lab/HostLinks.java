package dev.netlens.lab;

import java.util.Optional;

/** The host's network links, for the veth pair the lab gives macvlan as its parent. */
interface HostLinks {
    /** Why the lab cannot make links here (not root, no ip command), or empty when it can. */
    Optional<String> unavailable();

    boolean exists(String name);

    /** The link's alias ("" when it has none): the lab marks its veth with its label there. */
    String alias(String name);

    /** Creates name/peer as a veth pair, sets the alias and brings both ends up. */
    void createVethPair(String name, String peer, String alias) throws LabException;

    void delete(String name) throws LabException;
}
