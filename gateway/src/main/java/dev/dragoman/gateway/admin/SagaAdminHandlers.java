package dev.dragoman.gateway.admin;

import dev.dragoman.gateway.problem.JsonAnswers;
import dev.dragoman.gateway.problem.Problem;
import dev.dragoman.gateway.problem.ProblemType;
import dev.dragoman.gateway.problem.RequestTrace;
import dev.dragoman.gateway.reload.ReloadStatus;
import dev.dragoman.gateway.reload.Reloader;
import dev.dragoman.gateway.saga.SagaAborts;
import dev.dragoman.gateway.saga.SagaEndedException;
import dev.dragoman.gateway.saga.SagaPage;
import dev.dragoman.gateway.saga.SagaSearch;
import dev.dragoman.gateway.saga.SagaSearches;
import dev.dragoman.gateway.saga.SagaStatus;
import dev.dragoman.gateway.saga.SagaView;
import dev.dragoman.gateway.saga.UnknownSagaException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/** {@code GET /admin/sagas} (the open list and the search), {@code POST /admin/sagas/{sagaid}/abort} and {@code GET /admin/changes}. */
final class SagaAdminHandlers {

    private final SagaSearches searches;
    private final SagaAborts aborts;
    private final Reloader reloader;
    private final MeterRegistry registry;
    private final Clock clock;

    SagaAdminHandlers(SagaSearches searches, SagaAborts aborts, Reloader reloader, MeterRegistry registry, Clock clock) {
        this.searches = searches;
        this.aborts = aborts;
        this.reloader = reloader;
        this.registry = registry;
        this.clock = clock;
    }

    /** {@code GET /admin/sagas}: without a filter the open list, nearest deadline first; with one, a search; a page at a time. */
    Mono<ServerResponse> sagas(ServerRequest request) {
        SagaSearch search;
        try {
            search = SagaSearchParameters.read(request.queryParams());
        } catch (SagaSearchParameters.Refused refused) {
            ProblemDetail problem = Problem.of(HttpStatus.BAD_REQUEST, ProblemType.INVALID_QUERY, "Bad parameter", refused.getMessage());
            problem.setProperty("parameter", refused.parameter);
            return JsonAnswers.problem(request, problem);
        }
        boolean openList = SagaSearchParameters.openList(request.queryParams());
        return blocking(() -> {
            Instant now = now();
            SagaPage page = searches.search(search);
            String next = page.next() == null ? null : next(request, page.next().encode());
            if (openList) {
                return new SagaAdminViews.OpenList(now.toString(), page.sagas().stream().map(s -> EventViews.SagaSummary.of(s, now)).toList(),
                        next);
            }
            return new SagaAdminViews.Found(now.toString(), page.sagas().stream().map(s -> SagaAdminViews.Listed.of(s, now)).toList(), next);
        }).flatMap(JsonAnswers::ok);
    }

