package dev.dragoman.gateway.compose;

import dev.dragoman.gateway.filter.Lookups;
import dev.dragoman.gateway.model.ServedModel;
import dev.dragoman.gateway.problem.Problem;
import dev.dragoman.gateway.problem.ProblemType;
import dev.dragoman.rules.DirectionTranslator;
import dev.dragoman.rules.JsonMediaType;
import dev.dragoman.rules.MalformedJsonException;
import dev.dragoman.rules.Message;
import dev.dragoman.rules.MessageTranslation;
import dev.dragoman.rules.RouteTranslator;
import dev.dragoman.rules.model.Composition;
import dev.dragoman.rules.model.CompositionPart;
import dev.dragoman.rules.model.OnUnknown;
import dev.dragoman.rules.model.Route;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;

/**
 * Answers one composition from one served model: every part's request translated by its
 * route's request rules (an unknown value in the caller's path is the route's 422, and no part
 * is fetched), then every part fetched at once from its route's upstream and its answer
 * translated back by the route's response rules, then the values merged. A required part that
 * fails stops the others and makes the answer a 502 naming it; an optional one leaves a gap.
 */
final class Composer {

    /** The problem, or the composed answer: exactly one is set. */
    record Outcome(ComposedAnswer answer, ProblemDetail problem) {
    }

    private final ServedModel served;
    private final WebClient client;
    private final long maxBodySize;
    private final Duration defaultTimeout;

    /**
     * @param client the gateway's own (its Reactor Netty client, pool and connect timeout)
     * @param defaultTimeout a part's timeout when it declares none: the routes' response timeout
     */
    Composer(ServedModel served, WebClient client, long maxBodySize, Duration defaultTimeout) {
        this.served = served;
        this.client = client;
        this.maxBodySize = maxBodySize;
        this.defaultTimeout = defaultTimeout;
    }

    Mono<Outcome> compose(Composition composition, Map<String, String> values) {
        List<Mono<Prepared>> requests = new ArrayList<>();
        for (CompositionPart part : composition.parts()) {
            requests.add(prepare(composition, part, values));
        }
        return Mono.zip(requests, prepared -> List.of(prepared).stream().map(Prepared.class::cast).toList())
                .flatMap(prepared -> {
                    Optional<ProblemDetail> refused = prepared.stream().map(Prepared::refusal).filter(p -> p != null).findFirst();
                    if (refused.isPresent()) {
                        return Mono.just(new Outcome(null, refused.get()));
                    }
                    List<Mono<PartResult>> fetches = prepared.stream().map(this::fetch).toList();
                    return Mono.zip(fetches, results -> List.of(results).stream().map(PartResult.class::cast).toList())
                            .map(results -> new Outcome(ComposedAnswer.of(results), null))
                            .onErrorResume(RequiredPartFailedException.class,
                                    e -> Mono.just(new Outcome(null, failed(composition, e.result()))));
                });
    }

    /**
     * A part ready to fetch: the upstream URI of its translated request, or the problem its
     * request is refused with (the caller's), or why it cannot be fetched (a resolver down).
     */
    private record Prepared(CompositionPart part, RouteTranslator route, URI uri, ProblemDetail refusal, PartFailure failure) {
    }

    private Mono<Prepared> prepare(Composition composition, CompositionPart part, Map<String, String> values) {
        RouteTranslator translator = served.translators().route(part.route()).orElseThrow();
        Route route = translator.route();
        PartRequest request = PartRequest.of(part, route, values);
        DirectionTranslator rules = translator.request();
        if (!rules.translatesPath() && !rules.translatesQuery()) {
            return Mono.just(new Prepared(part, translator, uri(route, request.rawPath(), request.rawQuery()), null, null));
        }
        Message message = new Message(rules.translatesPath() ? request.rawPath() : null, rules.translatesQuery() ? request.rawQuery() : null,
                null, null);
        return Lookups.translate(route.id(), served.translators(), () -> rules.translate(message),
                        t -> t.refusal() != null ? List.of() : t.unresolved())
                .map(translation -> prepared(composition, part, translator, request, translation))
                .onErrorResume(ErrorResponseException.class, e -> Mono.just(new Prepared(part, translator, null, null,
                        PartFailure.of(PartFailure.Reason.RESOLVER_UNAVAILABLE, "a resolver did not answer to translate the request"))));
    }

