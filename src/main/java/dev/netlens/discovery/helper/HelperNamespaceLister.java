package dev.netlens.discovery.helper;

import dev.netlens.discovery.kernel.CommandResult;
import dev.netlens.discovery.kernel.NamespaceLister;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Lists a namespace folder of the engine's host with the helper's {@code ls}. */
final class HelperNamespaceLister implements NamespaceLister {
    private final HelperCommandRunner runner;

    HelperNamespaceLister(HelperCommandRunner runner) {
        this.runner = runner;
    }

    @Override
    public List<Path> list(Path dir) throws IOException {
        List<String> ls = new ArrayList<>(runner.own("ls"));
        ls.add("-1");
        ls.add(runner.onHost(dir.toString()));
        return parse(dir, runner.runOwn(ls));
    }

    static List<Path> parse(Path dir, CommandResult result) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!result.ok()) {
            if (result.stderr().contains("No such file")) {
                return files;
            }
            throw new IOException(result.firstErrorLine());
        }
        for (String line : result.stdout().lines().toList()) {
            if (!line.isBlank()) {
                files.add(dir.resolve(line.strip()));
            }
        }
        return files;
    }

    /** No identity: the files are not on this machine. */
    @Override
    public Object identity(Path file) {
        return null;
    }
}
