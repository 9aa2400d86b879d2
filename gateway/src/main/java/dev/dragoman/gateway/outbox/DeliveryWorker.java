package dev.dragoman.gateway.outbox;

import dev.dragoman.gateway.metrics.EventMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox (SPEC section 5): claims due copies, hands each to the {@link Transport}
 * of its endpoint's scheme (HTTP, Kafka), and records the answer. Delivered and rejected copies
 * are finished; the others are retried with {@link Backoff} until the deadline; a copy whose
 * deadline passes is expired, never sent after it. The transports are beans of their own, which
 * the application context closes. Whoever must know how a copy finished (the sagas, for their
 * deadline protocol) is a {@link DeliveryListener}, told in the transaction that records it.
 */
public final class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Duration DEPTH_EVERY = Duration.ofSeconds(1);
    /** The lock order of a batch of marks, as of intake's group commit: a listener locks the copies' sagas' rows. */
    private static final Comparator<Mark> SAGA_ORDER = Comparator.comparing(mark -> mark.copy().sagaId(),
            Comparator.nullsFirst(Comparator.naturalOrder()));

    private final EventStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final EventMetrics metrics;
    private final Backoff backoff;
    private final Duration timeout;
    private final Duration lease;
    private final int batchSize;
    private final Map<String, Transport> transports = new HashMap<>();
    private final DeliveryListener listener;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Answers of finished sends waiting to be recorded, and whether a thread is recording them. */
    private final ConcurrentLinkedQueue<Mark> marks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean marking = new AtomicBoolean();
    private volatile Instant depthMeasuredAt = Instant.MIN;
    /** Whether the last poll found more due copies than it had room for. */
    private volatile boolean backlog;
    private volatile Runnable pollSoon = () -> { };

    public DeliveryWorker(EventStore store, TransactionTemplate transactions, Clock clock, EventMetrics metrics, Backoff backoff,
            Duration timeout, Duration lease, int batchSize, List<Transport> transports, DeliveryListener listener) {
        if (lease.compareTo(timeout) <= 0) {
            throw new IllegalArgumentException("dragoman.events.delivery.lease (" + lease + ") must be longer than the delivery timeout ("
                    + timeout + "), or a slow delivery would be taken again while it is still being sent");
        }
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
        this.metrics = metrics;
        this.backoff = backoff;
        this.timeout = timeout;
        this.lease = lease;
        this.batchSize = batchSize;
        this.listener = Objects.requireNonNull(listener, "listener");
        for (Transport transport : transports) {
            transport.schemes().forEach(scheme -> {
                Transport before = this.transports.putIfAbsent(scheme, transport);
                if (before != null) {
                    throw new IllegalArgumentException("two transports for scheme " + scheme + ": " + before + " and " + transport);
                }
            });
        }
    }

    /**
     * What asks for a poll before the next tick (the outbox polling loop's wake): called when sends
     * finish while due copies are waiting, so a backlog drains as fast as the receivers answer,
     * not one batch per poll interval (which capped delivery at batch-size / poll-interval,
     * 160 copies a second by default: docs/BENCHMARKS.md, "Events under load").
     */
    public void whenRoomFrees(Runnable pollSoon) {
        this.pollSoon = Objects.requireNonNull(pollSoon, "pollSoon");
    }

    /** Claims the due copies and sends them; run by a {@link PollingLoop} every poll interval and when new copies wait. */
    public void poll() {
        Instant now = now();
        int room = batchSize - inFlight.get();
        backlog = room <= 0;
        if (room > 0) {
            EventStore.Claim claim = transactions.execute(tx -> {
                EventStore.Claim claimed = store.claimDue(now, room, lease);
                // In the claim's transaction: an expiry and what a listener makes of it commit together.
                claimed.expired().forEach(copy -> listener.refused(finished(copy, DeliveryStatus.EXPIRED, EventStore.expiredBecause(copy), now)));
                return claimed;
            });
            backlog = claim.toSend().size() + claim.expired().size() >= room;
            claim.expired().forEach(copy -> {
                metrics.delivery("expired", copy.type(), copy.receiver());
                log.warn("Expired {} for {} at {}: deadline {} passed after {} attempts", copy.type(), copy.receiver(), copy.endpoint(),
                        copy.deadline(), copy.attempt() - 1);
            });
            claim.toSend().forEach(copy -> attempt(copy, now));
        }
        measureDepth(now);
    }

    private void attempt(EventStore.Claimed copy, Instant now) {
        Transport transport = transports.get(scheme(copy.endpoint()));
        if (transport == null) {
            finish(copy, DeliveryStatus.REJECTED, "receiver " + copy.receiver() + " has no HTTP inbox ('" + copy.endpoint() + "')"
                    + (copy.endpoint().startsWith("kafka:") ? ", and Kafka is off (dragoman.events.kafka.bootstrap-servers)" : ""), now);
            return;
        }
        Duration left = Duration.between(now, copy.deadline());
        inFlight.incrementAndGet();
        transport.send(copy, left.compareTo(timeout) < 0 ? left.plusMillis(1) : timeout).whenComplete((answer, error) -> {
            try {
                answered(copy, error == null ? answer : Transport.Answer.retry(error.toString(), null));
            } catch (RuntimeException e) {
                log.error("Could not record the answer to {} for {}; it will be sent again after its lease", copy.type(), copy.receiver(), e);
            } finally {
                // half the batch free again while copies wait: claim more now, not at the next tick
                if (inFlight.decrementAndGet() <= batchSize / 2 && backlog) {
                    pollSoon.run();
                }
            }
        });
    }

    private void answered(EventStore.Claimed copy, Transport.Answer answer) {
        Instant now = now();
        switch (answer.status()) {
            case DELIVERED, REJECTED -> mark(new Mark(copy, answer.status(), answer.error(), now));
            default -> retry(copy, answer.error(), answer.retryAfter(), now);
        }
    }

    /**
     * Records a finished copy, in a batch with those finished meanwhile: the answers of a batch's
     * sends come back together, and one transaction with one JDBC batch of updates records them
     * all. No thread of its own: the sender whose answer finds no one recording records what
     * waits, until nothing does; the others only queue theirs.
     */
    private void mark(Mark mark) {
        marks.add(mark);
        while (!marks.isEmpty() && marking.compareAndSet(false, true)) {
            try {
                List<Mark> batch = new ArrayList<>();
                for (Mark next; batch.size() < batchSize && (next = marks.poll()) != null; ) {
                    batch.add(next);
                }
                if (!batch.isEmpty()) {
                    markAll(batch);
                }
            } finally {
                marking.set(false);
            }
        }
    }

    /**
     * One transaction for the batch, in which the listener hears of each copy this instance
     * finished (its contract, unchanged). Should it fail (a listener's saga conflict, a deadlock),
     * each copy is recorded alone, as before batching, so one copy's trouble stays its own.
     */
    private void markAll(List<Mark> batch) {
        if (batch.size() == 1) {
            recordAlone(batch.get(0));
            return;
        }
        batch.sort(SAGA_ORDER);
        try {
            transactions.executeWithoutResult(tx -> {
                boolean[] finished = store.finishAll(batch.stream()
                        .map(mark -> new EventStore.Finish(mark.copy().id(), mark.status(), mark.error(), mark.at())).toList());
                for (int i = 0; i < batch.size(); i++) {
                    // Told only by the instance that finished it, so that a listener hears of each copy once.
                    if (finished[i]) {
                        tell(batch.get(i));
                    }
                }
            });
        } catch (RuntimeException e) {
            log.debug("Recording {} finished copies together failed ({}); recording them one by one", batch.size(), e.toString());
            batch.forEach(this::recordAlone);
            return;
        }
        batch.forEach(mark -> finished(mark.copy(), mark.status(), mark.error()));
    }

    private void recordAlone(Mark mark) {
        try {
            finish(mark.copy(), mark.status(), mark.error(), mark.at());
        } catch (RuntimeException e) {
            log.error("Could not record the answer to {} for {}; it will be sent again after its lease", mark.copy().type(),
                    mark.copy().receiver(), e);
        }
    }

    private void tell(Mark mark) {
        DeliveryListener.FinishedCopy finished = finished(mark.copy(), mark.status(), mark.error(), mark.at());
        if (mark.status() == DeliveryStatus.DELIVERED) {
            listener.delivered(finished);
        } else {
            listener.refused(finished);
        }
    }

    /** A send's answer that finishes its copy, waiting to be recorded. */
    private record Mark(EventStore.Claimed copy, DeliveryStatus status, String error, Instant at) {
    }

    private void retry(EventStore.Claimed copy, String error, Duration retryAfter, Instant now) {
        Duration wait = backoff.after(copy.attempt(), ThreadLocalRandom.current().nextDouble());
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        Instant next = now.plus(wait);
        // Never after the deadline: at the deadline the copy is taken once more, and expires.
        Instant at = next.isBefore(copy.deadline()) ? next : copy.deadline();
        transactions.executeWithoutResult(tx -> store.retryAt(copy.id(), at, error));
        metrics.delivery("retried", copy.type(), copy.receiver());
        log.info("Delivery of {} to {} failed (attempt {}: {}); next attempt at {}", copy.type(), copy.receiver(), copy.attempt(), error, at);
    }

    private void finish(EventStore.Claimed copy, DeliveryStatus status, String error, Instant now) {
        transactions.executeWithoutResult(tx -> {
            // Told only by the instance that finished it, so that a listener hears of each copy once.
            if (store.finish(copy.id(), status, error, now)) {
                tell(new Mark(copy, status, error, now));
            }
        });
        finished(copy, status, error);
    }

    /** Counts and logs a copy recorded finished. */
    private void finished(EventStore.Claimed copy, DeliveryStatus status, String error) {
        metrics.delivery(status.name().toLowerCase(Locale.ROOT), copy.type(), copy.receiver());
        if (status == DeliveryStatus.DELIVERED) {
            log.debug("Delivered {} to {} (attempt {})", copy.type(), copy.receiver(), copy.attempt());
        } else {
            log.warn("Rejected {} for {} at {}: {}", copy.type(), copy.receiver(), copy.endpoint(), error);
        }
    }

    private static DeliveryListener.FinishedCopy finished(EventStore.Claimed copy, DeliveryStatus status, String error, Instant now) {
        return new DeliveryListener.FinishedCopy(copy.kind(), copy.sagaId(), copy.type(), copy.receiver(), status, error, now);
    }

    private void measureDepth(Instant now) {
        if (Duration.between(depthMeasuredAt, now).compareTo(DEPTH_EVERY) < 0 && depthMeasuredAt != Instant.MIN) {
            return;
        }
        depthMeasuredAt = now;
        EventStore.Depth depth = store.depth();
        long age = depth.oldestCreatedAt() == null ? 0 : Math.max(0, Duration.between(depth.oldestCreatedAt(), now).toSeconds());
        metrics.outbox(depth.pending(), age);
    }

    /** Microseconds, like every time the store holds. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The scheme of an endpoint ({@code http}, {@code kafka}), lower case, or "" when it has none. */
    private static String scheme(String endpoint) {
        int colon = endpoint.indexOf(':');
        return colon <= 0 ? "" : endpoint.substring(0, colon).toLowerCase(Locale.ROOT);
    }
}
