package dev.dragoman.gateway.intake;

import dev.dragoman.gateway.cloudevents.OutgoingEvents;
import dev.dragoman.gateway.cloudevents.TraceContext;
import dev.dragoman.gateway.model.ServedModel;
import dev.dragoman.gateway.outbox.OutboxEntry;
import dev.dragoman.gateway.saga.SagaOpening;
import dev.dragoman.rules.model.Saga;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What accepting one event stores, decided before anything is stored: its row in the ledger, each
 * subscriber's copy with the endpoint it goes to, and the saga it opens or reports to. A pure
 * function of the served model, the event, the time and what was looked up for it (the saga's
 * deadline, the translated copies), in the manner of {@code SagaMachine}: no clock, no store, so
 * that every rule here is tested with fixed instants; {@link IntakeStore#write} only persists it.
 *
 * @param publisher the context the event is published by
 * @param sagaId the saga instance the event starts or reports to, or null
 * @param copies the subscribers' copies, in the order the maps list them
 * @param opening the saga instance the event opens, or null
 * @param report the report the event makes to a saga instance, or null
 */
record EventPlan(String source, String id, String type, String publisher, String sagaId, Instant deadline, Instant now,
        List<OutboxEntry> copies, SagaOpening opening, Report report) {

    EventPlan {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(now, "now");
        copies = List.copyOf(copies);
    }

    /** A participant's report, as {@code SagaCoordinator.report} takes it. */
    record Report(Saga saga, String context, String type, byte[] data) {
    }

    /**
     * @param sagaId from {@link #sagaId}
     * @param deadline from {@link #deadline}
     * @param copies each subscriber's data, translated into its model (null for an event without data)
     */
    static EventPlan of(ServedModel served, Publishing publishing, CloudEvent event, String sagaId, Instant deadline, Instant now,
            Map<String, byte[]> copies) {
        String source = event.getSource().toString();
        byte[] data = event.getData() == null ? null : event.getData().toBytes();
        List<OutboxEntry> entries = new ArrayList<>();
        copies.forEach((receiver, copyData) -> entries.add(new OutboxEntry(OutboxEntry.COPY, source, event.getId(), event.getType(), sagaId,
                receiver, served.endpointOf(publishing.route(), receiver), OutgoingEvents.copy(event, copyData, sagaId, deadline), deadline)));
        SagaOpening opening = null;
        if (publishing.starts() != null) {
            Map<String, byte[]> outcomeData = outcomeData(publishing, data, copies);
            Map<String, String> endpoints = new LinkedHashMap<>();
            // The outcome and compensations go where the start event's copy went: the same rule, the same delivery.
            outcomeData.keySet().forEach(receiver -> endpoints.put(receiver, served.endpointOf(publishing.route(), receiver)));
            opening = new SagaOpening(publishing.starts(), sagaId, publishing.publisher(), deadline, event.getDataContentType(), outcomeData,
                    endpoints, TraceContext.of(event).orElse(null));
        }
        Report report = publishing.reportsTo() == null ? null : new Report(publishing.reportsTo(), publishing.publisher(), event.getType(), data);
        return new EventPlan(source, event.getId(), event.getType(), publishing.publisher(), sagaId, deadline, now, entries, opening, report);
    }

    /** The answer once the plan is stored. */
    Accepted accepted() {
        return new Accepted(source, id, type, sagaId, deadline, false, copies.stream().map(OutboxEntry::receiver).toList());
    }

    /**
     * The event's own {@code sagaid}; else, for a saga's start, the event's id; a report without
     * one is refused; any other event has none.
     */
    static String sagaId(CloudEvent event, Publishing publishing) {
        Object sagaId = event.getExtension(OutgoingEvents.SAGA_ID);
        if (sagaId != null && !sagaId.toString().isBlank()) {
            return sagaId.toString();
        }
        if (publishing.starts() != null) {
            return event.getId();
        }
        if (publishing.reportsTo() != null) {
            throw new IntakeRefusedException(EventProblems.invalid(publishing.type() + " reports to saga " + publishing.reportsTo().name()
                    + " and needs the sagaid extension: the sagaid of the copy that started the participant's work"));
        }
        return null;
    }

    /** Whether {@link #deadline} comes to the saga instance's, so that the caller looks it up. */
    static boolean needsSagaDeadline(CloudEvent event, Publishing publishing, String sagaId, Instant now) {
        return publishing.reportsTo() != null && sagaId != null && declaredDeadline(event, publishing, now).isEmpty();
    }

    /**
     * The event's own deadline wins; then, for a saga's start, the saga's; then the events entry's;
     * then, for a report, its saga instance's; then the gateway's default (SPEC sections 5 and 6).
     *
     * @param sagaDeadline the deadline of the saga instance a report reports to, when {@link #needsSagaDeadline}
     */
    static Instant deadline(CloudEvent event, Publishing publishing, String sagaId, Instant now, Duration defaultDeadline,
            Optional<Instant> sagaDeadline) {
        Optional<Instant> declared = declaredDeadline(event, publishing, now);
        if (declared.isPresent()) {
            return declared.get();
        }
        if (publishing.reportsTo() != null && sagaId != null) {
            return sagaDeadline.orElseGet(() -> now.plus(defaultDeadline));
        }
        return now.plus(defaultDeadline);
    }

    /** The first three rules of {@link #deadline}: the event's own, the started saga's, the events entry's. */
    private static Optional<Instant> declaredDeadline(CloudEvent event, Publishing publishing, Instant now) {
        Object own = event.getExtension(OutgoingEvents.DEADLINE);
        if (own != null) {
            return Optional.of(parseDeadline(own));
        }
        if (publishing.starts() != null && publishing.starts().deadline() != null) {
            return Optional.of(now.plus(publishing.starts().deadline()));
        }
        if (publishing.route() != null && publishing.route().deadline() != null) {
            return Optional.of(now.plus(publishing.route().deadline()));
        }
        return Optional.empty();
    }

    private static Instant parseDeadline(Object value) {
        if (value instanceof OffsetDateTime time) {
            return EventLimits.deadline("deadline", time.toInstant().truncatedTo(ChronoUnit.MICROS));
        }
        try {
            return EventLimits.deadline("deadline", OffsetDateTime.parse(value.toString()).toInstant().truncatedTo(ChronoUnit.MICROS));
        } catch (DateTimeParseException e) {
            throw new IntakeRefusedException(EventProblems.invalid("deadline '" + value + "' is not an RFC 3339 timestamp"
                    + " with an offset, such as 2026-11-30T12:00:00Z"));
        }
    }

    /** The start event's data as each receiver of the saga's outcome will see it (SPEC section 6). */
    private static Map<String, byte[]> outcomeData(Publishing publishing, byte[] data, Map<String, byte[]> copies) {
        Map<String, byte[]> outcome = new LinkedHashMap<>();
        outcome.put(publishing.publisher(), data);
        // A participant the start event is not delivered to sees no data rather than the
        // initiator's: the maps refuse such a saga at load (SagaChecks), this is only the last guard.
        publishing.starts().participants().forEach(p -> outcome.putIfAbsent(p.context(), copies.get(p.context())));
        return outcome;
    }
}
