package dev.dragoman.gateway.filter;

import dev.dragoman.gateway.metrics.TranslationMetrics;
import dev.dragoman.gateway.problem.Problem;
import dev.dragoman.gateway.problem.ProblemType;
import dev.dragoman.gateway.problem.ProblemWriter;
import dev.dragoman.rules.DirectionTranslator;
import dev.dragoman.rules.MalformedJsonException;
import dev.dragoman.rules.Message;
import dev.dragoman.rules.MessageTranslation;
import dev.dragoman.rules.RouteTranslator;
import dev.dragoman.rules.Translators;
import dev.dragoman.rules.UnsupportedJsonEncodingException;
import dev.dragoman.rules.model.OnUnknown;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The response as the caller receives it. Every answer of the upstream (any status, any content
 * type, with or without a body, HEAD included) has its headers translated; a JSON body is read
 * whole (decoded when compressed), translated and written with its exact {@code Content-Length}.
 * Anything it cannot translate or read is a 502, never the foreign identifier itself; other
 * bodies stream through untouched. The gateway's own problem documents pass untouched
 * ({@link OwnAnswers}).
 */
final class TranslatingResponse extends ServerHttpResponseDecorator {

    static final String DIRECTION = "response";

    private final String path;
    private final Map<String, Object> attributes;
    private final boolean head;
    private final Translators translators;
    private final RouteTranslator route;
    private final DirectionTranslator rules;
    private final long maxBodySize;
    private final TranslationMetrics metrics;

    /**
     * @param attributes the exchange's, where {@link OwnAnswers} marks an answer of the gateway's own
     * @param method the request's: the answer to a HEAD has no body, whatever its headers say
     */
    TranslatingResponse(ServerHttpResponse delegate, String path, Map<String, Object> attributes, HttpMethod method,
            RouteTranslation translation) {
        super(delegate);
        this.path = path;
        this.attributes = attributes;
        this.head = HttpMethod.HEAD.equals(method);
        this.translators = translation.translators();
        this.route = translation.route();
        this.rules = route.response();
        this.maxBodySize = translation.maxBodySize();
        this.metrics = translation.metrics();
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        if (OwnAnswers.isOwn(attributes)) {
            return super.writeWith(body);
        }
        if (!translatesBody()) {
            return headersOnly(body).flatMap(ok -> ok ? super.writeWith(body) : Mono.<Void>empty());
        }
        String charset = JsonCharsets.declaredOtherThanUtf8(getHeaders().getFirst(HttpHeaders.CONTENT_TYPE));
        if (charset != null) {
            return discard(body).then(answer(unsupportedCharset(charset)));
        }
        String coding = ContentCodings.of(getHeaders());
        if (!ContentCodings.decodable(coding)) {
            return discard(body).then(answer(problem(ProblemType.UNSUPPORTED_ENCODING, "Undecodable response",
                    "the upstream answered JSON encoded with '" + ContentCodings.undecodable(coding)
                            + "', which this gateway cannot decode to translate")));
        }
        return JsonBodies.read(body, maxBodySize)
                .flatMap(bytes -> {
                    if (bytes.length == 0) {
                        // a JSON type on an empty body: nothing to translate but the headers
                        return headersOnly(Flux.empty()).flatMap(ok -> ok ? super.writeWith(Flux.empty()) : Mono.<Void>empty());
                    }
                    byte[] decoded;
                    try {
                        decoded = ContentCodings.decode(coding, bytes, maxBodySize).orElseThrow();
                    } catch (IOException e) {
                        return Mono.error(new MalformedJsonException("the " + coding + " body does not decode: " + e.getMessage(), -1, e));
                    }
                    return translate(decoded).flatMap(outcome -> outcome.problem() != null ? answer(outcome) : write(outcome));
                })
                .onErrorResume(DataBufferLimitException.class, e -> answer(problem(ProblemType.BODY_TOO_LARGE,
                        "Response too large", "the upstream's JSON answer exceeds the limit of " + maxBodySize
                                + " bytes that this gateway translates (dragoman.max-body-size)")))
                .onErrorResume(UnsupportedJsonEncodingException.class, e -> answer(unsupportedCharset(e.encoding())))
                .onErrorResume(MalformedJsonException.class, e -> answer(problem(ProblemType.MALFORMED_JSON, "Malformed JSON response",
                        "the upstream's answer is declared JSON but is not: " + e.getMessage())));
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
        if (OwnAnswers.isOwn(attributes)) {
            return super.writeAndFlushWith(body);
        }
        if (!translatesBody()) {
            // a stream (server-sent events, say) keeps being flushed part by part
            return headersOnly(Flux.from(body).flatMap(part -> part)).flatMap(ok -> ok ? super.writeAndFlushWith(body) : Mono.<Void>empty());
        }
        return writeWith(Flux.from(body).flatMapSequential(part -> part));
    }

