package dev.dragoman.gateway.resolver;

import dev.dragoman.rules.model.Concept;
import dev.dragoman.rules.model.ResolverSpec;
import dev.dragoman.rules.model.Scalar;
import dev.dragoman.rules.resolver.IdentifierResolver;
import dev.dragoman.rules.resolver.ResolveRequest;
import dev.dragoman.rules.resolver.ResolverUnavailableException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.springframework.core.codec.CodecException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A concept's {@code resolver}, asked over HTTP as docs/MAP-FORMAT.md fixes it:
 * {@code GET <url>?concept=&from=&field=&to=&target=&value=}, answered {@code 200 {"value": ...}}
 * or {@code 404} for unknown. Only a 404 means unknown. Any other status, an answer without a
 * single value, or a service that cannot be reached fails with a {@link ResolverUnavailableException},
 * and one slower than the timeout with a {@link TimeoutException}: neither is cached, so the next
 * request asks again.
 */
public final class HttpIdentifierResolver implements IdentifierResolver {

    private final WebClient client;
    private final ResolverSpec spec;
    private final String concept;

    public HttpIdentifierResolver(WebClient client, Concept concept) {
        this.client = client;
        this.spec = concept.resolverSpec().orElseThrow(() -> new IllegalArgumentException("concept " + concept.name() + " has no resolver"));
        this.concept = concept.name();
    }

    @Override
    public CompletableFuture<Optional<Scalar>> resolve(ResolveRequest request) {
        URI uri = UriComponentsBuilder.fromUri(spec.url())
                .queryParam("concept", request.concept())
                .queryParam("from", request.fromContext())
                .queryParam("field", request.fromField())
                .queryParam("to", request.toContext())
                .queryParam("target", request.toField())
                .queryParam("value", request.value())
                .encode()
                .build()
                .toUri();
        return client.get().uri(uri)
                .exchangeToMono(response -> answer(uri, response))
                .onErrorMap(e -> !(e instanceof ResolverUnavailableException), e -> failure(uri, e))
                .timeout(spec.timeout())
                .toFuture();
    }

    private Mono<Optional<Scalar>> answer(URI uri, ClientResponse response) {
        int status = response.statusCode().value();
        if (status == HttpStatus.NOT_FOUND.value()) {
            return response.releaseBody().thenReturn(Optional.empty());
        }
        if (status != HttpStatus.OK.value()) {
            Duration retryAfter = retryAfter(response.headers().asHttpHeaders());
            return response.releaseBody().then(Mono.error(new ResolverUnavailableException(concept, "it answered " + status, retryAfter,
                    "the resolver of concept " + concept + " answered " + status + " to GET " + uri, null)));
        }
        return response.bodyToMono(JsonNode.class)
                .switchIfEmpty(Mono.error(() -> malformed(uri, "an empty body", null)))
                .map(answer -> Optional.of(scalar(uri, answer.get("value"))));
    }

    private Scalar scalar(URI uri, JsonNode value) {
        if (value == null || !value.isValueNode() || value.isNull()) {
            throw malformed(uri, "without a single \"value\"", null);
        }
        if (value.isNumber()) {
            return Scalar.number(value.asString());
        }
        if (value.isBoolean()) {
            return new Scalar(value.asString(), Scalar.Kind.BOOLEAN);
        }
        return Scalar.string(value.asString());
    }

    private Throwable failure(URI uri, Throwable e) {
        if (e instanceof TimeoutException) {
            return e;
        }
        if (e instanceof CodecException) {
            return malformed(uri, "with a body that is not JSON", e);
        }
        String reason = e instanceof WebClientRequestException ? "it could not be reached" : "asking it failed";
        return new ResolverUnavailableException(concept, reason, null,
                "the resolver of concept " + concept + " failed on GET " + uri + ": " + e, e);
    }

    private ResolverUnavailableException malformed(URI uri, String what, Throwable cause) {
        return new ResolverUnavailableException(concept, "it answered " + what, null,
                "the resolver of concept " + concept + " answered GET " + uri + " " + what + " (it should be {\"value\": ...} or a 404)",
                cause);
    }

    /** {@code Retry-After} in seconds; the HTTP-date form is rare from a service and is left out. */
    private static Duration retryAfter(HttpHeaders headers) {
        String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
