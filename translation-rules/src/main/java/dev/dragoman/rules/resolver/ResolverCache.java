package dev.dragoman.rules.resolver;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.dragoman.rules.model.ResolverSpec;
import dev.dragoman.rules.model.Scalar;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Caffeine in front of an {@link IdentifierResolver}: bounded by size, known answers kept for
 * {@code ttl}, "unknown" answers for {@code negative-ttl}, failures not kept at all, and each
 * question asked once however many requests wait on it.
 */
public final class ResolverCache {

    private final AsyncLoadingCache<ResolveRequest, Optional<Scalar>> cache;

    public ResolverCache(ResolverSpec spec, IdentifierResolver resolver) {
        this(spec, resolver, Ticker.systemTicker(), java.util.concurrent.ForkJoinPool.commonPool());
    }

    /** With a ticker and an executor of one's own: tests move time and run maintenance at once. */
    public ResolverCache(ResolverSpec spec, IdentifierResolver resolver, Ticker ticker, java.util.concurrent.Executor executor) {
        long timeoutNanos = spec.timeout().toNanos();
        this.cache = Caffeine.newBuilder()
                .maximumSize(spec.maximumSize())
                .ticker(ticker)
                .executor(executor)
                .expireAfter(new AnswerExpiry(spec.ttl().toNanos(), spec.negativeTtl().toNanos()))
                .buildAsync((request, loadExecutor) -> resolver.resolve(request).orTimeout(timeoutNanos, TimeUnit.NANOSECONDS));
    }

    /**
     * The cached answer without waiting: empty when the question is not answered yet;
     * otherwise the value, or an empty value when the thing is known to be unknown.
     */
    public Optional<Optional<Scalar>> cached(ResolveRequest request) {
        CompletableFuture<Optional<Scalar>> future = cache.getIfPresent(request);
        if (future == null || !future.isDone() || future.isCompletedExceptionally()) {
            return Optional.empty();
        }
        return Optional.of(future.join());
    }

    /** Asks (or joins the question already asked). */
    public CompletableFuture<Optional<Scalar>> resolve(ResolveRequest request) {
        CompletableFuture<Optional<Scalar>> earlier = cache.getIfPresent(request);
        if (earlier != null && earlier.isCompletedExceptionally()) {
            // Caffeine drops a failed future in a callback that may run after the caller has
            // already answered 503 and the next request has arrived; a failure is never an answer.
            cache.asMap().remove(request, earlier);
        }
        return cache.get(request);
    }

    /** Asks all; completes when every answer is in, failing if any lookup failed. */
    public CompletableFuture<Void> resolveAll(Collection<ResolveRequest> requests) {
        return CompletableFuture.allOf(requests.stream().map(this::resolve).toArray(CompletableFuture[]::new));
    }

    public long estimatedSize() {
        return cache.synchronous().estimatedSize();
    }

    private record AnswerExpiry(long ttlNanos, long negativeTtlNanos) implements Expiry<ResolveRequest, Optional<Scalar>> {
        @Override
        public long expireAfterCreate(ResolveRequest key, Optional<Scalar> value, long currentTime) {
            return value.isPresent() ? ttlNanos : negativeTtlNanos;
        }

        @Override
        public long expireAfterUpdate(ResolveRequest key, Optional<Scalar> value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(ResolveRequest key, Optional<Scalar> value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
