package dev.netlens.capture;

import java.nio.ByteOrder;

/**
 * A classic pcap file's global header (24 bytes).
 *
 * @param order the byte order the writer used (from the magic number)
 * @param nanoseconds whether time stamps carry nanoseconds (magic a1b23c4d) rather than microseconds
 * @param linkType the link-layer header type of every record (1 Ethernet, 113 Linux cooked, 276 Linux cooked v2...)
 */
public record PcapHeader(ByteOrder order, boolean nanoseconds, int versionMajor, int versionMinor, long snapLength,
                         int linkType) {
    public static final int SIZE = 24;
    public static final int LINKTYPE_ETHERNET = 1;
    public static final int LINKTYPE_RAW = 101;
    public static final int LINKTYPE_LINUX_SLL = 113;
    public static final int LINKTYPE_IPV4 = 228;
    public static final int LINKTYPE_LINUX_SLL2 = 276;
}