    /**
     * {@code POST /admin/sagas/{sagaid}/abort}, with an optional JSON body
     * {@code {"operator": "...", "reason": "..."}}: ends an open or confirming saga as aborted.
     */
    Mono<ServerResponse> abort(ServerRequest request) {
        String sagaId = request.pathVariable("sagaid");
        return request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).flatMap(body -> {
            AbortRequest asked;
            try {
                asked = AbortRequest.read(body);
            } catch (IllegalArgumentException e) {
                return JsonAnswers.problem(request, Problem.of(HttpStatus.BAD_REQUEST, ProblemType.INVALID_ABORT, "Bad abort request",
                        e.getMessage()));
            }
            String operator = (asked.operator() == null ? "unnamed" : asked.operator()) + " from "
                    + request.remoteAddress().map(address -> address.getAddress() == null ? address.getHostString()
                            : address.getAddress().getHostAddress()).orElse("an unknown address")
                    + ", request " + RequestTrace.of(request.exchange()).id();
            return blocking(() -> aborts.abort(sagaId, operator, asked.reason()))
                    .flatMap(view -> answer(request, view))
                    .onErrorResume(UnknownSagaException.class, e -> JsonAnswers.problem(request, Problem.of(HttpStatus.NOT_FOUND,
                            ProblemType.UNKNOWN_SAGA, "No such saga", "no saga instance has sagaid '" + sagaId + "'")))
                    .onErrorResume(SagaEndedException.class, e -> JsonAnswers.problem(request, ended(e.getMessage(), e.state().status())));
        });
    }

    private Mono<ServerResponse> answer(ServerRequest request, SagaView view) {
        if (view.state().status() == SagaStatus.ABORTED) {
            return JsonAnswers.ok(EventViews.Saga.of(view, now()));
        }
        // The deadline came first: the machine timed the saga out before it read the abort.
        return JsonAnswers.problem(request, ended("saga " + view.state().sagaId() + " reached its deadline " + view.state().deadline()
                + " before the abort and timed out: its aborted outcome and compensations were sent as the deadline sends them",
                view.state().status()));
    }

    private static ProblemDetail ended(String detail, SagaStatus status) {
        ProblemDetail problem = Problem.of(HttpStatus.CONFLICT, ProblemType.SAGA_ENDED, "The saga has already ended", detail);
        problem.setProperty("sagaStatus", EventViews.word(status));
        return problem;
    }

    /** {@code GET /admin/changes}: a few numbers that change when something a page shows does; no list is read. */
    Mono<ServerResponse> changes(ServerRequest request) {
        return blocking(() -> {
            ReloadStatus reload = reloader.status();
            return new SagaAdminViews.Changes(now().toString(), searches.changeToken(),
                    new SagaAdminViews.Reload(reload.modelVersion(), reload.outcome().name(), reload.at().toString()),
                    new SagaAdminViews.Outbox(gauge("dragoman.outbox.depth"), gauge("dragoman.outbox.oldest.pending.age")));
        }).flatMap(JsonAnswers::ok);
    }

    private long gauge(String name) {
        Gauge gauge = registry.find(name).gauge();
        return gauge == null ? 0 : (long) gauge.value();
    }

    /** The same path and query with the next page's cursor: a link the client follows as it is. */
    private static String next(ServerRequest request, String cursor) {
        StringJoiner query = new StringJoiner("&");
        for (Map.Entry<String, List<String>> parameter : request.queryParams().entrySet()) {
            if (!parameter.getKey().equals("cursor")) {
                parameter.getValue().forEach(value -> query.add(encode(parameter.getKey()) + "=" + encode(value)));
            }
        }
        query.add("cursor=" + cursor);
        return request.requestPath().value() + "?" + query;
    }

    private static String encode(String text) {
        // URLEncoder writes a space as '+', which a query parameter does not decode back to a space: %20 does.
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("%2C", ",").replace("%3A", ":");
    }

    /** Microseconds, like every time the store holds. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static <T> Mono<T> blocking(Callable<T> query) {
        return Mono.fromCallable(query).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * The optional body of an abort: who asks (a name the timeline shows beside where the request came from) and why.
     */
    record AbortRequest(String operator, String reason) {

        static AbortRequest read(byte[] body) {
            if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
                return new AbortRequest(null, null);
            }
            JsonNode tree;
            try {
                tree = JsonAnswers.JSON.readTree(body);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("the body is no JSON: send {\"operator\": \"your name\", \"reason\": \"why\"}, both optional,"
                        + " or no body");
            }
            if (!tree.isObject()) {
                throw new IllegalArgumentException("the body is no JSON object: send {\"operator\": \"your name\", \"reason\": \"why\"},"
                        + " both optional, or no body");
            }
            for (String name : tree.propertyNames()) {
                if (!name.equals("operator") && !name.equals("reason")) {
                    throw new IllegalArgumentException("unknown member '" + name + "': an abort takes operator and reason, both optional");
                }
                if (!tree.get(name).isString() && !tree.get(name).isNull()) {
                    throw new IllegalArgumentException(name + " must be a string but was " + tree.get(name));
                }
            }
            return new AbortRequest(text(tree, "operator"), text(tree, "reason"));
        }

        private static String text(JsonNode tree, String name) {
            JsonNode value = tree.get(name);
            return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString().strip();
        }
    }
}
