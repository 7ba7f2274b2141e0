package dev.netlens.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The lab that .ci/lab/topology-up.sh builds, and the real tools to check Netlens against. */
public final class Lab {
    public static final String ENGINE1 = "unix:///var/run/docker.sock";
    public static final String NODE2 = "unix:///run/node2/docker.sock";
    public static final String LABEL = "netlens.test=lab";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Lab() {
    }

    /** Runs the docker CLI (an argument list, never a shell string) and returns its output. */
    public static String docker(String host, String... args) {
        List<String> argv = new ArrayList<>(List.of(dockerCli(), "-H", host));
        argv.addAll(List.of(args));
        return run(argv);
    }

    public static JsonNode dockerJson(String host, String... args) {
        try {
            return JSON.readTree(docker(host, args));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ip -j -d addr show} inside a namespace file ("" for Netlens's own namespace). */
    public static JsonNode ipAddr(String namespaceFile) {
        List<String> argv = new ArrayList<>();
        if (!namespaceFile.isEmpty()) {
            argv.addAll(List.of("nsenter", "--net=" + namespaceFile));
        }
        argv.addAll(List.of("ip", "-j", "-d", "addr", "show"));
        try {
            return JSON.readTree(run(argv));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dockerCli() {
        // The client shipped with the engine package matches its API version.
        return new java.io.File("/usr/bin/docker").canExecute() ? "/usr/bin/docker" : "docker";
    }

    public static String run(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(argv + " failed: " + new String(err, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
