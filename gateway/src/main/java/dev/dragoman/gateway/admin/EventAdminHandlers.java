package dev.dragoman.gateway.admin;

import dev.dragoman.gateway.intake.PublishedEvents;
import dev.dragoman.gateway.outbox.DeliveryRecord;
import dev.dragoman.gateway.outbox.DeliveryStatus;
import dev.dragoman.gateway.outbox.EventStore;
import dev.dragoman.gateway.problem.JsonAnswers;
import dev.dragoman.gateway.problem.Problem;
import dev.dragoman.gateway.saga.ParticipantState;
import dev.dragoman.gateway.saga.SagaCoordinator;
import dev.dragoman.gateway.saga.SagaState;
import dev.dragoman.gateway.saga.SagaView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The admin API's view of events and sagas (docs/ADMIN.md): open sagas, one saga, one event's copies. */
public final class EventAdminHandlers {

    private static final int OPEN_LISTED = 500;

    private final SagaCoordinator sagas;
    private final PublishedEvents published;
    private final EventStore store;
    private final Clock clock;

    EventAdminHandlers(SagaCoordinator sagas, PublishedEvents published, EventStore store, Clock clock) {
        this.sagas = sagas;
        this.published = published;
        this.store = store;
        this.clock = clock;
    }

    /** {@code GET /admin/sagas}: open sagas, nearest deadline first, with the time each has left. */
    public Mono<ServerResponse> openSagas(ServerRequest request) {
        return blocking(() -> {
            Instant now = now();
            List<Map<String, Object>> open = sagas.open(OPEN_LISTED).stream().map(state -> summary(state, now)).toList();
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("now", now.toString());
            view.put("open", open);
            return view;
        }).flatMap(JsonAnswers::ok);
    }

    /** {@code GET /admin/sagas/{sagaid}}: state, deadline, participants, timeline and what was sent. */
    public Mono<ServerResponse> saga(ServerRequest request) {
        String sagaId = request.pathVariable("sagaid");
        return blocking(() -> sagas.view(sagaId))
                .flatMap(view -> view.<Mono<ServerResponse>>map(v -> JsonAnswers.ok(detail(v, now())))
                        .orElseGet(() -> JsonAnswers.problem(request, Problem.of(HttpStatus.NOT_FOUND, "unknown-saga", "No such saga",
                                "no saga instance has sagaid '" + sagaId + "'"))));
    }

    /** {@code GET /admin/events?source=..&id=..}: an accepted event and where each of its copies stands. */
    public Mono<ServerResponse> event(ServerRequest request) {
        Optional<String> source = request.queryParam("source");
        Optional<String> id = request.queryParam("id");
        if (source.isEmpty() || id.isEmpty()) {
            return JsonAnswers.problem(request, Problem.of(HttpStatus.BAD_REQUEST, "invalid-query", "Which event?",
                    "name the event with the query parameters source and id, as its CloudEvent has them"));
        }
        return blocking(() -> published.find(source.get(), id.get()).map(published -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("source", published.source());
            view.put("id", published.eventId());
            view.put("type", published.type());
            view.put("publisher", published.publisher());
            view.put("sagaid", published.sagaId());
            view.put("deadline", published.deadline().toString());
            view.put("acceptedAt", published.acceptedAt().toString());
            view.put("copies", store.deliveriesOfEvent(source.get(), id.get()).stream().map(EventAdminHandlers::delivery).toList());
            return view;
        })).flatMap(view -> view.<Mono<ServerResponse>>map(JsonAnswers::ok)
                .orElseGet(() -> JsonAnswers.problem(request, Problem.of(HttpStatus.NOT_FOUND, "unknown-event", "No such event",
                        "no event with source '" + source.get() + "' and id '" + id.get() + "' was accepted"))));
    }

    private static Map<String, Object> summary(SagaState state, Instant now) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("sagaid", state.sagaId());
        view.put("saga", state.sagaName());
        view.put("status", word(state.status()));
        view.put("deadline", state.deadline().toString());
        if (!state.status().ended()) {
            Duration left = Duration.between(now, state.deadline());
            view.put("remaining", (left.isNegative() ? Duration.ZERO : left).toString());
        }
        view.put("initiator", state.initiator());
        Map<String, String> participants = new LinkedHashMap<>();
        state.participants().forEach(p -> participants.put(p.context(), word(p.status())));
        view.put("participants", participants);
        return view;
    }

    private static Map<String, Object> detail(SagaView saga, Instant now) {
        SagaState state = saga.state();
        Map<String, Object> view = summary(state, now);
        view.put("startedAt", state.startedAt().toString());
        view.put("endedAt", state.endedAt() == null ? null : state.endedAt().toString());
        view.put("participants", state.participants().stream().map(EventAdminHandlers::participant).toList());
        view.put("timeline", saga.timeline().stream().map(entry -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("at", entry.at().toString());
            e.put("what", entry.what());
            if (entry.late()) {
                e.put("late", true);
            }
            return e;
        }).toList());
        view.put("sent", saga.deliveries().stream().map(EventAdminHandlers::delivery).toList());
        return view;
    }

    private static Map<String, Object> participant(ParticipantState participant) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("context", participant.context());
        view.put("status", word(participant.status()));
        view.put("compensated", participant.compensated());
        return view;
    }

    private static Map<String, Object> delivery(DeliveryRecord record) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", record.kind());
        view.put("type", record.type());
        view.put("id", record.eventId());
        view.put("receiver", record.receiver());
        view.put("endpoint", record.endpoint());
        view.put("status", word(record.status()));
        view.put("attempts", record.attempts());
        if (record.status() == DeliveryStatus.PENDING) {
            view.put("nextAttemptAt", record.nextAttemptAt().toString());
        }
        view.put("deadline", record.deadline().toString());
        view.put("lastError", record.lastError());
        view.put("finishedAt", record.finishedAt() == null ? null : record.finishedAt().toString());
        return view;
    }

    /** Microseconds, like every time the store holds. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** An enum constant as the admin API writes it: {@code TIMED_OUT} is {@code timed-out}. */
    private static String word(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <T> Mono<T> blocking(Callable<T> query) {
        return Mono.fromCallable(query).subscribeOn(Schedulers.boundedElastic());
    }
}
