package dev.dragoman.gateway.admin.console;

import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.problem.RequestTrace;
import dev.dragoman.gateway.saga.SagaAborts;
import dev.dragoman.gateway.saga.SagaCoordinator;
import dev.dragoman.gateway.saga.SagaEndedException;
import dev.dragoman.gateway.saga.SagaPage;
import dev.dragoman.gateway.saga.SagaSearch;
import dev.dragoman.gateway.saga.SagaSearches;
import dev.dragoman.gateway.saga.SagaStatus;
import dev.dragoman.gateway.saga.SagaView;
import dev.dragoman.gateway.saga.UnknownSagaException;
import dev.dragoman.rules.model.Saga;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The Sagas tab: the search ({@link SagaSearches}, the code of {@code GET /admin/sagas}), a saga's
 * page ({@link SagaCoordinator#view}) and its abort ({@link SagaAborts}, as {@code POST
 * /admin/sagas/{sagaid}/abort} does it). The list and the page poll with the store's change token
 * ({@code GET /admin/changes}' {@code sagas}): while no saga changed, the answer is an empty 204,
 * so a page left open costs one primary-key probe every 2 seconds.
 */
final class SagaHandlers {

    private final SagaSearches searches;
    private final SagaAborts aborts;
    private final SagaCoordinator sagas;
    private final ModelHolder models;
    private final Clock clock;

    SagaHandlers(SagaSearches searches, SagaAborts aborts, SagaCoordinator sagas, ModelHolder models, Clock clock) {
        this.searches = searches;
        this.aborts = aborts;
        this.sagas = sagas;
        this.models = models;
        this.clock = clock;
    }

    /** {@code GET /admin/console/sagas}: the search form; its list loads itself from {@link #list}. */
    Mono<ServerResponse> tab(ServerRequest request) {
        SagaQuery query = SagaQuery.of(request.queryParams());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("form", query);
        model.put("names", models.current().model().sagas().stream().map(Saga::name).toList());
        model.put("statuses", Arrays.stream(SagaStatus.values()).map(SagaViews::word).toList());
        return ServerResponse.ok().render("console/sagas", model);
    }

    /** {@code GET /admin/console/sagas/list}: a page of the search; 204 while {@code shown} is still the change token. */
    Mono<ServerResponse> list(ServerRequest request) {
        SagaQuery query = SagaQuery.of(request.queryParams());
        Optional<String> shown = request.queryParam("shown");
        return blocking(() -> {
            String stamp = searches.changeToken();
            if (shown.filter(stamp::equals).isPresent()) {
                return Optional.<SagaViews.SagaList>empty();
            }
            SagaSearch search;
            try {
                search = query.search();
            } catch (SagaQuery.Invalid | IllegalArgumentException e) {
                return Optional.of(new SagaViews.SagaList(List.of(), now().toString(), stamp, query.query(), null, null,
                        query.first(), query.page(), e.getMessage()));
            }
            SagaPage page = searches.search(search);
            return Optional.of(new SagaViews.SagaList(page.sagas().stream().map(SagaViews.Row::of).toList(), now().toString(), stamp,
                    query.query(), page.next() == null ? null : query.next(page.next().encode()), query.previous(), query.first(), query.page(),
                    null));
        }).flatMap(list -> list.isEmpty() ? ServerResponse.noContent().build()
                : ServerResponse.ok().render("console/saga-list", Map.of("list", list.get())));
    }

    /** {@code GET /admin/console/sagas/one?id=}: a saga's page; 204 while {@code shown} is still the change token. */
    Mono<ServerResponse> saga(ServerRequest request) {
        String id = request.queryParam("id").orElse("");
        Optional<String> shown = request.queryParam("shown");
        return blocking(() -> {
            String stamp = searches.changeToken();
            if (shown.filter(stamp::equals).isPresent()) {
                return Optional.<Map<String, Object>>empty();
            }
            return Optional.of(page(id, stamp, null));
        }).flatMap(model -> model.isEmpty() ? ServerResponse.noContent().build() : ServerResponse.ok().render("console/saga", model.get()));
    }

    /** {@code POST /admin/console/sagas/abort} (form: id, reason): ends the saga as aborted, then shows its page. */
    Mono<ServerResponse> abort(ServerRequest request) {
        String operator = "console from " + request.remoteAddress().map(address -> address.getAddress() == null ? address.getHostString()
                : address.getAddress().getHostAddress()).orElse("an unknown address") + ", request " + RequestTrace.of(request.exchange()).id();
        return request.formData().flatMap(form -> {
            String id = SagaQuery.field(form, "id");
            String reason = SagaQuery.field(form, "reason");
            return blocking(() -> {
                String message;
                try {
                    SagaView view = aborts.abort(id, operator, reason.isEmpty() ? null : reason);
                    message = view.state().status() == SagaStatus.ABORTED
                            ? "Aborted: the aborted outcome and the compensations are in the outbox."
                            : "The deadline came first: the saga timed out, and its aborted outcome and compensations were sent as the"
                                    + " deadline sends them.";
                } catch (UnknownSagaException e) {
                    message = "No saga has the id '" + id + "'.";
                } catch (SagaEndedException e) {
                    message = "Not aborted: the saga had already ended (" + SagaViews.word(e.state().status()) + ").";
                }
                return page(id, searches.changeToken(), message);
            });
        }).flatMap(model -> ServerResponse.ok().render("console/saga", model));
    }

    private Map<String, Object> page(String id, String stamp, String message) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", id);
        sagas.view(id).ifPresent(view -> model.put("saga", SagaViews.Page.of(view, now(), stamp, message)));
        model.put("message", message);
        return model;
    }

    /** Microseconds, like every time the store holds. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static <T> Mono<T> blocking(Callable<T> query) {
        return Mono.fromCallable(query).subscribeOn(Schedulers.boundedElastic());
    }
}
