package dev.dragoman.gateway.admin;

import dev.dragoman.gateway.intake.PublishedEvents;
import dev.dragoman.gateway.outbox.EventStore;
import dev.dragoman.gateway.problem.JsonAnswers;
import dev.dragoman.gateway.problem.Problem;
import dev.dragoman.gateway.problem.ProblemType;
import dev.dragoman.gateway.saga.SagaCoordinator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The admin API's view of events and sagas (docs/ADMIN.md): one saga, one event's copies. */
final class EventAdminHandlers {

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

    /** {@code GET /admin/sagas/{sagaid}}: state, deadline, participants, timeline and what was sent. */
    Mono<ServerResponse> saga(ServerRequest request) {
        String sagaId = request.pathVariable("sagaid");
        return blocking(() -> sagas.view(sagaId))
                .flatMap(view -> view.<Mono<ServerResponse>>map(v -> JsonAnswers.ok(EventViews.Saga.of(v, now())))
                        .orElseGet(() -> JsonAnswers.problem(request, Problem.of(HttpStatus.NOT_FOUND, ProblemType.UNKNOWN_SAGA, "No such saga",
                                "no saga instance has sagaid '" + sagaId + "'"))));
    }

    /** {@code GET /admin/events?source=..&id=..}: an accepted event and where each of its copies stands. */
    Mono<ServerResponse> event(ServerRequest request) {
        Optional<String> source = request.queryParam("source");
        Optional<String> id = request.queryParam("id");
        if (source.isEmpty() || id.isEmpty()) {
            return JsonAnswers.problem(request, Problem.of(HttpStatus.BAD_REQUEST, ProblemType.INVALID_QUERY, "Which event?",
                    "name the event with the query parameters source and id, as its CloudEvent has them"));
        }
        return blocking(() -> published.find(source.get(), id.get())
                .map(event -> EventViews.Event.of(event, store.deliveriesOfEvent(source.get(), id.get()))))
                .flatMap(view -> view.<Mono<ServerResponse>>map(JsonAnswers::ok)
                        .orElseGet(() -> JsonAnswers.problem(request, Problem.of(HttpStatus.NOT_FOUND, ProblemType.UNKNOWN_EVENT, "No such event",
                                "no event with source '" + source.get() + "' and id '" + id.get() + "' was accepted"))));
    }

    /** Microseconds, like every time the store holds. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static <T> Mono<T> blocking(Callable<T> query) {
        return Mono.fromCallable(query).subscribeOn(Schedulers.boundedElastic());
    }
}
