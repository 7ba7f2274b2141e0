package dev.netlens.discovery.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** How a node's engine address is made from the manager's or the user's template. */
class SwarmReachTest {
    @Test
    void tcpAndSshManagersKeepTheirTransportUserAndPort() {
        assertEquals("tcp://{addr}:2376", SwarmReach.sameTransport("tcp://10.0.0.1:2376"));
        assertEquals("ssh://admin@{addr}:2222", SwarmReach.sameTransport("ssh://admin@manager.example:2222"));
        assertEquals("ssh://{addr}", SwarmReach.sameTransport("ssh://manager"));
    }

    @Test
    void aLocalSocketManagerGivesNoAddressToGuess() {
        assertNull(SwarmReach.sameTransport("unix:///var/run/docker.sock"));
        assertNull(SwarmReach.sameTransport("npipe:////./pipe/docker_engine"));
    }

    @Test
    void theNodesAddressFillsThePlaceholderIpv6InBrackets() {
        assertEquals("tcp://198.18.0.2:2375", SwarmReach.expand("tcp://{addr}:2375", "198.18.0.2"));
        assertEquals("tcp://[fd00::2]:2375", SwarmReach.expand("tcp://{addr}:2375", "fd00::2"));
    }
}
