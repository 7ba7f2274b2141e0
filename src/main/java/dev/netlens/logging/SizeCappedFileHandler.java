package dev.netlens.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Appends to one file under a fixed name (so a message can name it) and keeps one older file beside it:
 * past {@code limit} bytes the file becomes {@code NAME.1} and a new one starts. JUL's FileHandler
 * would number every file and leave lock files beside them.
 */
final class SizeCappedFileHandler extends Handler {
    private final Path file;
    private final long limit;
    private OutputStream out;
    private long size;

    /** @throws IOException when the file cannot be opened for appending (read-only home, say) */
    SizeCappedFileHandler(Path file, long limit) throws IOException {
        this.file = file;
        this.limit = limit;
        Files.createDirectories(file.toAbsolutePath().getParent());
        open();
    }

    private void open() throws IOException {
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        size = Files.size(file);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!isLoggable(record) || out == null) {
            return;
        }
        byte[] bytes = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
        try {
            if (size > 0 && size + bytes.length > limit) {
                out.close();
                Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
                open();
            }
            out.write(bytes);
            out.flush();
            size += bytes.length;
        } catch (IOException e) {
            // A full disk must not take the application down with it: stop writing, say so once (JUL's way).
            reportError("netlens: cannot write the log file " + file, e, ErrorManager.WRITE_FAILURE);
            closeQuietly();
        }
    }

    @Override
    public synchronized void flush() {
        try {
            if (out != null) {
                out.flush();
            }
        } catch (IOException e) {
            closeQuietly();
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException ignored) {
            // closing after a failed write: nothing more to save
        } finally {
            out = null;
        }
    }
}
