package dev.netlens.ui.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.netlens.trace.Protocol;
import org.junit.jupiter.api.Test;

class TraceDestinationDialogTest {
    @Test
    void aTypedPortIsANumberOrNone() {
        assertEquals(8080, TraceDestinationDialog.port(" 8080 ", Protocol.TCP));
        assertNull(TraceDestinationDialog.port("", Protocol.TCP));
        assertNull(TraceDestinationDialog.port("http", Protocol.UDP));
        assertNull(TraceDestinationDialog.port("8080", Protocol.ICMP), "a ping has no port");
    }
}
