package dev.netlens.discovery.kernel;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Lists the namespace files in a folder; a seam so recorded scans can be replayed. */
public interface NamespaceLister {
    /** @return the files in the folder, or an empty list when there is no such folder */
    List<Path> list(Path dir) throws IOException;

    /**
     * What tells this namespace file from another one at the same path: for a bind-mounted
     * namespace, the device and inode of the namespace itself (a new sandbox reusing the path has
     * another). Null when it cannot be told (gone, or a lister with no files behind it).
     */
    default Object identity(Path file) {
        try {
            java.util.Map<String, Object> a = Files.readAttributes(file, "unix:dev,ino");
            return a.get("dev") + ":" + a.get("ino");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The real file system. */
    NamespaceLister FILE_SYSTEM = dir -> {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(files::add);
        }
        return files;
    };
}
