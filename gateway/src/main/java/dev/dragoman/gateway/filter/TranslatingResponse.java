package dev.dragoman.gateway.filter;

import dev.dragoman.gateway.metrics.TranslationMetrics;
import dev.dragoman.gateway.problem.Problem;
import dev.dragoman.gateway.problem.ProblemWriter;
import dev.dragoman.rules.BodyTranslation;
import dev.dragoman.rules.DirectionTranslator;
import dev.dragoman.rules.MalformedJsonException;
import dev.dragoman.rules.RouteTranslator;
import dev.dragoman.rules.Translators;
import dev.dragoman.rules.Unresolved;
import dev.dragoman.rules.ValuesTranslation;
import dev.dragoman.rules.model.OnUnknown;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The response as the caller receives it: headers translated, and a JSON body read whole
 * (decoded when compressed), translated and written with its exact {@code Content-Length}.
 * Anything it cannot translate is a 502 naming every value, never the foreign identifier itself;
 * other bodies stream through untouched.
 */
final class TranslatingResponse extends ServerHttpResponseDecorator {

    static final String DIRECTION = "response";

    private final String path;
    private final Translators translators;
    private final RouteTranslator route;
    private final DirectionTranslator rules;
    private final long maxBodySize;
    private final TranslationMetrics metrics;

    TranslatingResponse(ServerHttpResponse delegate, String path, RouteTranslation translation) {
        super(delegate);
        this.path = path;
        this.translators = translation.translators();
        this.route = translation.route();
        this.rules = route.response();
        this.maxBodySize = translation.maxBodySize();
        this.metrics = translation.metrics();
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        boolean translatesBody = rules.translatesBody() && JsonBodies.isJson(getHeaders().getContentType());
        if (!translatesBody && !rules.translatesHeaders()) {
            return super.writeWith(body);
        }
        if (!translatesBody) {
            return translate(null).flatMap(outcome -> outcome.problem() != null
                    ? discard(body).then(answer(outcome.problem()))
                    : super.writeWith(body));
        }
        String coding = getHeaders().getFirst(HttpHeaders.CONTENT_ENCODING);
        if (!ContentCodings.decodable(coding)) {
            return discard(body).then(answer(problem("unsupported-encoding", "Undecodable response",
                    "the upstream answered JSON encoded with '" + coding + "', which this gateway cannot decode to translate")));
        }
        return JsonBodies.read(body, maxBodySize)
                .flatMap(bytes -> {
                    try {
                        return Mono.just(ContentCodings.decode(coding, bytes, maxBodySize).orElseThrow());
                    } catch (IOException e) {
                        return Mono.error(new MalformedJsonException("the " + coding + " body does not decode: " + e.getMessage(), -1, e));
                    }
                })
                .flatMap(this::translate)
                .flatMap(outcome -> outcome.problem() != null ? answer(outcome.problem()) : write(outcome))
                .onErrorResume(DataBufferLimitException.class, e -> answer(problem("body-too-large",
                        "Response too large", "the upstream's JSON answer exceeds the limit of " + maxBodySize
                                + " bytes that this gateway translates (dragoman.max-body-size)")))
                .onErrorResume(MalformedJsonException.class, e -> answer(problem("malformed-json", "Malformed JSON response",
                        "the upstream's answer is declared JSON but is not: " + e.getMessage())));
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
        return writeWith(Flux.from(body).flatMapSequential(part -> part));
    }

    @Override
    public Mono<Void> setComplete() {
        if (!rules.translatesHeaders()) {
            return super.setComplete();
        }
        return translate(null).flatMap(outcome -> outcome.problem() != null ? answer(outcome.problem()) : super.setComplete());
    }

    /** The translated headers and body, or the problem to answer instead. */
    private record Outcome(Map<String, List<String>> headers, byte[] body, ProblemDetail problem) {
    }

    private record Attempt(Map<String, List<String>> headers, BodyTranslation body, int translated, List<Unresolved> unresolved) {
    }

    private Mono<Outcome> translate(byte[] body) {
        Timer.Sample sample = metrics.start();
        return Lookups.translate(translators, () -> attempt(body), Attempt::unresolved).map(attempt -> {
            metrics.stop(sample, route.route().id(), DIRECTION);
            return finish(attempt);
        });
    }

    private Attempt attempt(byte[] body) {
        List<Unresolved> unresolved = new ArrayList<>();
        int translated = 0;
        Map<String, List<String>> headers = Map.of();
        if (rules.translatesHeaders()) {
            ValuesTranslation translation = RouteTranslation.headers(rules, getHeaders());
            headers = translation.values();
            translated += translation.translated();
            unresolved.addAll(translation.unresolved());
        }
        BodyTranslation translation = null;
        if (body != null) {
            translation = rules.body(body);
            translated += translation.translated();
            unresolved.addAll(translation.unresolved());
        }
        return new Attempt(headers, translation, translated, unresolved);
    }

    private Outcome finish(Attempt attempt) {
        String id = route.route().id();
        metrics.translated(id, DIRECTION, attempt.translated());
        if (!attempt.unresolved().isEmpty()) {
            metrics.unknown(id, DIRECTION, attempt.unresolved());
            if (route.route().onUnknown() == OnUnknown.REJECT) {
                return new Outcome(null, null, Problem.untranslatable(HttpStatus.BAD_GATEWAY, id, DIRECTION, attempt.unresolved()));
            }
        }
        return new Outcome(attempt.headers(), attempt.body() == null ? null : attempt.body().body(), null);
    }

    private Mono<Void> write(Outcome outcome) {
        HttpHeaders headers = getHeaders();
        outcome.headers().forEach(headers::put);
        headers.remove(HttpHeaders.CONTENT_ENCODING);
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentLength(outcome.body().length);
        return super.writeWith(Mono.just(bufferFactory().wrap(outcome.body())));
    }

    /** Answers a problem instead of the upstream's answer, none of whose headers may reach the caller: they may name foreign things too. */
    private Mono<Void> answer(ProblemDetail problem) {
        getDelegate().getHeaders().clear();
        return ProblemWriter.write(getDelegate(), path, problem);
    }

    private ProblemDetail problem(String type, String title, String detail) {
        ProblemDetail problem = Problem.of(HttpStatus.BAD_GATEWAY, type, title, detail);
        problem.setProperty("route", route.route().id());
        return problem;
    }

    private static Mono<Void> discard(Publisher<? extends DataBuffer> body) {
        return Flux.from(body).doOnNext(DataBufferUtils::release).then();
    }
}
