package dev.netlens.cli;

import dev.netlens.io.AtomicFile;
import dev.netlens.trace.TraceArgumentException;
import dev.netlens.trace.TraceJson;
import dev.netlens.trace.TraceResult;
import dev.netlens.trace.TraceText;
import dev.netlens.trace.Tracer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code netlens trace}: what the captured state says happens to one packet, computed without sending any. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Trace a packet from one endpoint to another through routes, veths, bridges, VXLAN and the "
                + "hosts' firewall rules, from the captured state alone (nothing is sent). Exit status: 0 a trace was "
                + "computed (whatever its verdict), 2 bad arguments or an endpoint that does not exist, 3 no engine "
                + "could be read.")
public final class TraceCommand implements Callable<Integer> {
    private static final String NAME = "netlens trace";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "SRC",
            description = "a container name or id, host, or an IPv4 address (one of no container or host: a client "
                    + "elsewhere, arriving by the host interface whose route covers it)")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DST[:PORT][/tcp|udp|icmp]",
            description = "a container name or id, a DNS name as SRC's networks resolve it, host (host:PORT: a port "
                    + "published on it), or an IPv4 address; without a port icmp, with one tcp unless named")
    String to;

    @Option(names = {"-H", "--host"}, paramLabel = "URI",
            description = "Docker engine (repeatable). Default: DOCKER_HOST, else the local socket.")
    List<String> hosts = new ArrayList<>();

    @CommandLine.Mixin
    EngineAccessFlags access = new EngineAccessFlags();

    @CommandLine.Mixin
    EngineReachOptions reach = new EngineReachOptions();

    @Option(names = "--snapshot", paramLabel = "FILE", description = "trace in a saved snapshot instead of discovering")
    Path snapshotFile;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (plain sentences) or json (netlens.trace/v1, docs/trace-json.md). Default: text")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "-",
            description = "file to write ('-' for standard output, the default)")
    String output;

    @Option(names = "--lang", paramLabel = "LANG",
            description = "language of the text output: en or ko. Default: the system's (Korean when it is Korean, "
                    + "else English). JSON is always English.")
    String lang;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        boolean json;
        if ("json".equalsIgnoreCase(format)) {
            json = true;
        } else if ("text".equalsIgnoreCase(format)) {
            json = false;
        } else {
            err.println(NAME + ": unknown format '" + format + "' (use text or json)");
            return 2;
        }
        Locale locale = locale(lang);
        if (locale == null) {
            err.println(NAME + ": unknown language '" + lang + "' (use en or ko)");
            return 2;
        }
        TopologySource.Loaded loaded = TopologySource.load(snapshotFile, hosts, access, reach, err, NAME);
        if (loaded.failed()) {
            return loaded.status();
        }
        TraceResult result;
        try {
            result = new Tracer(loaded.file().snapshot()).trace(from, to);
        } catch (TraceArgumentException e) {
            err.println(NAME + ": " + e.getMessage());
            return 2;
        }
        java.util.Map<String, String> hostNames = new java.util.HashMap<>();
        // Discovery already names two engines on machines of one name apart ("vm (198.18.0.1)"), as the hops print them.
        loaded.file().snapshot().hosts().forEach(h -> hostNames.put(h.id(), h.name() == null ? h.id() : h.name()));
        String text = json ? TraceJson.toJson(result) : TraceText.render(result, locale, hostNames);
        if ("-".equals(output)) {
            Writer out = spec.commandLine().getOut();
            out.write(text);
            out.flush();
        } else {
            try {
                AtomicFile.write(Path.of(output), stream -> stream.write(text.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                return OutputFailure.report(err, NAME, output, e);
            }
        }
        return 0;
    }

    /** en, ko, or (none given) the system's language when it is one of them. Null for anything else. */
    static Locale locale(String lang) {
        if (lang == null) {
            return "ko".equals(Locale.getDefault().getLanguage()) ? Locale.KOREAN : Locale.ENGLISH;
        }
        return switch (lang.toLowerCase(Locale.ROOT)) {
            case "en" -> Locale.ENGLISH;
            case "ko" -> Locale.KOREAN;
            default -> null;
        };
    }
}
