package dev.netlens.trace;

/** IPv4 addresses as ints, for route lookups that run once per hop on hosts with hundreds of routes. */
final class Ipv4 {
    private Ipv4() {
    }

    /** The address of "a.b.c.d" or "a.b.c.d/n", or null when it is not an IPv4 literal. */
    static Integer parse(String text) {
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        String s = slash >= 0 ? text.substring(0, slash) : text;
        int value = 0;
        int parts = 0;
        int part = -1;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c == '.') {
                if (part < 0 || part > 255 || ++parts > 4) {
                    return null;
                }
                value = (value << 8) | part;
                part = -1;
            } else if (c >= '0' && c <= '9') {
                part = (part < 0 ? 0 : part * 10) + (c - '0');
                if (part > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return parts == 4 ? value : null;
    }

    /** The prefix length of "a.b.c.d/n" (32 without one), or -1 when malformed. */
    static int prefixLength(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return 32;
        }
        try {
            int n = Integer.parseInt(text.substring(slash + 1));
            return n >= 0 && n <= 32 ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static int mask(int prefixLength) {
        return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
    }

    static boolean inPrefix(int address, int network, int prefixLength) {
        int m = mask(prefixLength);
        return (address & m) == (network & m);
    }

    /** Whether "a.b.c.d/n" covers the address. */
    static boolean covers(String prefix, int address) {
        Integer net = parse(prefix);
        int len = prefix == null ? -1 : prefixLength(prefix);
        return net != null && len >= 0 && inPrefix(address, net, len);
    }

    static String text(int address) {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff);
    }

    /** "172.17.0.2/16" -> "172.17.0.2"; null stays null. */
    static String bare(String withPrefix) {
        if (withPrefix == null) {
            return null;
        }
        int slash = withPrefix.indexOf('/');
        return slash >= 0 ? withPrefix.substring(0, slash) : withPrefix;
    }
}
