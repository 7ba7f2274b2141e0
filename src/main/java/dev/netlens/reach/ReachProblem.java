package dev.netlens.reach;

/**
 * Why an engine cannot be chosen or reached, as one line: a kind (the window words it in the UI
 * language) and the detail (the address, the file, the engine's or the system's own words).
 */
public final class ReachProblem extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** Not an address Netlens can use (scheme, missing host or port, a blank field). */
        BAD_ADDRESS,
        /** Nothing answers there, or it answered with something that is not an engine. */
        UNREACHABLE,
        /** The engine answered with an error. */
        ENGINE_ERROR,
        /** The docker CLI's context store, or one context in it, cannot be read. */
        CONTEXT_STORE,
        /** DOCKER_TLS_VERIFY (or the TLS options) name files that are not there. */
        TLS_FILES,
        /** --swarm on an engine that is not a swarm manager. */
        NOT_A_MANAGER,
        /** Nothing was chosen. */
        NOTHING_CHOSEN
    }

    private final Kind kind;
    private final String detail;

    public ReachProblem(Kind kind, String detail) {
        super(detail, null, false, false); // a user's problem, never a trace
        this.kind = kind;
        this.detail = detail == null ? "" : detail;
    }

    public Kind kind() {
        return kind;
    }

    public String detail() {
        return detail;
    }
}
