package dev.dragoman.gateway.intake;

import dev.dragoman.rules.model.Participant;
import dev.dragoman.rules.model.Saga;
import io.cloudevents.CloudEvent;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * What the event store can hold, checked before it is touched: an event that does not fit is the
 * publisher's mistake (400 naming the attribute and its limit), never a store failure (503). The
 * sizes are the columns of db/migration/V1__events_and_sagas.sql, counted in characters as both
 * H2 and PostgreSQL count VARCHAR.
 */
final class EventLimits {

    static final int SOURCE = 2048;
    static final int ID = 1024;
    static final int TYPE = 512;
    static final int SAGA_ID = 1024;
    /** RFC 3339 years have four digits; PostgreSQL's timestamps end in the year 294276 and H2's differ. */
    static final int LAST_YEAR = 9999;

    private EventLimits() {
    }

    static void check(CloudEvent event) {
        text("source", event.getSource().toString(), SOURCE);
        text("id", event.getId(), ID);
        text("type", event.getType(), TYPE);
    }

    /**
     * A saga's outcome and compensation ids are {@code <sagaid>/<type>} and
     * {@code <sagaid>/<type>/<participant>}, stored as event ids: the sagaid of a saga's start
     * leaves room for them.
     */
    static void checkSagaId(String sagaId, Saga starts) {
        int limit = starts == null ? SAGA_ID : SAGA_ID - longestSuffix(starts);
        text("sagaid", sagaId, limit, starts == null ? "" : " (the ids of saga " + starts.name()
                + "'s outcomes and compensations add its event types to it, up to " + ID + " characters in all)");
    }

    static Instant deadline(String attribute, Instant deadline) {
        int year = deadline.atOffset(ZoneOffset.UTC).getYear();
        if (year < 0 || year > LAST_YEAR) {
            throw new IntakeRefusedException(EventProblems.invalid(attribute + " '" + deadline + "' is beyond the year " + LAST_YEAR
                    + ": send an RFC 3339 timestamp with a four-digit year"));
        }
        return deadline;
    }

    private static int longestSuffix(Saga saga) {
        int longest = 0;
        if (saga.outcome() != null) {
            longest = Math.max(length(saga.outcome().completed()), length(saga.outcome().aborted())) + 1;
        }
        for (Participant p : saga.participants()) {
            if (p.compensation() != null) {
                longest = Math.max(longest, p.compensation().length() + p.context().length() + 2);
            }
        }
        return longest;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    private static void text(String attribute, String value, int limit) {
        text(attribute, value, limit, "");
    }

    private static void text(String attribute, String value, int limit, String why) {
        if (value.length() > limit) {
            throw new IntakeRefusedException(EventProblems.invalid(attribute + " is " + value.length() + " characters long, and may be at"
                    + " most " + limit + why + ": send a shorter " + attribute));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                throw new IntakeRefusedException(EventProblems.invalid(attribute + " holds the character U+0000 at position " + i
                        + ", which the event store cannot keep: remove it"));
            }
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1)))
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1)))) {
                throw new IntakeRefusedException(EventProblems.invalid(attribute + " holds an unpaired surrogate (\\u"
                        + Integer.toHexString(c) + ") at position " + i + ", which is not Unicode text: remove it"));
            }
        }
    }
}