    private Prepared prepared(Composition composition, CompositionPart part, RouteTranslator translator, PartRequest request,
            MessageTranslation translation) {
        Route route = translator.route();
        if (translation.refusal() != null) {
            ProblemDetail problem = Problem.of(HttpStatus.BAD_REQUEST, ProblemType.AMBIGUOUS_PATH, "Ambiguous path", translation.refusal());
            return new Prepared(part, translator, null, named(problem, composition, part), null);
        }
        if (translation.unresolvedCount() > 0 && route.onUnknown() == OnUnknown.REJECT) {
            ProblemDetail problem = Problem.untranslatable(HttpStatus.UNPROCESSABLE_CONTENT, route.id(), "request",
                    translation.unresolved(), translation.unresolvedCount());
            return new Prepared(part, translator, null, named(problem, composition, part), null);
        }
        Message translated = translation.message();
        return new Prepared(part, translator, uri(route, translated.path() != null ? translated.path() : request.rawPath(),
                translated.query() != null ? translated.query() : request.rawQuery()), null, null);
    }

    /** The route's upstream (its override, if any) with the translated path and query, as a route forwards: the upstream's own path is not used. */
    private URI uri(Route route, String rawPath, String rawQuery) {
        URI upstream = served.upstreamOf(route);
        return URI.create(upstream.getScheme() + "://" + upstream.getRawAuthority() + rawPath + (rawQuery == null ? "" : "?" + rawQuery));
    }

    private Mono<PartResult> fetch(Prepared prepared) {
        CompositionPart part = prepared.part();
        Mono<PartResult> result = prepared.failure() != null
                ? Mono.just(PartResult.failed(part, prepared.failure()))
                : call(prepared).timeout(part.timeout() != null ? part.timeout() : defaultTimeout)
                        .onErrorResume(e -> failure(e).map(failure -> Mono.just(PartResult.failed(part, failure))).orElseGet(() -> Mono.error(e)));
        return result.flatMap(r -> r.failed() && part.required() ? Mono.error(new RequiredPartFailedException(r)) : Mono.just(r));
    }

    private Mono<PartResult> call(Prepared prepared) {
        CompositionPart part = prepared.part();
        return client.get().uri(prepared.uri())
                .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                // an answer to translate must be readable: no content coding
                .header(HttpHeaders.ACCEPT_ENCODING, "identity")
                .exchangeToMono(response -> answer(response))
                .flatMap(answer -> answer.failure() != null ? Mono.just(PartResult.failed(part, answer.failure()))
                        : translateBack(prepared, answer.json()));
    }

    /** The upstream's JSON body, or why there is none to use. */
    private record Answer(byte[] json, PartFailure failure) {
    }

    private Mono<Answer> answer(ClientResponse response) {
        if (!response.statusCode().is2xxSuccessful()) {
            return response.releaseBody().thenReturn(new Answer(null, PartFailure.status(response.statusCode().value())));
        }
        MediaType type = response.headers().contentType().orElse(null);
        if (type == null || !JsonMediaType.isJson(type.getType() + "/" + type.getSubtype())) {
            return response.releaseBody().thenReturn(new Answer(null, PartFailure.of(PartFailure.Reason.NOT_JSON,
                    "the upstream answered " + (type == null ? "without a content type" : type.getType() + "/" + type.getSubtype()))));
        }
        List<String> codings = response.headers().header(HttpHeaders.CONTENT_ENCODING);
        if (!codings.isEmpty() && !codings.stream().allMatch("identity"::equalsIgnoreCase)) {
            return response.releaseBody().thenReturn(new Answer(null, PartFailure.of(PartFailure.Reason.NOT_JSON,
                    "the upstream answered with a content coding although asked for none")));
        }
        return DataBufferUtils.join(response.bodyToFlux(DataBuffer.class), (int) Math.min(maxBodySize, Integer.MAX_VALUE - 8))
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return new Answer(bytes, null);
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(new Answer(null, PartFailure.of(PartFailure.Reason.NOT_JSON, "the upstream answered no body")));
    }

