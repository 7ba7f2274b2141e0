package dev.netlens.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On files tcpdump wrote in the lab: nlcap-a (100.64.94.2) pinging nlcap-b (100.64.94.3), three times on eth0 (icmp), twice on any (icmp). */
class PcapReaderTest {
    static final Path ETH0 = Path.of("src/test/resources/capture/ping-eth0.pcap");
    static final Path ANY = Path.of("src/test/resources/capture/ping-any.pcap");

    @TempDir
    Path temp;

    @Test
    void anEthernetCaptureHasItsHeaderAndThreeEchoRequestsAndThreeReplies() throws Exception {
        PcapReader.PcapFile file = PcapReader.read(ETH0);
        assertEquals(ByteOrder.LITTLE_ENDIAN, file.header().order());
        assertEquals(2, file.header().versionMajor());
        assertEquals(4, file.header().versionMinor());
        assertFalse(file.header().nanoseconds());
        assertEquals(PcapHeader.LINKTYPE_ETHERNET, file.header().linkType());
        assertEquals(6, file.records().size());
        assertEquals(3, Icmp.count(file, Icmp.ECHO_REQUEST, "100.64.94.2", "100.64.94.3"));
        assertEquals(3, Icmp.count(file, Icmp.ECHO_REPLY, "100.64.94.3", "100.64.94.2"));
        assertEquals(98, file.records().get(0).originalLength());
    }

    @Test
    void aCaptureOnAnyIsLinuxCookedV2AndItsIpPacketsAreFound() throws Exception {
        PcapReader.PcapFile file = PcapReader.read(ANY);
        assertEquals(PcapHeader.LINKTYPE_LINUX_SLL2, file.header().linkType());
        assertEquals(4, file.records().size());
        assertTrue(Icmp.count(file, Icmp.ECHO_REQUEST, "100.64.94.2", "100.64.94.3") >= 1);
    }

    @Test
    void theCounterCountsOnlyCompleteRecordsOfAGrowingFile() throws Exception {
        byte[] all = Files.readAllBytes(ETH0);
        Path growing = temp.resolve("growing.pcap");
        PcapReader.Counter counter = new PcapReader.Counter(growing);
        assertEquals(0, counter.count(), "no file yet");
        Files.write(growing, Arrays.copyOf(all, 20));
        assertEquals(0, counter.count(), "the header is not whole yet");
        int firstRecordEnd = PcapHeader.SIZE + 16 + 98;
        Files.write(growing, Arrays.copyOf(all, firstRecordEnd - 1));
        assertEquals(0, counter.count(), "the first record lacks a byte");
        Files.write(growing, Arrays.copyOf(all, firstRecordEnd + 10));
        assertEquals(1, counter.count());
        Files.write(growing, all);
        assertEquals(6, counter.count());
        assertEquals(6, PcapReader.countRecords(ETH0));
    }

    @Test
    void aFileThatIsNoPcapOrIsCutShortIsRefusedInOneLine() throws Exception {
        Path text = temp.resolve("x.pcap");
        Files.writeString(text, "this is not a capture file, no");
        IOException e = assertThrows(IOException.class, () -> PcapReader.read(text));
        assertTrue(e.getMessage().startsWith("not a pcap file: magic number"), e.getMessage());
        Path cut = temp.resolve("cut.pcap");
        byte[] all = Files.readAllBytes(ETH0);
        Files.write(cut, Arrays.copyOf(all, all.length - 3));
        assertThrows(IOException.class, () -> PcapReader.read(cut));
        Files.write(cut, Arrays.copyOf(all, 10));
        assertThrows(IOException.class, () -> PcapReader.read(cut));
    }

    @Test
    void aBigEndianNanosecondHeaderIsRead() throws Exception {
        byte[] h = {(byte) 0xa1, (byte) 0xb2, 0x3c, 0x4d, 0, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff,
                0, 0, 0, 101};
        PcapHeader header = PcapReader.header(h);
        assertEquals(ByteOrder.BIG_ENDIAN, header.order());
        assertTrue(header.nanoseconds());
        assertEquals(PcapHeader.LINKTYPE_RAW, header.linkType());
        assertEquals(65535, header.snapLength());
        assertArrayEquals(new byte[0], new PcapRecord(0, 0, 0, new byte[0]).data());
    }
}
