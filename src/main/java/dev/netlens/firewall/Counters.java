package dev.netlens.firewall;

/** Packet and byte counters, as iptables prints them in {@code [packets:bytes]} or nft in {@code counter}. */
public record Counters(long packets, long bytes) {
    public Counters {
        if (packets < 0 || bytes < 0) {
            throw new IllegalArgumentException("counters cannot be negative");
        }
    }

    /** Reads the {@code [12:3456]} form; null when the text is not of that form. */
    static Counters parseBracketed(String text) {
        if (text.length() < 5 || text.charAt(0) != '[' || text.charAt(text.length() - 1) != ']') {
            return null;
        }
        String[] parts = text.substring(1, text.length() - 1).split(":", -1);
        if (parts.length != 2) {
            return null;
        }
        try {
            return new Counters(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
