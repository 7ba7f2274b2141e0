package dev.netlens.discovery;

import dev.netlens.discovery.kernel.NamespaceLister;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A lister that notes each listed file's identity as it lists it: before the file is entered, so
 * that a namespace replaced after the note can only look changed, never the reverse. The first note
 * of a file stands (a second listing of the same folder comes after some files were read).
 */
final class IdentityRecorder implements NamespaceLister {
    private final NamespaceLister inner;
    private final Map<String, Object> identities = new ConcurrentHashMap<>();

    IdentityRecorder(NamespaceLister inner) {
        this.inner = inner;
    }

    @Override
    public List<Path> list(Path dir) throws IOException {
        List<Path> files = inner.list(dir);
        for (Path file : files) {
            if (!identities.containsKey(file.toString())) {
                Object identity = inner.identity(file);
                if (identity != null) {
                    identities.putIfAbsent(file.toString(), identity);
                }
            }
        }
        return files;
    }

    @Override
    public Object identity(Path file) {
        Object noted = identities.get(file.toString());
        return noted != null ? noted : inner.identity(file);
    }

    /** The identity noted when the file was listed, or null. */
    Object noted(Path file) {
        return identities.get(file.toString());
    }

    Map<String, Object> identities() {
        return Map.copyOf(identities);
    }
}
