package dev.netlens.dns;

import dev.netlens.i18n.Message;

/** Where a name the embedded DNS answers comes from. */
public enum NameKind {
    /** The container's name. */
    CONTAINER,
    /** A network alias (--network-alias, Compose service names): only on that network. */
    ALIAS,
    /** A swarm service name or tasks.&lt;service&gt;. */
    SERVICE,
    /** One task of a swarm service, by its task name. */
    TASK,
    /** The first 12 characters of the container id, which Docker registers too. */
    ID;

    public Message label() {
        return Bundle.TEXTS.message("dns.kind." + name().toLowerCase(java.util.Locale.ROOT));
    }
}
