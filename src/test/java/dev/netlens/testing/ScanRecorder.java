package dev.netlens.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.netlens.discovery.engine.EngineApi;
import dev.netlens.discovery.engine.EngineApiException;
import dev.netlens.discovery.engine.EngineUnreachableException;
import dev.netlens.discovery.kernel.CommandNotFoundException;
import dev.netlens.discovery.kernel.CommandResult;
import dev.netlens.discovery.kernel.CommandRunner;
import dev.netlens.discovery.kernel.NamespaceLister;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Wraps the real engine, commands and file system, writing everything they answer under a folder. */
public final class ScanRecorder {
    private final Path dir;

    public ScanRecorder(Path dir) {
        this.dir = dir;
    }

    public EngineApi engine(EngineApi real) {
        return new EngineApi() {
            @Override
            public JsonNode get(String path) throws EngineApiException, EngineUnreachableException {
                try {
                    JsonNode answer = real.get(path);
                    write(ScanFiles.apiKey(real.endpoint(), path), ScanFiles.withoutEnvironment(answer));
                    return answer;
                } catch (EngineApiException e) {
                    ObjectNode error = ScanFiles.JSON.createObjectNode().put("status", e.status()).put("message", e.getMessage());
                    write(ScanFiles.apiKey(real.endpoint(), path), ScanFiles.JSON.createObjectNode().set("error", error));
                    throw e;
                }
            }

            @Override
            public String endpoint() {
                return real.endpoint();
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    public CommandRunner commands(CommandRunner real) {
        return new CommandRunner() {
            @Override
            public CommandResult run(List<String> argv) throws IOException {
                return run(argv, null);
            }

            @Override
            public CommandResult run(List<String> argv, String input) throws IOException {
                ObjectNode record = ScanFiles.JSON.createObjectNode();
                try {
                    CommandResult result = real.run(argv, input);
                    record.put("exitCode", result.exitCode()).put("stdout", result.stdout()).put("stderr", result.stderr());
                    return result;
                } catch (CommandNotFoundException e) {
                    record.put("notFound", e.program());
                    throw e;
                } finally {
                    write(ScanFiles.commandKey(argv, input), record);
                }
            }

            @Override
            public boolean isAvailable(String program) {
                boolean available = real.isAvailable(program);
                write(ScanFiles.commandKey(List.of("which", program)), ScanFiles.JSON.createObjectNode().put("available", available));
                return available;
            }
        };
    }

    public NamespaceLister lister(NamespaceLister real) {
        return folder -> {
            List<Path> files = real.list(folder);
            StringBuilder text = new StringBuilder();
            files.forEach(f -> text.append(f.getFileName()).append('\n'));
            writeText(ScanFiles.listKey(folder.toString()), text.toString());
            return files;
        };
    }

    private void write(String key, JsonNode json) {
        try {
            writeText(key, ScanFiles.JSON.writeValueAsString(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void writeText(String key, String text) {
        try {
            Path file = dir.resolve(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
