package dev.netlens.discovery;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An engine that could not be read at all, with a message fit for the user.
 *
 * @param internal a bug of Netlens's (logged with its trace), not the engine's or the address's fault
 */
public record EngineFailure(String endpoint, String message, boolean internal) {
    private static final Logger LOG = Logger.getLogger(EngineFailure.class.getName());

    public EngineFailure(String endpoint, String message) {
        this(endpoint, message, false);
    }

    /** "internal error while reading ENGINE: ...; details in LOGFILE", the trace logged there. */
    public static EngineFailure internalError(String endpoint, Throwable e) {
        LOG.log(Level.SEVERE, "internal error while reading " + endpoint, e);
        return new EngineFailure(endpoint, "internal error while reading " + endpoint + ": "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + "; "
                + dev.netlens.logging.Logs.detailsHint(), true);
    }
}