    @Override
    public Mono<Void> setComplete() {
        if (OwnAnswers.isOwn(attributes) || !rules.translatesHeaders()) {
            return super.setComplete();
        }
        return headersOnly(Flux.empty()).flatMap(ok -> ok ? super.setComplete() : Mono.<Void>empty());
    }

    /**
     * Whether the body is JSON that body rules apply to. A HEAD answer, a 204, a 304 or a 1xx
     * has no body to translate, whatever its {@code Content-Type} says.
     */
    private boolean translatesBody() {
        if (!rules.translatesBody() || head) {
            return false;
        }
        HttpStatusCode status = getStatusCode();
        if (status != null && (status.is1xxInformational() || status.value() == 204 || status.value() == 304)) {
            return false;
        }
        return JsonBodies.isJson(contentType());
    }

    /**
     * The content type, or null when there is none. One that does not parse at all counts as
     * JSON when body rules apply: a caller may read the body as JSON all the same, so the
     * body is read and must prove itself.
     */
    private MediaType contentType() {
        try {
            return JsonBodies.mediaType(getHeaders().getFirst(HttpHeaders.CONTENT_TYPE));
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_JSON;
        }
    }

    /**
     * Translates the headers of an answer whose body is not translated, and emits whether the
     * answer may go on; when it may not, the body is discarded and a 502 answered instead.
     */
    private Mono<Boolean> headersOnly(Publisher<? extends DataBuffer> body) {
        if (head && rules.translatesBody() && JsonBodies.isJson(contentType())) {
            // the length of what a GET would send, before translation: not known here
            getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        }
        if (!rules.translatesHeaders()) {
            return Mono.just(true);
        }
        return translate(null).flatMap(outcome -> {
            if (outcome.problem() != null) {
                return discard(body).then(answer(outcome)).thenReturn(false);
            }
            RouteTranslation.replace(getHeaders(), outcome.headers());
            return Mono.just(true);
        });
    }

    /** The translated headers and body, or the problem to answer instead (with headers of its own, such as a Retry-After). */
    private record Outcome(Map<String, List<String>> headers, byte[] body, ProblemDetail problem, HttpHeaders problemHeaders) {
        static Outcome refused(ProblemDetail problem) {
            return new Outcome(null, null, problem, HttpHeaders.EMPTY);
        }
    }

    private Mono<Outcome> translate(byte[] body) {
        Timer.Sample sample = metrics.start();
        Message message = new Message(null, null,
                rules.translatesHeaders() ? RouteTranslation.headersToTranslate(rules, getHeaders()) : null, body);
        // a body that is not JSON is answered at once, before any resolver is asked about the headers
        return Lookups.translate(route.route().id(), translators, () -> rules.translate(message).requireReadableBody(),
                MessageTranslation::unresolved).map(translation -> {
                    metrics.stop(sample, route.route().id(), DIRECTION);
                    return finish(translation);
                }).onErrorResume(ErrorResponseException.class, e -> {
                    // a resolver that is down: answered here, in place of the upstream's answer and headers
                    metrics.stop(sample, route.route().id(), DIRECTION);
                    return Mono.just(new Outcome(null, null, e.getBody(), e.getHeaders()));
                });
    }

    private Outcome finish(MessageTranslation translation) {
        String id = route.route().id();
        metrics.translated(id, DIRECTION, translation.translated());
        if (translation.unresolvedCount() > 0) {
            metrics.unknown(id, DIRECTION, translation.unresolved(), translation.unresolvedCount());
            if (route.route().onUnknown() == OnUnknown.REJECT) {
                return Outcome.refused(Problem.untranslatable(HttpStatus.BAD_GATEWAY, id, DIRECTION,
                        translation.unresolved(), translation.unresolvedCount()));
            }
        }
        Message translated = translation.message();
        return new Outcome(translated.headers() == null ? Map.of() : translated.headers(), translated.body(), null, null);
    }

    private Mono<Void> write(Outcome outcome) {
        HttpHeaders headers = getHeaders();
        RouteTranslation.replace(headers, outcome.headers());
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

    private Mono<Void> answer(Outcome refused) {
        getDelegate().getHeaders().clear();
        getDelegate().getHeaders().addAll(refused.problemHeaders());
        return ProblemWriter.write(getDelegate(), path, refused.problem());
    }

    private ProblemDetail unsupportedCharset(String charset) {
        ProblemDetail problem = problem(ProblemType.UNSUPPORTED_CHARSET, "Unsupported charset in the response",
                "the upstream answered JSON in " + charset + "; this gateway translates JSON in UTF-8 only (RFC 8259)");
        problem.setProperty("charset", charset);
        return problem;
    }

    private ProblemDetail problem(ProblemType type, String title, String detail) {
        ProblemDetail problem = Problem.of(HttpStatus.BAD_GATEWAY, type, title, detail);
        problem.setProperty("route", route.route().id());
        return problem;
    }

    private static Mono<Void> discard(Publisher<? extends DataBuffer> body) {
        return Flux.from(body).doOnNext(DataBufferUtils::release).then();
    }
}
