package dev.netlens.capture;

import java.util.List;

/**
 * A user's BPF expression as tcpdump's trailing arguments. It never passes through a shell: tcpdump
 * joins its words with spaces itself, so splitting on white space keeps the expression's meaning,
 * and an argument {@code --} before them keeps any word from being read as an option.
 */
public final class BpfFilter {
    /** Far longer than any hand-written filter; a guard against pasted garbage. */
    static final int MAX_LENGTH = 2000;

    private BpfFilter() {
    }

    /**
     * The words of {@code filter} (none for a blank one).
     *
     * @throws CaptureException for control characters or an over-long text (its syntax is checked by tcpdump)
     */
    public static List<String> words(String filter) throws CaptureException {
        String text = filter == null ? "" : filter.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        if (text.length() > MAX_LENGTH) {
            throw new CaptureException(CaptureException.Problem.BAD_FILTER, "longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                throw new CaptureException(CaptureException.Problem.BAD_FILTER, "it holds a control character");
            }
        }
        return List.of(text.split("\\s+"));
    }
}
