package dev.netlens.capture;

import dev.netlens.discovery.Discovery;
import dev.netlens.snapshot.Container;
import dev.netlens.snapshot.NetInterface;
import dev.netlens.snapshot.TopologySnapshot;
import dev.netlens.testing.Lab;
import java.util.List;

/**
 * Two busybox containers of the capture tests' own, nlcap-a (100.64.94.2) and nlcap-b (100.64.94.3),
 * on their own network nlcap-net (100.64.94.0/24): pings between them are the only traffic sent.
 * Made anew (leftovers of an earlier run removed first) and removed by name afterwards.
 */
public final class CaptureLab {
    public static final String A = "nlcap-a";
    public static final String B = "nlcap-b";
    public static final String A_IP = "100.64.94.2";
    public static final String B_IP = "100.64.94.3";
    static final String NETWORK = "nlcap-net";
    private static final String IMAGE = "netlens/busybox:lab";

    private CaptureLab() {
    }

    public static void up() {
        down();
        Lab.docker(Lab.ENGINE1, "network", "create", "--subnet", "100.64.94.0/24", "--label", "netlens.test=nlcap", NETWORK);
        for (String[] c : List.of(new String[] {A, A_IP}, new String[] {B, B_IP})) {
            Lab.docker(Lab.ENGINE1, "run", "-d", "--name", c[0], "--label", "netlens.test=nlcap", "--network", NETWORK,
                    "--ip", c[1], "--stop-timeout", "1", "--dns", "198.18.0.1", IMAGE, "sleep", "3600");
        }
    }

    /** Removes the containers and the network by name; nothing else. Quiet when they are not there. */
    public static void down() {
        for (String c : List.of(A, B)) {
            quietly("rm", "-f", c);
        }
        quietly("network", "rm", NETWORK);
    }

    /** {@code count} pings from nlcap-a to nlcap-b, 0.2 s apart; returns when they are done. */
    public static void ping(int count) {
        Lab.docker(Lab.ENGINE1, "exec", A, "ping", "-c", Integer.toString(count), "-i", "0.2", B_IP);
    }

    /** Pings from nlcap-a to nlcap-b in the background for about {@code seconds}. */
    public static void pingInBackground(int seconds) {
        Lab.docker(Lab.ENGINE1, "exec", "-d", A, "ping", "-c", Integer.toString(seconds * 5), "-i", "0.2", B_IP);
    }

    /** One discovery pass over engine 1. */
    public static TopologySnapshot discover() {
        try (Discovery d = Discovery.local()) {
            return d.discover(List.of(Lab.ENGINE1)).snapshot();
        }
    }

    /** The host side of nlcap-a's veth pair, as discovery names it. */
    public static String hostVethOfA(TopologySnapshot s) {
        Container a = s.containers().stream().filter(c -> c.name().equals(A)).findFirst().orElseThrow();
        NetInterface eth0 = s.interfaces().stream()
                .filter(i -> i.namespace().equals(a.namespace()) && i.name().equals("eth0")).findFirst().orElseThrow();
        return eth0.peer();
    }

    private static void quietly(String... args) {
        try {
            Lab.docker(Lab.ENGINE1, args);
        } catch (RuntimeException e) {
            // not there: nothing to remove
        }
    }
}
