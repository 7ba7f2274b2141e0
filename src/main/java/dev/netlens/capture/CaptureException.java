package dev.netlens.capture;

/**
 * A capture that cannot start or did not end well, told in one line ({@link #getMessage()}, English).
 * {@link #problem()} and {@link #detail()} let a window say it in its own language.
 */
public final class CaptureException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Problem problem;
    private final String detail;

    public CaptureException(Problem problem, String detail) {
        super(problem.english(detail));
        this.problem = problem;
        this.detail = detail == null ? "" : detail;
    }

    public Problem problem() {
        return problem;
    }

    /** The variable part of the message (a path, a name, tcpdump's own words). */
    public String detail() {
        return detail;
    }

    /** Why a capture failed; each has a bundle key {@code capture.problem.<key>} with one argument, the detail. */
    public enum Problem {
        NO_TCPDUMP("noTcpdump", "tcpdump is not installed: install it (Debian/Ubuntu: apt-get install tcpdump) to capture%s"),
        NO_NSENTER("noNsenter", "nsenter is not installed: install util-linux to capture%s"),
        NOT_ROOT("notRoot", "capturing needs root: run Netlens as root (sudo) to record a namespace's packets%s"),
        REMOTE("remote", "%s is a remote engine: Netlens has no view of its kernel there, so it cannot capture its packets"),
        NO_NAMESPACE("noNamespace", "the namespace of %s is gone (its container stopped or its network was removed)"),
        NO_INTERFACE("noInterface", "interface %s does not exist there any more"),
        BAD_FILTER("badFilter", "the filter is not valid: %s"),
        NOT_FOUND("notFound", "%s"),
        OUTPUT("output", "cannot write the capture file: %s"),
        FAILED("failed", "tcpdump failed: %s");

        private final String key;
        private final String english;

        Problem(String key, String english) {
            this.key = key;
            this.english = english;
        }

        public String key() {
            return key;
        }

        String english(String detail) {
            return String.format(english, detail == null ? "" : detail);
        }
    }
}
