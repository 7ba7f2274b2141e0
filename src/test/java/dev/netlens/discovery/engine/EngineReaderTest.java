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

    @Test
    void onlyTheGroupingLabelsAreReadFromTheInspectNeverOtherLabelsOrTheEnvironment() throws Exception {
        EngineContainer c = EngineReader.toContainer(new ObjectMapper().readTree("{\"Id\":\"c1\",\"Name\":\"/shop-web-1\","
                + "\"State\":{\"Status\":\"running\",\"Pid\":42},"
                + "\"Config\":{\"Image\":\"netlens/busybox:lab\",\"Env\":[\"DB_PASSWORD=hunter2\"],\"Labels\":{"
                + "\"com.docker.compose.project\":\"shop\",\"com.docker.compose.service\":\"web\","
                + "\"com.docker.compose.container-number\":\"1\",\"com.docker.compose.config-hash\":\"abc\","
                + "\"com.docker.stack.namespace\":\"shopstack\",\"com.docker.swarm.service.name\":\"shopstack_web\","
                + "\"com.docker.swarm.task.id\":\"t1\",\"secret\":\"hunter2\"}},"
                + "\"HostConfig\":{\"NetworkMode\":\"shop_default\"},\"NetworkSettings\":{}}"));
        assertEquals(java.util.Map.of("com.docker.compose.project", "shop", "com.docker.compose.service", "web",
                "com.docker.stack.namespace", "shopstack", "com.docker.swarm.service.name", "shopstack_web"), c.labels());
        assertEquals(false, c.toString().contains("hunter2"), c.toString());
    }

    @Test
    void aContainerWithoutLabelsHasNone() throws Exception {
        EngineContainer none = EngineReader.toContainer(new ObjectMapper().readTree(
                "{\"Id\":\"c2\",\"Name\":\"/x\",\"Config\":{\"Labels\":null}}"));
        assertEquals(java.util.Map.of(), none.labels());
        EngineContainer missing = EngineReader.toContainer(new ObjectMapper().readTree("{\"Id\":\"c3\",\"Name\":\"/y\"}"));
        assertEquals(java.util.Map.of(), missing.labels());
    }
}
