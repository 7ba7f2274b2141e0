package dev.netlens.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.dockerjava.api.exception.ConflictException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class DockerLabEngineTest {
    @Test
    void anEngineRefusalKeepsTheEnginesOwnWords() {
        ConflictException e = new ConflictException("Status 409: {\"message\":\"Conflict. The container name \\\"/classroom-a\\\" is already in use\"}\n");
        assertEquals("Conflict. The container name \"/classroom-a\" is already in use", DockerLabEngine.rootMessage(e));
    }

    @Test
    void aTransportFailureNamesItsCause() {
        RuntimeException e = new RuntimeException(new IOException("No such file or directory"));
        assertEquals("No such file or directory", DockerLabEngine.rootMessage(e));
    }
}
