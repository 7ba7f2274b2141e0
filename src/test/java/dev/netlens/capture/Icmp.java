package dev.netlens.capture;

/** Reads IPv4 ICMP messages out of pcap records, for tests that count the pings a capture holds. */
public final class Icmp {
    public static final int ECHO_REPLY = 0;
    public static final int ECHO_REQUEST = 8;
    private static final int PROTOCOL_ICMP = 1;

    private Icmp() {
    }

    /** Records carrying an ICMP message of {@code type} from {@code source} to {@code destination} (null: any). */
    public static long count(PcapReader.PcapFile file, int type, String source, String destination) {
        int linkType = file.header().linkType();
        return file.records().stream().filter(r -> {
            int ip = r.ipv4Offset(linkType);
            if (ip < 0) {
                return false;
            }
            byte[] d = r.data();
            int headerLength = (d[ip] & 0x0f) * 4;
            return (d[ip + 9] & 0xff) == PROTOCOL_ICMP
                    && d.length > ip + headerLength
                    && (d[ip + headerLength] & 0xff) == type
                    && (source == null || source.equals(address(d, ip + 12)))
                    && (destination == null || destination.equals(address(d, ip + 16)));
        }).count();
    }

    private static String address(byte[] d, int at) {
        return (d[at] & 0xff) + "." + (d[at + 1] & 0xff) + "." + (d[at + 2] & 0xff) + "." + (d[at + 3] & 0xff);
    }
}
