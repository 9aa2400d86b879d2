package dev.dragoman.kit.outbox;

import dev.dragoman.kit.UnsentEvent;
import dev.dragoman.kit.UnsentEventHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * One pass over the outbox: claims the due rows, expires those whose deadline has come, sends the
 * others and records what the gateway answered. The kit's pass loop runs it on a schedule; it never
 * waits itself, so a test moves the clock and runs it.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final GatewayClient gateway;
    private final TransactionTemplate tx;
    private final List<UnsentEventHandler> unsentHandlers;
    private final JsonMapper mapper;
    private final Clock clock;
    private final Backoff backoff;
    private final Duration timeout;
    private final int batchSize;

    public OutboxRelay(OutboxStore store, GatewayClient gateway, TransactionTemplate tx, List<UnsentEventHandler> unsentHandlers,
            JsonMapper mapper, Clock clock, Backoff backoff, Duration timeout, int batchSize) {
        this.store = store;
        this.gateway = gateway;
        this.tx = tx;
        this.unsentHandlers = List.copyOf(unsentHandlers);
        this.mapper = mapper;
        this.clock = clock;
        this.backoff = backoff;
        this.timeout = timeout;
        this.batchSize = batchSize;
    }

    /** @return how many rows this pass claimed */
    public int runOnce() {
        Instant now = clock.instant();
        // The lease outlasts a send that takes the whole timeout, so a row is never sent twice at once.
        List<OutboxEvent> claimed = tx.execute(status -> store.claimDue(now, batchSize, timeout.multipliedBy(2)));
        for (OutboxEvent event : claimed) {
            try {
                relay(event);
            } catch (RuntimeException e) {
                // The row stays pending with its lease, and is taken again once the lease runs out.
                log.error("Dragoman outbox: event {} ({}) could not be relayed, will try again", event.id(), event.type(), e);
            }
        }
        return claimed.size();
    }

    private void relay(OutboxEvent event) {
        Instant now = clock.instant();
        if (!now.isBefore(event.deadline())) {
            giveUp(event, UnsentEvent.Reason.EXPIRED, "deadline " + event.deadline() + " passed after " + event.attempts() + " attempts", now);
            return;
        }
        tx.executeWithoutResult(status -> store.attemptStarted(event.id()));
        int attemptsMade = event.attempts() + 1;
        Duration left = Duration.between(now, event.deadline());
        SendOutcome outcome = gateway.send(event, left.compareTo(timeout) < 0 ? left : timeout);
        Instant answeredAt = clock.instant();
        switch (outcome.kind()) {
            case ACCEPTED -> tx.executeWithoutResult(status -> store.finish(event.id(), OutboxStatus.SENT, null, answeredAt));
            case REJECTED -> {
                log.warn("Dragoman refused event {} ({}) for good: {}", event.id(), event.type(), outcome.detail());
                giveUp(new OutboxEvent(event.id(), event.type(), event.sagaId(), event.deadline(), event.data(), event.createdAt(),
                        attemptsMade), UnsentEvent.Reason.REJECTED, outcome.detail(), answeredAt);
            }
            case RETRY -> {
                Instant next = backoff.nextAttempt(answeredAt, attemptsMade, outcome.retryAfter(), event.deadline());
                log.info("Dragoman did not take event {} ({}) now, next attempt at {}: {}", event.id(), event.type(), next, outcome.detail());
                tx.executeWithoutResult(status -> store.retryAt(event.id(), next, outcome.detail()));
            }
        }
    }

    /**
     * Finishes the row and runs the service's hooks in one transaction: the hooks' own writes
     * (undoing the local step) commit exactly when the row is marked finished, and a hook that
     * throws leaves the row pending, to be taken again.
     */
    private void giveUp(OutboxEvent event, UnsentEvent.Reason reason, String error, Instant now) {
        tx.executeWithoutResult(status -> {
            if (!store.finish(event.id(), reason == UnsentEvent.Reason.EXPIRED ? OutboxStatus.EXPIRED : OutboxStatus.REJECTED, error, now)) {
                return;
            }
            if (reason == UnsentEvent.Reason.EXPIRED) {
                log.warn("Dragoman outbox: event {} ({}, saga {}) expired unsent: {}", event.id(), event.type(), event.sagaId(), error);
            }
            UnsentEvent unsent = new UnsentEvent(event.id(), event.type(), event.sagaId(), event.deadline(), mapper.readTree(event.data()),
                    reason, event.attempts(), error);
            for (UnsentEventHandler handler : unsentHandlers) {
                handler.onUnsent(unsent);
            }
        });
    }
}
