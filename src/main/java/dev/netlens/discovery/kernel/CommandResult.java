package dev.netlens.discovery.kernel;

/** What a finished command printed, and how it ended. */
public record CommandResult(int exitCode, String stdout, String stderr) {
    public boolean ok() {
        return exitCode == 0;
    }

    /** The first line of stderr, trimmed: enough for a user-facing reason. */
    public String firstErrorLine() {
        String text = stderr == null ? "" : stderr.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }
}
