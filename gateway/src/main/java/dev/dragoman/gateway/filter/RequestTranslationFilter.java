package dev.dragoman.gateway.filter;

import dev.dragoman.gateway.metrics.TranslationMetrics;
import dev.dragoman.gateway.problem.Problem;
import dev.dragoman.gateway.problem.ProblemWriter;
import dev.dragoman.rules.BodyTranslation;
import dev.dragoman.rules.DirectionTranslator;
import dev.dragoman.rules.MalformedJsonException;
import dev.dragoman.rules.RouteTranslator;
import dev.dragoman.rules.TextTranslation;
import dev.dragoman.rules.Translators;
import dev.dragoman.rules.Unresolved;
import dev.dragoman.rules.ValuesTranslation;
import dev.dragoman.rules.model.OnUnknown;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Translates a request from the caller's vocabulary into the callee's: path, query, headers
 * and JSON body, all before anything is forwarded. An identifier the map cannot translate is a
 * 422 naming every one (unless the route says {@code on-unknown: pass}); a body that is not
 * the JSON it claims to be is a 400; a JSON body over the limit is a 413. Runs after
 * strip-prefix, so path templates see the path the callee will see.
 */
public final class RequestTranslationFilter implements GatewayFilter {

    static final String DIRECTION = "request";

    private final Translators translators;
    private final RouteTranslator route;
    private final DirectionTranslator rules;
    private final long maxBodySize;
    private final TranslationMetrics metrics;

    public RequestTranslationFilter(RouteTranslation translation) {
        this.translators = translation.translators();
        this.route = translation.route();
        this.rules = route.request();
        this.maxBodySize = translation.maxBodySize();
        this.metrics = translation.metrics();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        boolean translatesBody = rules.translatesBody() && JsonBodies.isJson(request.getHeaders().getContentType());
        if (translatesBody && request.getHeaders().getContentLength() > maxBodySize) {
            return ProblemWriter.write(exchange, tooLarge());
        }
        Mono<byte[]> body = translatesBody ? JsonBodies.read(request.getBody(), maxBodySize) : Mono.just(NO_BODY);
        return body
                .flatMap(bytes -> translate(request, bytes == NO_BODY ? null : bytes))
                .flatMap(outcome -> outcome.problem() != null
                        ? ProblemWriter.write(exchange, outcome.problem())
                        : chain.filter(exchange.mutate().request(outcome.request()).build()))
                .onErrorResume(DataBufferLimitException.class, e -> ProblemWriter.write(exchange, tooLarge()));
    }

    private static final byte[] NO_BODY = new byte[0];

    /** Either the request to forward or the problem to answer. */
    private record Outcome(ServerHttpRequest request, ProblemDetail problem) {
    }

    private Mono<Outcome> translate(ServerHttpRequest request, byte[] body) {
        Timer.Sample sample = metrics.start();
        return Lookups.translate(translators, () -> attempt(request, body), attempt -> attempt.unresolved)
                .map(attempt -> {
                    metrics.stop(sample, route.route().id(), DIRECTION);
                    return finish(request, attempt);
                });
    }

    /** One translation of every part of the request, collecting every untranslatable value. */
    private final class Attempt {
        final List<Unresolved> unresolved = new ArrayList<>();
        int translated;
        String rawPath;
        String rawQuery;
        Map<String, List<String>> headers = Map.of();
        byte[] body;
        ProblemDetail problem;
    }

