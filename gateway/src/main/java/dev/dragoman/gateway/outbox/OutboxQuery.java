package dev.dragoman.gateway.outbox;

import java.util.Objects;
import java.util.Set;

/**
 * Which copies of the outbox to list, one page at a time (GET /admin/outbox, the console).
 *
 * @param statuses the statuses wanted; empty for all
 * @param receiver only copies for this context, or null
 * @param type only copies of this event type, or null
 * @param limit the most copies on the page, 1 to {@link #MAX_LIMIT}
 * @param cursor the page after this one's {@link OutboxPage#next()}, or null for the newest copies
 */
public record OutboxQuery(Set<CopyStatus> statuses, String receiver, String type, int limit, Long cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public OutboxQuery {
        statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + " but was " + limit);
        }
    }

    /** Every copy, newest first, a default page at a time. */
    public static OutboxQuery all() {
        return new OutboxQuery(Set.of(), null, null, DEFAULT_LIMIT, null);
    }

    /** The same filters, from the cursor on. */
    public OutboxQuery after(Long next) {
        return new OutboxQuery(statuses, receiver, type, limit, next);
    }
}
