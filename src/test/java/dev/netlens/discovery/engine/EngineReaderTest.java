package dev.netlens.discovery.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineReaderTest {
    private static EngineNetwork network(String peers, String tasks) throws Exception {
        return EngineReader.toNetwork(new ObjectMapper().readTree("{\"Id\":\"n1\",\"Name\":\"ov\",\"Driver\":\"overlay\","
                + "\"Options\":{\"b\":\"2\",\"a\":\"1\"},\"Peers\":" + peers + ",\"Services\":{\"\":{\"VIP\":\"<nil>\",\"Tasks\":" + tasks + "}}}"));
    }

    @Test
    void listsTheEngineBuildsFromMapsReadTheSameWhateverTheirOrder() throws Exception {
        String p1 = "{\"Name\":\"a\",\"IP\":\"198.18.0.2\"}";
        String p2 = "{\"Name\":\"b\",\"IP\":\"198.18.0.1\"}";
        String t1 = "{\"Name\":\"o1\",\"EndpointIP\":\"10.0.1.2\",\"Info\":{\"Host IP\":\"198.18.0.1\"}}";
        String t2 = "{\"Name\":\"o2\",\"EndpointIP\":\"10.0.1.4\",\"Info\":{\"Host IP\":\"198.18.0.2\"}}";
        EngineNetwork one = network("[" + p1 + "," + p2 + "]", "[" + t1 + "," + t2 + "]");
        EngineNetwork other = network("[" + p2 + "," + p1 + "]", "[" + t2 + "," + t1 + "]");
        assertEquals(one, other);
        assertEquals(List.of("198.18.0.1", "198.18.0.2"), one.peers().stream().map(p -> p.address()).toList());
        assertEquals(List.of("o1", "o2"), one.services().get(0).tasks().stream().map(t -> t.name()).toList());
    }
}
