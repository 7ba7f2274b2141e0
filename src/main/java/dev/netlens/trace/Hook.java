package dev.netlens.trace;

/** The netfilter hooks a packet meets, in IPv4's terms. */
public enum Hook { PREROUTING, INPUT, FORWARD, OUTPUT, POSTROUTING }
