package dev.dragoman.gateway.resolver;

import dev.dragoman.rules.model.Concept;
import dev.dragoman.rules.model.ResolverSpec;
import dev.dragoman.rules.model.Scalar;
import dev.dragoman.rules.resolver.IdentifierResolver;
import dev.dragoman.rules.resolver.ResolveRequest;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A concept's {@code resolver}, asked over HTTP as docs/MAP-FORMAT.md fixes it:
 * {@code GET <url>?concept=&from=&field=&to=&target=&value=}, answered {@code 200 {"value": ...}}
 * or {@code 404} for unknown. Any other answer, a timeout or a dead service fails the lookup
 * (not cached, so the next request asks again).
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
        var uri = UriComponentsBuilder.fromUri(spec.url())
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
                .retrieve()
                .bodyToMono(JsonNode.class)
                .map(answer -> Optional.of(scalar(answer.get("value"))))
                .onErrorResume(WebClientResponseException.class,
                        e -> e.getStatusCode() == HttpStatus.NOT_FOUND ? Mono.just(Optional.empty()) : Mono.error(e))
                .timeout(spec.timeout())
                .toFuture();
    }

    private Scalar scalar(JsonNode value) {
        if (value == null || !value.isValueNode() || value.isNull()) {
            throw new IllegalStateException("resolver of concept " + concept + " answered without a single \"value\": " + value);
        }
        if (value.isNumber()) {
            return Scalar.number(value.asString());
        }
        if (value.isBoolean()) {
            return new Scalar(value.asString(), Scalar.Kind.BOOLEAN);
        }
        return Scalar.string(value.asString());
    }
}
