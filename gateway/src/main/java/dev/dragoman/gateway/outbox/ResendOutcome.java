package dev.dragoman.gateway.outbox;

import java.time.Instant;

/**
 * What became of one copy of a re-send.
 *
 * @param id the copy asked for
 * @param result {@link #RESENT}, {@link #REFUSED} or {@link #UNKNOWN}
 * @param reason why it was refused, or a note on a re-sent one (its deadline shortened), or null
 * @param deadline the copy's new deadline when re-sent, else null
 * @param previousStatus the copy's status before (null when unknown)
 * @param previousError its last error before, which the re-send clears
 */
public record ResendOutcome(long id, String result, String reason, Instant deadline, CopyStatus previousStatus, String previousError) {

    public static final String RESENT = "resent";
    public static final String REFUSED = "refused";
    public static final String UNKNOWN = "unknown";

    public boolean resent() {
        return RESENT.equals(result);
    }
}