    private Attempt attempt(ServerHttpRequest request, byte[] body) {
        Attempt attempt = new Attempt();
        URI uri = request.getURI();
        attempt.rawPath = uri.getRawPath();
        if (rules.translatesPath()) {
            TextTranslation path = rules.path(uri.getRawPath());
            attempt.rawPath = path.text();
            attempt.translated += path.translated();
            attempt.unresolved.addAll(path.unresolved());
        }
        attempt.rawQuery = uri.getRawQuery();
        if (rules.translatesQuery() && uri.getRawQuery() != null) {
            ValuesTranslation query = rules.query(new LinkedHashMap<>(request.getQueryParams()));
            attempt.rawQuery = rebuiltQuery(uri, query.values());
            attempt.translated += query.translated();
            attempt.unresolved.addAll(query.unresolved());
        }
        if (rules.translatesHeaders()) {
            ValuesTranslation headers = RouteTranslation.headers(rules, request.getHeaders());
            attempt.headers = headers.values();
            attempt.translated += headers.translated();
            attempt.unresolved.addAll(headers.unresolved());
        }
        if (body != null) {
            try {
                BodyTranslation translation = rules.body(body);
                attempt.body = translation.body();
                attempt.translated += translation.translated();
                attempt.unresolved.addAll(translation.unresolved());
            } catch (MalformedJsonException e) {
                attempt.problem = Problem.of(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON body",
                        "the request body is declared JSON but is not: " + e.getMessage()
                                + (e.byteOffset() >= 0 ? " (at byte " + e.byteOffset() + ")" : ""));
                attempt.problem.setProperty("route", route.route().id());
            }
        }
        return attempt;
    }

    /** Only the parameters a rule names are re-encoded; every other byte of the query is forwarded as it came. */
    private String rebuiltQuery(URI uri, Map<String, List<String>> values) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUri(uri);
        values.forEach((name, list) -> {
            if (rules.translatesQueryParameter(name)) {
                builder.replaceQueryParam(UriUtils.encodeQueryParam(name, StandardCharsets.UTF_8),
                        list.stream().map(v -> UriUtils.encodeQueryParam(v, StandardCharsets.UTF_8)).toList());
            }
        });
        return builder.build(true).getQuery();
    }

    private Outcome finish(ServerHttpRequest request, Attempt attempt) {
        String id = route.route().id();
        if (attempt.problem != null) {
            return new Outcome(null, attempt.problem);
        }
        metrics.translated(id, DIRECTION, attempt.translated);
        if (!attempt.unresolved.isEmpty()) {
            metrics.unknown(id, DIRECTION, attempt.unresolved);
            if (route.route().onUnknown() == OnUnknown.REJECT) {
                return new Outcome(null, Problem.untranslatable(HttpStatus.UNPROCESSABLE_CONTENT, id, DIRECTION, attempt.unresolved));
            }
        }
        ServerHttpRequest translated = request.mutate()
                .uri(uriWith(request.getURI(), attempt.rawPath, attempt.rawQuery))
                .headers(headers -> {
                    attempt.headers.forEach(headers::put);
                    if (attempt.body != null) {
                        headers.remove(HttpHeaders.TRANSFER_ENCODING);
                        headers.setContentLength(attempt.body.length);
                    }
                })
                .build();
        return new Outcome(attempt.body == null ? translated : withBody(translated, attempt.body), null);
    }

    /**
     * The request's URI with another raw path and query, both already encoded: joined as text,
     * because a builder would parse the query again (with a regular expression) on every request.
     */
    static URI uriWith(URI uri, String rawPath, String rawQuery) {
        if (Objects.equals(rawPath, uri.getRawPath()) && Objects.equals(rawQuery, uri.getRawQuery())) {
            return uri;
        }
        StringBuilder text = new StringBuilder(uri.getScheme()).append("://").append(uri.getRawAuthority()).append(rawPath);
        if (rawQuery != null) {
            text.append('?').append(rawQuery);
        }
        if (uri.getRawFragment() != null) {
            text.append('#').append(uri.getRawFragment());
        }
        return URI.create(text.toString());
    }

    private static ServerHttpRequest withBody(ServerHttpRequest request, byte[] body) {
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
            }
        };
    }

    private ProblemDetail tooLarge() {
        ProblemDetail problem = Problem.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Body too large",
                "the JSON body exceeds the limit of " + maxBodySize + " bytes that this gateway translates (dragoman.max-body-size)");
        problem.setProperty("route", route.route().id());
        return problem;
    }

    @Override
    public String toString() {
        return "RequestTranslationFilter[route=" + route.route().id() + ", path=" + rules.translatesPath() + ", query="
                + rules.translatesQuery() + ", headers=" + rules.translatesHeaders() + ", body=" + rules.translatesBody() + "]";
    }
}
