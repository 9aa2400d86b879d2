package dev.dragoman.gateway.outbox;

import java.util.Locale;

/**
 * A copy's status as people read it (the outbox listing, the console): the store's
 * {@link DeliveryStatus} with pending split in two, because a copy that failed and waits for its
 * next attempt is what an operator looks for, and one not tried yet is not.
 */
public enum CopyStatus {
    /** Waiting for its first attempt, or in it. */
    PENDING,
    /** An attempt failed (its last error says how); the next comes at its next attempt time, until its deadline. */
    RETRYING,
    DELIVERED,
    /** The deadline passed before the receiver took it. */
    EXPIRED,
    /** The receiver refused it for good; its last error is the receiver's answer. */
    REJECTED;

    /** The word in the admin API: {@code pending}, {@code retrying}, ... */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a word that names no status */
    public static CopyStatus ofWord(String word) {
        for (CopyStatus status : values()) {
            if (status.word().equals(word)) {
                return status;
            }
        }
        throw new IllegalArgumentException("'" + word + "' is no status; use pending, retrying, delivered, expired or rejected");
    }

    /** The status of a copy whose store status and last error are these: pending with an error is retrying. */
    public static CopyStatus of(DeliveryStatus status, String lastError) {
        return switch (status) {
            case PENDING -> lastError == null ? PENDING : RETRYING;
            case DELIVERED -> DELIVERED;
            case EXPIRED -> EXPIRED;
            case REJECTED -> REJECTED;
        };
    }

    /** The SQL condition on the delivery table that selects this status. */
    String condition() {
        return switch (this) {
            case PENDING -> "(status = 'PENDING' AND last_error IS NULL)";
            case RETRYING -> "(status = 'PENDING' AND last_error IS NOT NULL)";
            default -> "status = '" + name() + "'";
        };
    }
}
