package dev.dragoman.gateway.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.dragoman.gateway.intake.PublishedEvents;
import dev.dragoman.gateway.outbox.DeliveryRecord;
import dev.dragoman.gateway.outbox.DeliveryStatus;
import dev.dragoman.gateway.saga.ParticipantState;
import dev.dragoman.gateway.saga.SagaState;
import dev.dragoman.gateway.saga.SagaView;
import dev.dragoman.gateway.saga.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON of the event and saga views (docs/ADMIN.md shows them). The property order is spelled
 * out because it is what readers of the docs and of {@code curl} see; a property shown only
 * sometimes ({@code remaining}, {@code nextAttemptAt}, {@code late}) is left out when null,
 * every other null is written.
 */
final class EventViews {

    private EventViews() {
    }

    /** {@code GET /admin/events}: an accepted event and where each of its copies stands. */
    @JsonPropertyOrder({"source", "id", "type", "publisher", "sagaid", "deadline", "acceptedAt", "copies"})
    record Event(String source, String id, String type, String publisher, String sagaid, String deadline, String acceptedAt,
            List<Delivery> copies) {

        static Event of(PublishedEvents.Published published, List<DeliveryRecord> copies) {
            return new Event(published.source(), published.eventId(), published.type(), published.publisher(), published.sagaId(),
                    published.deadline().toString(), published.acceptedAt().toString(), copies.stream().map(Delivery::of).toList());
        }
    }

    /** A copy, outcome or compensation in the outbox. */
    @JsonPropertyOrder({"kind", "type", "id", "receiver", "endpoint", "status", "attempts", "nextAttemptAt", "deadline", "lastError",
            "finishedAt"})
    record Delivery(String kind, String type, String id, String receiver, String endpoint, String status, int attempts,
            @JsonInclude(JsonInclude.Include.NON_NULL) String nextAttemptAt, String deadline, String lastError, String finishedAt) {

        static Delivery of(DeliveryRecord record) {
            return new Delivery(record.kind(), record.type(), record.eventId(), record.receiver(), record.endpoint(), word(record.status()),
                    record.attempts(), record.status() == DeliveryStatus.PENDING ? record.nextAttemptAt().toString() : null,
                    record.deadline().toString(), record.lastError(), text(record.finishedAt()));
        }
    }

    /** {@code GET /admin/sagas}: the open sagas, nearest deadline first. */
    @JsonPropertyOrder({"now", "open"})
    record OpenSagas(String now, List<SagaSummary> open) {
    }

    /** One saga in the list of open ones: each participant's status by context. */
    @JsonPropertyOrder({"sagaid", "saga", "status", "deadline", "remaining", "initiator", "participants"})
    record SagaSummary(String sagaid, String saga, String status, String deadline, @JsonInclude(JsonInclude.Include.NON_NULL) String remaining,
            String initiator, Map<String, String> participants) {

        static SagaSummary of(SagaState state, Instant now) {
            Map<String, String> participants = new LinkedHashMap<>();
            state.participants().forEach(p -> participants.put(p.context(), word(p.status())));
            return new SagaSummary(state.sagaId(), state.sagaName(), word(state.status()), state.deadline().toString(), timeLeft(state, now),
                    state.initiator(), participants);
        }
    }

    /**
     * {@code GET /admin/sagas/{sagaid}}: state, participants, timeline and what was sent.
     *
     * @param acknowledged the receivers that acknowledged the completed outcome, in arrival order (the deadline protocol)
     */
    @JsonPropertyOrder({"sagaid", "saga", "status", "deadline", "remaining", "initiator", "participants", "acknowledged", "startedAt",
            "endedAt", "timeline", "sent"})
    record Saga(String sagaid, String saga, String status, String deadline, @JsonInclude(JsonInclude.Include.NON_NULL) String remaining,
            String initiator, List<Participant> participants, List<String> acknowledged, String startedAt, String endedAt,
            List<Timeline> timeline, List<Delivery> sent) {

        static Saga of(SagaView view, Instant now) {
            SagaState state = view.state();
            return new Saga(state.sagaId(), state.sagaName(), word(state.status()), state.deadline().toString(), timeLeft(state, now),
                    state.initiator(), state.participants().stream().map(Participant::of).toList(), state.acknowledged(),
                    state.startedAt().toString(),
                    text(state.endedAt()), view.timeline().stream().map(Timeline::of).toList(),
                    view.deliveries().stream().map(Delivery::of).toList());
        }
    }

    @JsonPropertyOrder({"context", "status", "compensated"})
    record Participant(String context, String status, boolean compensated) {

        static Participant of(ParticipantState participant) {
            return new Participant(participant.context(), word(participant.status()), participant.compensated());
        }
    }

    /** @param late true for a late entry, absent otherwise */
    @JsonPropertyOrder({"at", "what", "late"})
    record Timeline(String at, String what, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean late) {

        static Timeline of(TimelineEntry entry) {
            return new Timeline(entry.at().toString(), entry.what(), entry.late() ? Boolean.TRUE : null);
        }
    }

    /** The time an open or confirming saga has left (never negative); none for an ended one. */
    private static String timeLeft(SagaState state, Instant now) {
        if (state.status().ended()) {
            return null;
        }
        Duration left = Duration.between(now, state.deadline());
        return (left.isNegative() ? Duration.ZERO : left).toString();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** An enum constant as the admin API writes it: {@code TIMED_OUT} is {@code timed-out}. */
    static String word(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
