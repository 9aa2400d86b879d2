package dev.dragoman.rules.resolver;

import dev.dragoman.rules.model.Scalar;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Looks identifiers up where no table holds them (users, orders: spaces too large to list).
 * The gateway implements it over HTTP; the answers are cached by {@link ResolverCache}.
 */
@FunctionalInterface
public interface IdentifierResolver {

    /**
     * The value in the target context, empty when the thing is unknown there. A failed future
     * (the service is down or slow) is not cached, so the next request asks again.
     */
    CompletableFuture<Optional<Scalar>> resolve(ResolveRequest request);
}
