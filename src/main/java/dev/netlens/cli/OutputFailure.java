package dev.netlens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** An output file that could not be written (read-only folder, full disk): one line, its own exit status. */
final class OutputFailure {
    /** Exit status when the output could not be written (README). Nothing is left at the output path. */
    static final int CANNOT_WRITE = 4;

    private OutputFailure() {
    }

    static int report(PrintWriter err, String command, String output, IOException e) {
        err.println(command + ": cannot write " + output + ": " + reason(e) + "; nothing written");
        return CANNOT_WRITE;
    }

    /** "permission denied", "No space left on device": the cause without the path the line already names. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
