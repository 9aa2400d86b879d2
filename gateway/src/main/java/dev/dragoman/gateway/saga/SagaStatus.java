package dev.dragoman.gateway.saga;

/** Where a saga instance stands. */
public enum SagaStatus {
    /** Waiting for reports, before the deadline. */
    OPEN,
    /** Every participant completed before the deadline: the completed outcome was sent. */
    COMPLETED,
    /** A participant failed: the aborted outcome and the compensations were sent. */
    ABORTED,
    /** The deadline passed first: an abort like {@link #ABORTED}, told apart for the people reading the timeline. */
    TIMED_OUT;

    /** Whether the saga is over: reports now change nothing, save a late completion that earns its compensation. */
    public boolean ended() {
        return this != OPEN;
    }

    /** Whether the saga ended without its work done, so that completed work is compensated. */
    public boolean aborted() {
        return this == ABORTED || this == TIMED_OUT;
    }
}
