package dev.netlens.snapshot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kernel's link type of an interface, folded to the kinds Netlens draws differently. */
public enum InterfaceKind {
    VETH, BRIDGE, VXLAN, MACVLAN, IPVLAN, LOOPBACK, DEVICE, OTHER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static InterfaceKind fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
