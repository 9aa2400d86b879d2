package dev.dragoman.gateway.admin;

import dev.dragoman.gateway.outbox.OutboxCopy;
import dev.dragoman.gateway.outbox.OutboxPage;
import dev.dragoman.gateway.outbox.ResendOutcome;
import java.time.Instant;
import java.util.List;

/** The JSON of the outbox listing and of a re-send (docs/ADMIN.md, "Outbox"): instants as ISO-8601 text, every member always present. */
final class OutboxViews {

    private OutboxViews() {
    }

    /**
     * @param next the next page's address, or null on the last page
     */
    record Page(String now, long depth, String oldestPendingAge, List<Copy> copies, String next) {

        static Page of(OutboxPage page, Instant now, String next) {
            return new Page(now.toString(), page.depth(), text(page.oldestPendingAge()), page.copies().stream().map(Copy::of).toList(), next);
        }
    }

    record Copy(long id, String kind, String type, String source, String eventId, String sagaid, String receiver, String endpoint,
            String status, int attempts, String deadline, String nextAttemptAt, String lastError, String createdAt, String finishedAt,
            int resends) {

        static Copy of(OutboxCopy copy) {
            boolean waiting = copy.finishedAt() == null;
            return new Copy(copy.id(), copy.kind(), copy.type(), copy.source(), copy.eventId(), copy.sagaId(), copy.receiver(),
                    copy.endpoint(), copy.status().word(), copy.attempts(), copy.deadline().toString(),
                    waiting ? text(copy.nextAttemptAt()) : null, copy.lastError(), copy.createdAt().toString(), text(copy.finishedAt()),
                    copy.resends());
        }
    }

    record Resent(String now, long resent, long refused, List<Outcome> copies) {

        static Resent of(List<ResendOutcome> outcomes, Instant now) {
            long resent = outcomes.stream().filter(ResendOutcome::resent).count();
            return new Resent(now.toString(), resent, outcomes.size() - resent, outcomes.stream().map(Outcome::of).toList());
        }
    }

    record Outcome(long id, String result, String reason, String deadline, String previousStatus, String previousError) {

        static Outcome of(ResendOutcome outcome) {
            return new Outcome(outcome.id(), outcome.result(), outcome.reason(), text(outcome.deadline()),
                    outcome.previousStatus() == null ? null : outcome.previousStatus().word(), outcome.previousError());
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
