package dev.dragoman.gateway.saga;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A question about sagas: which ones (statuses, saga name, a prefix of the saga id, a range of
 * start times), in which order, how many, and after which one. Every filter is optional but the
 * statuses; a saga is listed when it passes them all.
 *
 * @param statuses never empty
 * @param saga the declared saga's name, or null for any
 * @param sagaIdPrefix the saga ids' beginning, or null for any
 * @param from the earliest start, inclusive, or null
 * @param to the latest start, exclusive, or null
 * @param limit how many sagas a page holds, 1 to {@value #MAX_LIMIT}
 * @param after the cursor of the previous page's last saga, or null for the first page
 */
public record SagaSearch(Set<SagaStatus> statuses, String saga, String sagaIdPrefix, Instant from, Instant to, SagaOrder order, int limit,
        SagaCursor after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public SagaSearch {
        Objects.requireNonNull(statuses, "statuses");
        Objects.requireNonNull(order, "order");
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("a search must name at least one status");
        }
        statuses = Set.copyOf(EnumSet.copyOf(statuses));
        saga = saga == null || saga.isEmpty() ? null : saga;
        sagaIdPrefix = sagaIdPrefix == null || sagaIdPrefix.isEmpty() ? null : sagaIdPrefix;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + " but was " + limit);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from " + from + " must be before to " + to);
        }
        if (after != null && after.order() != order) {
            throw new IllegalArgumentException("the cursor continues a search ordered by " + after.order() + ", not by " + order);
        }
    }

    /** The open list: open and confirming sagas, the nearest deadline first. */
    public static SagaSearch open(int limit) {
        return new SagaSearch(EnumSet.of(SagaStatus.OPEN, SagaStatus.CONFIRMING), null, null, null, null, SagaOrder.DEADLINE, limit, null);
    }

    /** Every saga, the most recently started first. */
    public static SagaSearch all(int limit) {
        return new SagaSearch(EnumSet.allOf(SagaStatus.class), null, null, null, null, SagaOrder.NEWEST, limit, null);
    }

    /** The same search, from after that cursor. */
    public SagaSearch after(SagaCursor cursor) {
        return new SagaSearch(statuses, saga, sagaIdPrefix, from, to, order, limit, cursor);
    }
}
