package dev.dragoman.gateway.outbox;

import static dev.dragoman.gateway.outbox.Timestamps.instant;
import static dev.dragoman.gateway.outbox.Timestamps.sql;

import dev.dragoman.gateway.cloudevents.ExpiryTimes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An operator's re-send (POST /admin/outbox/resend, the console): expired and rejected copies
 * go back to pending with a new deadline, and the normal worker delivers them, with retries,
 * listeners and metrics as for any copy. Pending and delivered copies are left alone, and the
 * {@link ResendGuard} refuses what must not go again. Each copy is its own transaction, so one
 * refusal does not hold back the others; its row is locked meanwhile, so that a re-send and a
 * delivery never both change it.
 */
public final class OutboxResend {

    private static final Logger log = LoggerFactory.getLogger(OutboxResend.class);

    /** The most copies one re-send takes: a page of the listing. */
    public static final int MAX_COPIES = OutboxQuery.MAX_LIMIT;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ResendGuard guard;
    private final Runnable wakeDelivery;

    /** @param wakeDelivery asks the delivery worker to poll now, not at its next tick */
    public OutboxResend(JdbcClient jdbc, TransactionTemplate transactions, ResendGuard guard, Runnable wakeDelivery) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.guard = Objects.requireNonNull(guard, "guard");
        this.wakeDelivery = Objects.requireNonNull(wakeDelivery, "wakeDelivery");
    }

    /**
     * Re-sends the copies, each once however often it is named, in the order named.
     *
     * @param deadline the new deadline, after {@code now}
     * @throws InvalidResendException when no copy is named, more than {@link #MAX_COPIES}, or the deadline is not in the future
     */
    public List<ResendOutcome> resend(List<Long> copies, Instant deadline, Instant now) {
        if (copies == null || copies.isEmpty()) {
            throw new InvalidResendException("copies", "name the copies to re-send by their ids, as GET /admin/outbox lists them");
        }
        if (copies.size() > MAX_COPIES) {
            throw new InvalidResendException("copies", "at most " + MAX_COPIES + " copies at once, and " + copies.size() + " were named");
        }
        if (deadline == null) {
            throw new InvalidResendException("deadline", "give the new deadline, an instant such as 2030-01-01T12:00:00Z");
        }
        if (!deadline.isAfter(now)) {
            throw new InvalidResendException("deadline", "the new deadline " + deadline + " is not in the future (now is " + now
                    + "): a copy is never delivered after its deadline, so it would expire at once");
        }
        List<ResendOutcome> outcomes = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(copies)) {
            outcomes.add(transactions.execute(tx -> resendOne(Objects.requireNonNull(id, "copy id"), deadline, now)));
        }
        if (outcomes.stream().anyMatch(ResendOutcome::resent)) {
            wakeDelivery.run();
        }
        return outcomes;
    }

    private ResendOutcome resendOne(long id, Instant deadline, Instant now) {
        Optional<Locked> found = jdbc.sql("SELECT id, kind, event_source, event_id, type, saga_id, receiver, endpoint, status, attempts,"
                        + " next_attempt_at, last_error, deadline, created_at, finished_at, payload FROM delivery WHERE id = ? FOR UPDATE")
                .param(id).query((rs, n) -> new Locked(new DeliveryRecord(rs.getLong("id"), rs.getString("kind"), rs.getString("event_source"),
                        rs.getString("event_id"), rs.getString("type"), rs.getString("saga_id"), rs.getString("receiver"),
                        rs.getString("endpoint"), DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                        instant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "deadline"), instant(rs, "created_at"),
                        instant(rs, "finished_at")), rs.getString("payload")))
                .optional();
        if (found.isEmpty()) {
            log.info("Re-send of copy {} refused: no such copy", id);
            return new ResendOutcome(id, ResendOutcome.UNKNOWN, "no copy has id " + id + " (or it was removed after the retention period)",
                    null, null, null);
        }
        DeliveryRecord copy = found.get().record();
        CopyStatus before = CopyStatus.of(copy.status(), copy.lastError());
        if (copy.status() == DeliveryStatus.PENDING || copy.status() == DeliveryStatus.DELIVERED) {
            String why = copy.status() == DeliveryStatus.PENDING
                    ? "the copy is " + before.word() + ": the outbox is still delivering it, until its deadline " + copy.deadline()
                    : "the copy was delivered at " + copy.finishedAt() + "; it is not sent twice";
            return refused(copy, before, why);
        }
        ResendGuard.Verdict verdict = guard.judge(copy, deadline, now);
        if (!verdict.allowed()) {
            return refused(copy, before, verdict.refusal());
        }
        byte[] payload = ExpiryTimes.withExpiry(found.get().payload().getBytes(StandardCharsets.UTF_8), verdict.deadline());
        jdbc.sql("UPDATE delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ?, deadline = ?, last_error = NULL,"
                        + " finished_at = NULL, resends = resends + 1, payload = ? WHERE id = ?")
                .params(sql(now), sql(verdict.deadline()), new String(payload, StandardCharsets.UTF_8), id).update();
        guard.resent(copy, verdict.deadline(), now);
        log.info("Re-sent copy {} ({} {} for {}, {} before: {}) with the deadline {}{}", id, copy.kind(), copy.type(), copy.receiver(),
                before.word(), copy.lastError(), verdict.deadline(), verdict.note() == null ? "" : "; " + verdict.note());
        return new ResendOutcome(id, ResendOutcome.RESENT, verdict.note(), verdict.deadline(), before, copy.lastError());
    }

    private static ResendOutcome refused(DeliveryRecord copy, CopyStatus before, String why) {
        log.info("Re-send of copy {} ({} {} for {}) refused: {}", copy.id(), copy.kind(), copy.type(), copy.receiver(), why);
        return new ResendOutcome(copy.id(), ResendOutcome.REFUSED, why, null, before, copy.lastError());
    }

    private record Locked(DeliveryRecord record, String payload) {
    }
}
