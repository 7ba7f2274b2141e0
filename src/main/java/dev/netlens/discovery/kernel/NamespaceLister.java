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
