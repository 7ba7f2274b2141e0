package dev.netlens.capture;

/**
 * One packet record of a pcap file.
 *
 * @param originalLength the packet's length on the wire ({@code data} may be shorter: the snap length)
 * @param data the captured bytes, starting with the link-layer header of the file's link type
 */
public record PcapRecord(long seconds, long fraction, int originalLength, byte[] data) {
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_VLAN = 0x8100;

    /**
     * Where the IPv4 header starts in {@code data} for a file of {@code linkType}, or -1 when this
     * record carries no IPv4 packet (or a link type this reader does not know).
     */
    public int ipv4Offset(int linkType) {
        int offset;
        int etherType;
        switch (linkType) {
            case PcapHeader.LINKTYPE_ETHERNET -> {
                if (data.length < 14) {
                    return -1;
                }
                etherType = u16(12);
                offset = 14;
                if (etherType == ETHERTYPE_VLAN && data.length >= 18) {
                    etherType = u16(16);
                    offset = 18;
                }
            }
            case PcapHeader.LINKTYPE_LINUX_SLL -> {
                etherType = data.length < 16 ? -1 : u16(14);
                offset = 16;
            }
            case PcapHeader.LINKTYPE_LINUX_SLL2 -> {
                etherType = data.length < 20 ? -1 : u16(0);
                offset = 20;
            }
            case PcapHeader.LINKTYPE_RAW, PcapHeader.LINKTYPE_IPV4 -> {
                etherType = ETHERTYPE_IPV4;
                offset = 0;
            }
            default -> {
                return -1;
            }
        }
        if (etherType != ETHERTYPE_IPV4 || data.length < offset + 20 || (data[offset] & 0xf0) != 0x40) {
            return -1;
        }
        return offset;
    }

    private int u16(int at) {
        return (data[at] & 0xff) << 8 | data[at + 1] & 0xff;
    }
}
