package dev.dragoman.gateway.saga;

/** What a participant has reported. */
public enum ParticipantStatus {
    /** Nothing yet. */
    PENDING,
    /** Its completed report arrived (possibly after the saga ended). */
    COMPLETED,
    /** Its failed report arrived while the saga was open, and aborted it. */
    FAILED
}
