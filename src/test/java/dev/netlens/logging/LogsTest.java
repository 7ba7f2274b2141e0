package dev.netlens.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Library logging (SLF4J) reaches the log file and, by default, not the console; the file stays small. */
class LogsTest {
    @TempDir
    Path temp;

    @AfterEach
    void quietAgain() {
        System.clearProperty(Logs.FILE_PROPERTY);
        Logs.configure(false);
    }

    @Test
    void slf4jErrorsGoToTheFileAndNotToStandardError() throws Exception {
        Path log = temp.resolve("state/netlens/netlens.log");
        System.setProperty(Logs.FILE_PROPERTY, log.toString());
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        try {
            Logs.configure(false); // the console handler binds System.err when made
            LoggerFactory.getLogger("com.github.dockerjava.api.async.ResultCallbackTemplate")
                    .error("Error during callback", new IllegalStateException("pull refused"));
            LoggerFactory.getLogger("com.github.dockerjava.core").debug("debug detail");
        } finally {
            System.setErr(err);
        }
        assertEquals("", captured.toString());
        String logged = Files.readString(log);
        assertTrue(logged.contains("Error during callback") && logged.contains("pull refused"), logged);
        assertFalse(logged.contains("debug detail"), "the file is written at INFO: " + logged);
        assertEquals(log, Logs.file().orElseThrow());
        assertTrue(Logs.detailsHint().endsWith(log.toString()));
    }

    @Test
    void verboseShowsDebugOnStandardError() {
        System.setProperty(Logs.FILE_PROPERTY, temp.resolve("netlens.log").toString());
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        try {
            Logs.configure(true);
            LoggerFactory.getLogger("com.github.dockerjava.core").debug("debug detail");
            java.util.logging.Logger.getLogger("jdk.event.security").fine("certificate noise");
        } finally {
            System.setErr(err);
        }
        assertTrue(captured.toString().contains("debug detail"), captured.toString());
        assertFalse(captured.toString().contains("certificate noise"), captured.toString());
    }

    @Test
    void theFileIsCappedAndOneOlderFileKept() throws Exception {
        Path log = temp.resolve("netlens.log");
        SizeCappedFileHandler handler = new SizeCappedFileHandler(log, 1000);
        handler.setFormatter(new OneLineFormatter());
        for (int i = 0; i < 100; i++) {
            handler.publish(new java.util.logging.LogRecord(java.util.logging.Level.INFO, "line " + i + " ".repeat(40)));
        }
        handler.close();
        assertTrue(Files.size(log) <= 1000, "size " + Files.size(log));
        assertTrue(Files.size(log.resolveSibling("netlens.log.1")) <= 1000);
        assertTrue(Files.readString(log).contains("line 99"));
    }

    @Test
    void eachPlatformHasItsPlace() {
        assertEquals(Path.of("/home/u/.local/state/netlens/netlens.log"), Logs.defaultFile(Map.of(), "Linux", "/home/u"));
        assertEquals(Path.of("/x/netlens/netlens.log"), Logs.defaultFile(Map.of("XDG_STATE_HOME", "/x"), "Linux", "/home/u"));
        assertEquals(Path.of("/Users/u/Library/Logs/Netlens/netlens.log"), Logs.defaultFile(Map.of(), "Mac OS X", "/Users/u"));
    }

    @Test
    void noLogFileWhereNoneCanBeWrittenAndTheHintSaysSo() throws Exception {
        Path file = temp.resolve("a-file");
        Files.writeString(file, "x");
        System.setProperty(Logs.FILE_PROPERTY, file.resolve("netlens.log").toString()); // under a file: cannot be made
        Logs.configure(false);
        assertTrue(Logs.file().isEmpty());
        assertEquals("run again with --verbose for details", Logs.detailsHint());
    }
}
