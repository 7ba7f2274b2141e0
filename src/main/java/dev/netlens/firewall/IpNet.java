package dev.netlens.firewall;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import com.google.common.net.InetAddresses;

/**
 * An IPv4 or IPv6 address with a prefix length: {@code 172.17.0.0/16}, {@code 192.0.2.2} (a /32),
 * {@code fd00:db8::/64}. Only literals are accepted, so no name is ever looked up.
 */
public record IpNet(byte[] bytes, int prefix) {
    public IpNet {
        bytes = bytes.clone();
        if (prefix < 0 || prefix > bytes.length * 8) {
            throw new IllegalArgumentException("prefix " + prefix + " out of range");
        }
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Parses {@code addr} or {@code addr/len}; IPv6 may be bracketed. */
    public static IpNet parse(String text) {
        IpNet n = parseOrNull(text);
        if (n == null) {
            throw new IllegalArgumentException("not an IP address or subnet: " + text);
        }
        return n;
    }

    /** Like {@link #parse} but null for anything else (an interface name, a range, garbage). */
    public static IpNet parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        String addr = s;
        Integer len = null;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            addr = s.substring(0, slash);
            try {
                len = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (addr.indexOf('%') >= 0 || !InetAddresses.isInetAddress(addr)) {
            return null; // a literal only (Guava never looks a name up), and no IPv6 scope
        }
        byte[] b = InetAddresses.forString(addr).getAddress();
        int l = len == null ? b.length * 8 : len;
        return l < 0 || l > b.length * 8 ? null : new IpNet(b, l);
    }

    public boolean isIpv6() {
        return bytes.length == 16;
    }

    /** Whether every address of {@code other} lies inside this net. */
    public boolean contains(IpNet other) {
        return other.bytes.length == bytes.length && other.prefix >= prefix && samePrefix(other.bytes, prefix);
    }

    /** Whether the two nets share any address. */
    public boolean overlaps(IpNet other) {
        return contains(other) || other.contains(this);
    }

    private boolean samePrefix(byte[] other, int bits) {
        BigInteger mask = BigInteger.ONE.shiftLeft(bytes.length * 8).subtract(BigInteger.ONE)
                .shiftRight(bits).not();
        return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, other).and(mask));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpNet n && n.prefix == prefix && java.util.Arrays.equals(n.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes) * 31 + prefix;
    }

    /** {@code 172.17.0.0/16}, {@code fd00:db8::2}: single hosts without a prefix, IPv6 in RFC 5952 form. */
    @Override
    public String toString() {
        String a = InetAddresses.toAddrString(address());
        return prefix == bytes.length * 8 ? a : a + "/" + prefix;
    }

    private InetAddress address() {
        try {
            return InetAddress.getByAddress(bytes); // 4 or 16 bytes: never a lookup
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
