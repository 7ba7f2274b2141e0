package dev.netlens.trace;

import java.util.Locale;

/** The protocols a trace can carry. Without a port a trace is icmp (a ping); with one it is tcp unless named. */
public enum Protocol {
    ICMP, TCP, UDP;

    /** As iptables and the JSON spell it: {@code icmp}, {@code tcp}, {@code udp}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
