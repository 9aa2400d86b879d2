package dev.dragoman.gateway.admin.console;

import dev.dragoman.gateway.outbox.CopyStatus;
import dev.dragoman.gateway.outbox.DeliveryRecord;
import dev.dragoman.gateway.saga.ParticipantState;
import dev.dragoman.gateway.saga.SagaState;
import dev.dragoman.gateway.saga.SagaView;
import dev.dragoman.gateway.saga.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** What the sagas tab's templates show, in the admin API's words ({@code timed-out}, {@code retrying}). */
public final class SagaViews {

    private SagaViews() {
    }

    /**
     * One page of the list.
     *
     * @param stamp the change token the page was read at; the page polls with it
     * @param next the next page's query, or null on the last page
     * @param previous the previous page's query, or null on the first
     */
    public record SagaList(List<Row> sagas, String now, String stamp, String query, String next, String previous, String first, int page,
            String error) {
    }

    /** A saga in the list; {@code deadline} counts down while it is open or confirming. */
    public record Row(String sagaId, String saga, String status, boolean open, String startedAt, String deadline, String endedAt) {

        static Row of(SagaState state) {
            return new Row(state.sagaId(), state.sagaName(), word(state.status()), !state.status().ended(), state.startedAt().toString(),
                    state.deadline().toString(), text(state.endedAt()));
        }
    }

    /** A saga's page: participants, timeline and sent copies; {@code message} says what an abort did. */
    public record Page(String sagaId, String saga, String initiator, String status, boolean open, String startedAt, String deadline,
            String endedAt, String now, List<Participant> participants, List<Line> timeline, List<Sent> sent, String stamp,
            String message) {

        static Page of(SagaView view, Instant now, String stamp, String message) {
            SagaState state = view.state();
            return new Page(state.sagaId(), state.sagaName(), state.initiator(), word(state.status()), !state.status().ended(),
                    state.startedAt().toString(), state.deadline().toString(), text(state.endedAt()), now.toString(),
                    state.participants().stream().map(Participant::of).toList(), view.timeline().stream().map(Line::of).toList(),
                    view.deliveries().stream().map(Sent::of).toList(), stamp, message);
        }
    }

    public record Participant(String context, String status, boolean compensated) {

        static Participant of(ParticipantState participant) {
            return new Participant(participant.context(), word(participant.status()), participant.compensated());
        }
    }

    public record Line(String at, String what, boolean late) {

        static Line of(TimelineEntry entry) {
            return new Line(entry.at().toString(), entry.what(), entry.late());
        }
    }

    /** A copy the saga sent (a start event's copies, its outcome, its compensations). */
    public record Sent(long id, String kind, String type, String receiver, String status, int attempts, String deadline, String nextAttemptAt,
            String lastError, String finishedAt) {

        static Sent of(DeliveryRecord record) {
            CopyStatus status = CopyStatus.of(record.status(), record.lastError());
            return new Sent(record.id(), record.kind(), record.type(), record.receiver(), status.word(), record.attempts(),
                    record.deadline().toString(), record.finishedAt() == null ? text(record.nextAttemptAt()) : null, record.lastError(),
                    text(record.finishedAt()));
        }
    }

    static String word(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
