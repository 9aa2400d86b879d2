package dev.dragoman.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Event and saga metrics. Tags are event types and context names from the maps, or fixed words,
 * so the number of series stays bounded.
 */
public final class EventMetrics {

    private final MeterRegistry registry;
    private final AtomicLong outboxDepth = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();

    public EventMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("dragoman.outbox.depth", outboxDepth, AtomicLong::get)
                .description("Copies in the outbox not yet delivered, rejected or expired")
                .register(registry);
        Gauge.builder("dragoman.outbox.oldest.pending.age", oldestPendingSeconds, AtomicLong::get)
                .description("Age of the oldest copy still waiting for delivery")
                .baseUnit("seconds")
                .register(registry);
    }

    public void accepted(String type) {
        count("dragoman.events.accepted", "Events accepted with 202 (duplicates not counted)", "type", type);
    }

    public void duplicate(String type) {
        count("dragoman.events.duplicates", "Events published again with a source and id already accepted", "type", type);
    }

    public void refused(String reason) {
        count("dragoman.events.refused", "Events refused at POST /events or skipped on an inbound Kafka topic, by reason", "reason", reason);
    }

    /** A record of an inbound Kafka topic could not be stored (the store is away) and will be read again. */
    public void inboundRetried(String topic) {
        count("dragoman.events.inbound.retried", "Records of inbound Kafka topics read again because the event store was unavailable",
                "topic", topic);
    }

    /** A record of an inbound Kafka topic failed every attempt for a reason not its own, and was sent to {@code <topic>.dlt}. */
    public void inboundDeadLettered(String topic) {
        count("dragoman.events.inbound.dead.lettered", "Records of inbound Kafka topics sent to <topic>.dlt after their last attempt",
                "topic", topic);
    }

    /** Group commit stored a batch of events in one transaction, which took {@code nanos} from its start to its commit. */
    public void intakeBatch(int events, long nanos) {
        DistributionSummary.builder("dragoman.events.intake.batch")
                .description("Events stored per transaction by group commit (dragoman.events.intake.batch-size)")
                .baseUnit("events")
                .publishPercentiles(0.5, 0.99)
                .register(registry)
                .record(events);
        Timer.builder("dragoman.events.intake.commit")
                .description("Time of one group commit's transaction, from its first statement to its commit")
                .publishPercentiles(0.5, 0.99)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A batch was refused (a plan's duplicate or saga conflict) and its events were stored one by one. */
    public void intakeBatchAlone(int events) {
        Counter.builder("dragoman.events.intake.batch.split")
                .description("Events of group commits that a refused plan sent back to be stored one by one")
                .baseUnit("events")
                .register(registry)
                .increment(events);
    }

    /** A copy's attempt ended: {@code delivered}, {@code retried}, {@code rejected} or {@code expired}. */
    public void delivery(String outcome, String type, String receiver) {
        Counter.builder("dragoman.events." + outcome)
                .description("Copies " + outcome + ", per event type and receiving context")
                .tags("type", type, "receiver", receiver)
                .register(registry)
                .increment();
    }

    /** A saga ended: {@code completed}, {@code aborted} or {@code timed-out}. */
    public void sagaEnded(String saga, String outcome) {
        Counter.builder("dragoman.sagas.ended")
                .description("Sagas ended, per saga and outcome (completed, aborted, timed-out)")
                .tags("saga", saga, "outcome", outcome)
                .register(registry)
                .increment();
    }

    /** The retention removed rows from the event store: {@code saga}, {@code copy} or {@code event}. */
    public void removed(String kind, long count) {
        if (count > 0) {
            Counter.builder("dragoman.store.removed")
                    .description("Rows the retention removed from the event store: ended sagas, finished copies, old events")
                    .tags("kind", kind)
                    .register(registry)
                    .increment(count);
        }
    }

    /** An operator aborted a saga through the admin API; it is also counted in {@code dragoman.sagas.ended} as aborted. */
    public void sagaAbortedByOperator(String saga) {
        count("dragoman.sagas.operator.aborts", "Sagas aborted by an operator (POST /admin/sagas/{sagaid}/abort), per saga", "saga", saga);
    }

    public void outbox(long depth, long oldestPendingAgeSeconds) {
        outboxDepth.set(depth);
        oldestPendingSeconds.set(oldestPendingAgeSeconds);
    }

    private void count(String name, String description, String tag, String value) {
        Counter.builder(name).description(description).tags(tag, value).register(registry).increment();
    }
}
