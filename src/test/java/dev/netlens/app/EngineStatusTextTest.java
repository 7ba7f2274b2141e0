package dev.netlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.netlens.discovery.EngineFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The window's status bar tells a bug of ours as an internal error, an engine's failure with its address. */
class EngineStatusTextTest {
    @Test
    void anInternalErrorIsShownAsItsOwnSentenceAndAnEngineFailureAfterItsAddress() {
        EngineFailure bug = EngineFailure.internalError("unix:///var/run/docker.sock", new IllegalStateException("parser bug"));
        EngineFailure away = new EngineFailure("tcp://10.0.0.1:2375", "engine does not answer; reconnecting");
        List<String> shown = LiveConnection.status(List.of(bug, away), Map.of()).failures();
        assertEquals(List.of("internal error while reading unix:///var/run/docker.sock: parser bug; "
                        + dev.netlens.logging.Logs.detailsHint(),
                "tcp://10.0.0.1:2375: engine does not answer; reconnecting"), shown);
    }
}
