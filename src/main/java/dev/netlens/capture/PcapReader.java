package dev.netlens.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads classic pcap files (what {@code tcpdump -w} writes): the global header, then records of a
 * 16-byte header and the captured bytes. Also counts the complete records of a file still being
 * written, from where it stopped last time ({@link Counter}): the live count of a running capture.
 */
public final class PcapReader {
    private static final int RECORD_HEADER = 16;
    /** Larger than any snap length tcpdump uses (262,144): a length beyond it means a damaged file. */
    private static final int MAX_RECORD = 1 << 24;

    private PcapReader() {
    }

    /** A whole file: its header and every record. */
    public record PcapFile(PcapHeader header, List<PcapRecord> records) {
    }

    /** @throws IOException when the file cannot be read, or is no pcap file, or is damaged */
    public static PcapFile read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        PcapHeader header = header(bytes);
        ByteBuffer in = ByteBuffer.wrap(bytes).order(header.order());
        in.position(PcapHeader.SIZE);
        List<PcapRecord> records = new ArrayList<>();
        while (in.remaining() > 0) {
            if (in.remaining() < RECORD_HEADER) {
                throw new IOException("the last record of " + file.getFileName() + " is cut short");
            }
            long seconds = Integer.toUnsignedLong(in.getInt());
            long fraction = Integer.toUnsignedLong(in.getInt());
            int captured = in.getInt();
            int original = in.getInt();
            if (captured < 0 || captured > MAX_RECORD || captured > in.remaining()) {
                throw new IOException("a record of " + file.getFileName() + " has a bad length (" + captured + ")");
            }
            byte[] data = new byte[captured];
            in.get(data);
            records.add(new PcapRecord(seconds, fraction, original, data));
        }
        return new PcapFile(header, List.copyOf(records));
    }

    /** The global header at the start of {@code bytes}. */
    public static PcapHeader header(byte[] bytes) throws IOException {
        if (bytes.length < PcapHeader.SIZE) {
            throw new IOException("not a pcap file: shorter than its 24-byte header");
        }
        ByteBuffer big = ByteBuffer.wrap(bytes, 0, PcapHeader.SIZE).order(ByteOrder.BIG_ENDIAN);
        int magic = big.getInt(0);
        ByteOrder order;
        boolean nanos;
        switch (magic) {
            case 0xa1b2c3d4 -> { order = ByteOrder.BIG_ENDIAN; nanos = false; }
            case 0xd4c3b2a1 -> { order = ByteOrder.LITTLE_ENDIAN; nanos = false; }
            case 0xa1b23c4d -> { order = ByteOrder.BIG_ENDIAN; nanos = true; }
            case 0x4d3cb2a1 -> { order = ByteOrder.LITTLE_ENDIAN; nanos = true; }
            default -> throw new IOException("not a pcap file: magic number " + String.format("%08x", magic));
        }
        ByteBuffer h = ByteBuffer.wrap(bytes, 0, PcapHeader.SIZE).order(order);
        int major = Short.toUnsignedInt(h.getShort(4));
        int minor = Short.toUnsignedInt(h.getShort(6));
        long snap = Integer.toUnsignedLong(h.getInt(16));
        // The upper bits of the link-type field carry FCS flags in newer files; the type is the low 16 bits.
        int linkType = h.getInt(20) & 0xffff;
        return new PcapHeader(order, nanos, major, minor, snap, linkType);
    }

    /** Counts the complete records of a growing file, reading only what was added since the last call. */
    public static final class Counter {
        private final Path file;
        private ByteOrder order;
        private long position = PcapHeader.SIZE;
        private long count;

        public Counter(Path file) {
            this.file = file;
        }

        /** The records complete so far (a record still being written is not counted yet). */
        public long count() throws IOException {
            if (!Files.exists(file)) {
                return count;
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                if (order == null) {
                    if (ch.size() < PcapHeader.SIZE) {
                        return 0;
                    }
                    byte[] head = new byte[PcapHeader.SIZE];
                    readFully(ch, ByteBuffer.wrap(head), 0);
                    order = header(head).order();
                }
                ByteBuffer recordHeader = ByteBuffer.allocate(RECORD_HEADER).order(order);
                long size = ch.size();
                while (size - position >= RECORD_HEADER) {
                    recordHeader.clear();
                    readFully(ch, recordHeader, position);
                    int captured = recordHeader.getInt(8);
                    if (captured < 0 || captured > MAX_RECORD) {
                        throw new IOException("a record of " + file.getFileName() + " has a bad length (" + captured + ")");
                    }
                    if (size - position - RECORD_HEADER < captured) {
                        break; // still being written
                    }
                    position += RECORD_HEADER + captured;
                    count++;
                }
            }
            return count;
        }

        private static void readFully(FileChannel ch, ByteBuffer into, long at) throws IOException {
            long p = at;
            while (into.hasRemaining()) {
                int n = ch.read(into, p);
                if (n < 0) {
                    throw new IOException("file ended early");
                }
                p += n;
            }
        }
    }

    /** Counts the records of a whole file without keeping them. */
    public static long countRecords(Path file) throws IOException {
        try (InputStream ignored = Files.newInputStream(file)) {
            // opened first so a missing file fails here with its own message
        }
        return new Counter(file).count();
    }
}
