package dev.dragoman.gateway.filter;

import dev.dragoman.gateway.metrics.TranslationMetrics;
import dev.dragoman.gateway.problem.Problem;
import dev.dragoman.gateway.problem.ProblemType;
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
import java.net.URI;
import java.util.Objects;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Translates a request from the caller's vocabulary into the callee's: path, query, headers
 * and JSON body, all before anything is forwarded. An identifier the map cannot translate is a
 * 422 naming the values (unless the route says {@code on-unknown: pass}); a body that is not
 * the JSON it claims to be is a 400; one it cannot read (another charset, an unknown content
 * coding) a 415; a JSON body over the limit is a 413. Runs after strip-prefix, so path
 * templates see the path the callee will see. Its own answers bypass the response rules.
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
        HttpHeaders headers = request.getHeaders();
        boolean translatesBody = false;
        String coding = null;
        if (rules.translatesBody()) {
            String contentType = headers.getFirst(HttpHeaders.CONTENT_TYPE);
            MediaType type;
            try {
                type = JsonBodies.mediaType(contentType);
            } catch (InvalidMediaTypeException e) {
                // the caller's malformed header, answered as the error handler answers one elsewhere
                return OwnAnswers.write(exchange, problem(HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_HEADER,
                        "Malformed header", "the Content-Type '" + contentType
                                + "' does not parse (" + e.getMessage() + "); send a valid media type, such as application/json"));
            }
            translatesBody = JsonBodies.isJson(type);
            coding = ContentCodings.of(headers);
            if (translatesBody && JsonCharsets.declaredOtherThanUtf8(contentType) != null) {
                return OwnAnswers.write(exchange, unsupportedCharset(JsonCharsets.declaredOtherThanUtf8(contentType)));
            }
            if (translatesBody && !ContentCodings.decodable(coding)) {
                return OwnAnswers.write(exchange, problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemType.UNSUPPORTED_ENCODING,
                        "Unsupported content coding", "the JSON body is encoded with '" + ContentCodings.undecodable(coding)
                                + "', which this gateway cannot decode to translate; send it uncompressed, gzip or deflate"));
            }
            if (translatesBody && headers.getContentLength() > maxBodySize) {
                return OwnAnswers.write(exchange, tooLarge());
            }
        }
        String bodyCoding = coding;
        Mono<byte[]> body = translatesBody ? JsonBodies.read(request.getBody(), maxBodySize) : Mono.just(NO_BODY);
        // errors of reading the caller's body only: what the chain raises later is the upstream's, not the caller's fault
        Mono<Outcome> outcome = body
                .flatMap(bytes -> bytes.length == 0 ? Mono.just(new Body(null, false))
                        : Mono.fromCallable(() -> new Body(ContentCodings.decode(bodyCoding, bytes, maxBodySize).orElseThrow(),
                                ContentCodings.encoded(bodyCoding))))
                .flatMap(decoded -> translate(request, decoded))
                .onErrorResume(DataBufferLimitException.class, e -> Mono.just(new Outcome(null, tooLarge())))
                .onErrorResume(IOException.class, e -> Mono.just(new Outcome(null, problem(HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_JSON,
                        "Malformed JSON body", "the request body is declared '" + bodyCoding + "' but does not decode: " + e.getMessage()))));
        return outcome.flatMap(o -> o.problem() != null
                ? OwnAnswers.write(exchange, o.problem())
                : chain.filter(exchange.mutate().request(o.request()).build()));
    }

    private static final byte[] NO_BODY = new byte[0];

    /** A JSON body as read and decoded (null bytes: none to translate), and whether it came content-coded. */
    private record Body(byte[] bytes, boolean decoded) {
    }

    /** Either the request to forward or the problem to answer. */
    private record Outcome(ServerHttpRequest request, ProblemDetail problem) {
    }

    private Mono<Outcome> translate(ServerHttpRequest request, Body body) {
        Timer.Sample sample = metrics.start();
        URI uri = request.getURI();
        // a path without templates is forwarded as it came, dot-segments and all
        Message message = new Message(rules.translatesPath() ? uri.getRawPath() : null, rules.translatesQuery() ? uri.getRawQuery() : null,
                rules.translatesHeaders() ? RouteTranslation.headersToTranslate(rules, request.getHeaders()) : null, body.bytes());
        return Lookups.translate(route.route().id(), translators, rules, message)
                .map(translation -> {
                    metrics.stop(sample, route.route().id(), DIRECTION);
                    return finish(request, translation, body.decoded());
                });
    }

    private Outcome finish(ServerHttpRequest request, MessageTranslation translation, boolean decoded) {
        String id = route.route().id();
        if (translation.refusal() != null) {
            return new Outcome(null, problem(HttpStatus.BAD_REQUEST, ProblemType.AMBIGUOUS_PATH, "Ambiguous path", translation.refusal()));
        }
        if (translation.bodyFailure() instanceof UnsupportedJsonEncodingException e) {
            return new Outcome(null, unsupportedCharset(e.encoding()));
        }
        if (translation.bodyFailure() != null) {
            MalformedJsonException e = translation.bodyFailure();
            return new Outcome(null, problem(HttpStatus.BAD_REQUEST, ProblemType.MALFORMED_JSON, "Malformed JSON body",
                    "the request body is declared JSON but is not: " + e.getMessage()
                            + (e.byteOffset() >= 0 ? " (at byte " + e.byteOffset() + ")" : "")));
        }
        metrics.translated(id, DIRECTION, translation.translated());
        if (translation.unresolvedCount() > 0) {
            metrics.unknown(id, DIRECTION, translation.unresolved(), translation.unresolvedCount());
            if (route.route().onUnknown() == OnUnknown.REJECT) {
                return new Outcome(null, Problem.untranslatable(HttpStatus.UNPROCESSABLE_CONTENT, id, DIRECTION,
                        translation.unresolved(), translation.unresolvedCount()));
            }
        }
        Message translated = translation.message();
        URI uri = request.getURI();
        String rawPath = translated.path() != null ? translated.path() : uri.getRawPath();
        String rawQuery = translated.query() != null ? translated.query() : uri.getRawQuery();
        byte[] body = translated.body();
        ServerHttpRequest forwarded = request.mutate()
                .uri(uriWith(uri, rawPath, rawQuery))
                .headers(headers -> {
                    if (translated.headers() != null) {
                        RouteTranslation.replace(headers, translated.headers());
                    }
                    if (body != null) {
                        headers.remove(HttpHeaders.TRANSFER_ENCODING);
                        if (decoded) {
                            // forwarded as translated: decoded, so no coding applies any more
                            headers.remove(HttpHeaders.CONTENT_ENCODING);
                        }
                        headers.setContentLength(body.length);
                    }
                })
                .build();
        return new Outcome(body == null ? forwarded : withBody(forwarded, body), null);
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
        return problem(HttpStatus.CONTENT_TOO_LARGE, ProblemType.BODY_TOO_LARGE, "Body too large",
                "the JSON body exceeds the limit of " + maxBodySize + " bytes that this gateway translates (dragoman.max-body-size)");
    }

    private ProblemDetail unsupportedCharset(String charset) {
        ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemType.UNSUPPORTED_CHARSET, "Unsupported charset",
                "the JSON body is in " + charset + "; this gateway translates JSON in UTF-8 only (RFC 8259): send it as UTF-8");
        problem.setProperty("charset", charset);
        return problem;
    }

    private ProblemDetail problem(HttpStatus status, ProblemType type, String title, String detail) {
        ProblemDetail problem = Problem.of(status, type, title, detail);
        problem.setProperty("route", route.route().id());
        return problem;
    }

    @Override
    public String toString() {
        return "RequestTranslationFilter[route=" + route.route().id() + ", path=" + rules.translatesPath() + ", query="
                + rules.translatesQuery() + ", headers=" + rules.translatesHeaders() + ", body=" + rules.translatesBody() + "]";
    }
}
