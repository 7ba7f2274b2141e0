package dev.netlens.reveal;

/** The layers of the lesson, in the order a teacher reveals them. */
public enum RevealLayer {
    PHYSICAL, HOST_BRIDGES, VETH, CONTAINERS, OVERLAY, PORTS_FIREWALL,
    /** Adds no vertex or link: the rates on the links drawn so far (issue 14). */
    TRAFFIC
}
