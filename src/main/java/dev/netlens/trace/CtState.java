package dev.netlens.trace;

/** The connection-tracking state of a traced packet: the first packet of a flow is NEW, its replies ESTABLISHED. */
public enum CtState { NEW, ESTABLISHED, RELATED }
