package dev.dragoman.gateway.saga;

/** Where a saga instance stands. */
public enum SagaStatus {
    /** Waiting for reports, before the deadline. */
    OPEN,
    /**
     * Every participant completed before the deadline and the completed outcome is out: waiting,
     * until the deadline, for every receiver to acknowledge it (the deadline protocol, SPEC section 6).
     */
    CONFIRMING,
    /** Every receiver acknowledged the completed outcome before the deadline. */
    COMPLETED,
    /** A participant failed, or a receiver refused the completed outcome: the aborted outcome and the compensations were sent. */
    ABORTED,
    /** The deadline passed first (open, or confirming without every acknowledgement): an abort like {@link #ABORTED}, told apart for the people reading the timeline. */
    TIMED_OUT;

    /** Whether the saga is over: reports now change nothing, save a late completion that earns its compensation. */
    public boolean ended() {
        return this != OPEN && this != CONFIRMING;
    }

    /** Whether the saga ended without its work done, so that completed work is compensated. */
    public boolean aborted() {
        return this == ABORTED || this == TIMED_OUT;
    }
}
