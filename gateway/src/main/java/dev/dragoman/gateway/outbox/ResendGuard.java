package dev.dragoman.gateway.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether a finished copy may be delivered again, and until when: asked by {@link OutboxResend}
 * in the transaction that re-queues it. The outbox knows nothing of sagas; the sagas answer for
 * their copies (the deadline protocol: a participant must not act on a saga that is over).
 */
public interface ResendGuard {

    /**
     * @param copy the copy, locked, expired or rejected
     * @param deadline the deadline the operator asks for, in the future
     */
    Verdict judge(DeliveryRecord copy, Instant deadline, Instant now);

    /** Told once the copy is queued again, in the same transaction (a saga notes it on its timeline). */
    void resent(DeliveryRecord copy, Instant deadline, Instant now);

    /** Lets every copy go with the deadline asked for. */
    ResendGuard NONE = new ResendGuard() {
        @Override
        public Verdict judge(DeliveryRecord copy, Instant deadline, Instant now) {
            return Verdict.allow(deadline, null);
        }

        @Override
        public void resent(DeliveryRecord copy, Instant deadline, Instant now) {
        }
    };

    /**
     * @param refusal why the copy may not go again, or null when it may
     * @param deadline until when it may be delivered (null when refused)
     * @param note what the operator should know about it (the deadline shortened to the saga's), or null
     */
    record Verdict(String refusal, Instant deadline, String note) {

        public static Verdict allow(Instant deadline, String note) {
            return new Verdict(null, Objects.requireNonNull(deadline, "deadline"), note);
        }

        public static Verdict refuse(String why) {
            return new Verdict(Objects.requireNonNull(why, "why"), null, null);
        }

        public boolean allowed() {
            return refusal == null;
        }
    }
}
