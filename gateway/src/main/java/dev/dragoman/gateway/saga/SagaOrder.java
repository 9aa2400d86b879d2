package dev.dragoman.gateway.saga;

/**
 * How a saga search is ordered. Each order is total (the saga id breaks ties), so that paging by
 * keyset neither skips nor repeats a saga while others start or end.
 */
public enum SagaOrder {
    /** The nearest deadline first, then by saga id: the order of the open list, where the next deadline matters most. */
    DEADLINE,
    /** The most recently started first, then by saga id descending: the order of a search, where the latest matter most. */
    NEWEST
}