    private Mono<PartResult> translateBack(Prepared prepared, byte[] json) {
        CompositionPart part = prepared.part();
        Route route = prepared.route().route();
        DirectionTranslator rules = prepared.route().response();
        Mono<byte[]> translated = !rules.translatesBody() ? Mono.just(json)
                : Lookups.translate(route.id(), served.translators(), () -> rules.translate(Message.body(json)).requireReadableBody(),
                        MessageTranslation::unresolved).flatMap(translation -> {
                            if (translation.unresolvedCount() > 0 && route.onUnknown() == OnUnknown.REJECT) {
                                return Mono.error(new Untranslatable(translation.unresolvedCount()));
                            }
                            return Mono.just(translation.message().body());
                        });
        return translated.map(bytes -> JsonValues.select(bytes, part.select())
                .map(value -> PartResult.value(part, value))
                .orElseGet(() -> PartResult.failed(part, PartFailure.of(PartFailure.Reason.MISSING,
                        "the answer has no value at " + part.select()))));
    }

    /** An answer with identifiers the route cannot translate back; their values stay in the log, never in the answer. */
    private static final class Untranslatable extends RuntimeException {
        Untranslatable(int count) {
            super(count + (count == 1 ? " value" : " values") + " the route cannot translate back", null, false, false);
        }
    }

    /** The failure a part's error means, or empty for an error that is a bug (left to the error handler, a 500). */
    private Optional<PartFailure> failure(Throwable e) {
        if (e instanceof TimeoutException) {
            return Optional.of(PartFailure.of(PartFailure.Reason.TIMEOUT, "no answer within the part's timeout"));
        }
        if (e instanceof WebClientRequestException || e instanceof IOException) {
            return Optional.of(PartFailure.of(PartFailure.Reason.UNREACHABLE, "the upstream could not be reached or closed the connection"));
        }
        if (e instanceof DataBufferLimitException) {
            return Optional.of(PartFailure.of(PartFailure.Reason.TOO_LARGE,
                    "the answer exceeds the limit of " + maxBodySize + " bytes (dragoman.max-body-size)"));
        }
        if (e instanceof Untranslatable) {
            return Optional.of(PartFailure.of(PartFailure.Reason.UNTRANSLATABLE, "the answer holds " + e.getMessage()));
        }
        if (e instanceof MalformedJsonException || e instanceof JacksonException) {
            return Optional.of(PartFailure.of(PartFailure.Reason.NOT_JSON, "the answer is declared JSON but is not"));
        }
        if (e instanceof ErrorResponseException) {
            return Optional.of(PartFailure.of(PartFailure.Reason.RESOLVER_UNAVAILABLE, "a resolver did not answer to translate the answer"));
        }
        return Optional.empty();
    }

    private static ProblemDetail failed(Composition composition, PartResult result) {
        CompositionPart part = result.part();
        PartFailure failure = result.failure();
        ProblemDetail problem = Problem.of(HttpStatus.BAD_GATEWAY, ProblemType.COMPOSITION_PART_FAILED, "Required part failed",
                "part '" + part.name() + "' (route " + part.route() + ") of composition " + composition.id() + " failed: "
                        + failure.detail() + "; the composition cannot answer without it");
        named(problem, composition, part);
        problem.setProperty("route", part.route());
        problem.setProperty("reason", failure.reason().label());
        if (failure.status() != null) {
            problem.setProperty("upstreamStatus", failure.status());
        }
        return problem;
    }

    private static ProblemDetail named(ProblemDetail problem, Composition composition, CompositionPart part) {
        problem.setProperty("composition", composition.id());
        problem.setProperty("part", part.name());
        return problem;
    }
}
