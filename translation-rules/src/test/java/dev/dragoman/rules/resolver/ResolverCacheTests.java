package dev.dragoman.rules.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.rules.model.ResolverSpec;
import dev.dragoman.rules.model.Scalar;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ResolverCacheTests {

    private static final ResolverSpec SPEC = new ResolverSpec(URI.create("http://127.0.0.1:1/resolve"), Duration.ofSeconds(5), 3,
            Duration.ofMinutes(10), Duration.ofSeconds(30));

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger asked = new AtomicInteger();
    private final Map<String, String> known = Map.of("u1", "A-1", "u2", "A-2", "u3", "A-3", "u4", "A-4");

    /** An in-process service: answers from a map, counting the questions it is asked. */
    private final IdentifierResolver service = request -> {
        asked.incrementAndGet();
        return CompletableFuture.completedFuture(Optional.ofNullable(known.get(request.value())).map(Scalar::string));
    };

    private final ResolverCache cache = new ResolverCache(SPEC, service, nanos::get, Runnable::run);

    private static ResolveRequest ask(String value) {
        return new ResolveRequest("user", "web-support", "id", "game-dept", "id", value);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Test
    void hasNoAnswerBeforeTheQuestionIsAsked() {
        assertThat(cache.cached(ask("u1"))).isEmpty();
        assertThat(asked).hasValue(0);
    }

    @Test
    void keepsAKnownAnswerForItsTtl() {
        assertThat(cache.resolve(ask("u1")).join()).contains(Scalar.string("A-1"));
        assertThat(cache.cached(ask("u1"))).contains(Optional.of(Scalar.string("A-1")));
        advance(Duration.ofMinutes(9));
        assertThat(cache.cached(ask("u1"))).isPresent();
        advance(Duration.ofMinutes(2));
        assertThat(cache.cached(ask("u1"))).isEmpty();
        assertThat(asked).hasValue(1);
    }

    @Test
    void keepsAnUnknownAnswerOnlyForTheNegativeTtl() {
        assertThat(cache.resolve(ask("nobody")).join()).isEmpty();
        assertThat(cache.cached(ask("nobody"))).contains(Optional.empty());
        advance(Duration.ofSeconds(31));
        assertThat(cache.cached(ask("nobody"))).isEmpty();
    }

    @Test
    void asksEachQuestionOnceHoweverManyWait() {
        CompletableFuture<Optional<Scalar>> pending = new CompletableFuture<>();
        ResolverCache slow = new ResolverCache(SPEC, request -> {
            asked.incrementAndGet();
            return pending;
        }, nanos::get, Runnable::run);
        CompletableFuture<Optional<Scalar>> first = slow.resolve(ask("u1"));
        CompletableFuture<Optional<Scalar>> second = slow.resolve(ask("u1"));
        assertThat(slow.cached(ask("u1"))).as("not answered yet").isEmpty();
        pending.complete(Optional.of(Scalar.string("A-1")));
        assertThat(first.join()).isEqualTo(second.join()).contains(Scalar.string("A-1"));
        assertThat(asked).hasValue(1);
    }

    @Test
    void doesNotKeepFailuresSoTheNextRequestAsksAgain() {
        AtomicInteger calls = new AtomicInteger();
        ResolverCache flaky = new ResolverCache(SPEC, request -> calls.incrementAndGet() == 1
                ? CompletableFuture.failedFuture(new IllegalStateException("service down"))
                : CompletableFuture.completedFuture(Optional.of(Scalar.string("A-1"))), nanos::get, Runnable::run);
        assertThatThrownBy(() -> flaky.resolve(ask("u1")).join()).isInstanceOf(CompletionException.class);
        assertThat(flaky.cached(ask("u1"))).isEmpty();
        assertThat(flaky.resolve(ask("u1")).join()).contains(Scalar.string("A-1"));
        assertThat(calls).hasValue(2);
    }

    /**
     * A caller sees the failure before Caffeine's own callback drops it (dependents of a future run
     * last-registered first); a question asked in that moment must still be asked again, not be
     * handed the failure. CI once saw exactly this as a 503 after the resolver had recovered.
     */
    @Test
    void aQuestionAskedWhileAFailureIsBeingReportedIsAskedAgain() {
        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<Optional<Scalar>> firstAnswer = new CompletableFuture<>();
        ResolverCache recovering = new ResolverCache(SPEC, request -> calls.incrementAndGet() == 1
                ? firstAnswer
                : CompletableFuture.completedFuture(Optional.of(Scalar.string("A-1"))), nanos::get, Runnable::run);
        CompletableFuture<Optional<Scalar>> askedOnFailure = recovering.resolve(ask("u1"))
                .handle((value, failure) -> recovering.resolve(ask("u1")))
                .thenCompose(next -> next);

        firstAnswer.completeExceptionally(new ResolverUnavailableException("user", "it answered 503", null, "down", null));

        assertThat(askedOnFailure.join()).contains(Scalar.string("A-1"));
        assertThat(calls).hasValue(2);
    }

    @Test
    void givesUpOnASlowServiceAfterTheTimeout() {
        ResolverSpec quick = new ResolverSpec(SPEC.url(), Duration.ofMillis(50), 10, SPEC.ttl(), SPEC.negativeTtl());
        ResolverCache hanging = new ResolverCache(quick, request -> new CompletableFuture<>());
        assertThatThrownBy(() -> hanging.resolve(ask("u1")).join()).hasCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void doesNotKeepATimeoutEither_soTheNextRequestAsksAgain() {
        ResolverSpec quick = new ResolverSpec(SPEC.url(), Duration.ofMillis(50), 10, SPEC.ttl(), SPEC.negativeTtl());
        AtomicInteger calls = new AtomicInteger();
        ResolverCache slowThenBack = new ResolverCache(quick, request -> calls.incrementAndGet() == 1
                ? new CompletableFuture<>()
                : CompletableFuture.completedFuture(Optional.of(Scalar.string("A-1"))));
        assertThatThrownBy(() -> slowThenBack.resolve(ask("u1")).join()).hasCauseInstanceOf(TimeoutException.class);

        assertThat(slowThenBack.cached(ask("u1"))).isEmpty();
        assertThat(slowThenBack.resolve(ask("u1")).join()).contains(Scalar.string("A-1"));
        assertThat(calls).hasValue(2);
    }

    @Test
    void keepsOnlyA404sUnknown_notAFailure_forTheNegativeTtl() {
        AtomicInteger calls = new AtomicInteger();
        ResolverCache down = new ResolverCache(SPEC, request -> {
            calls.incrementAndGet();
            return CompletableFuture.failedFuture(new ResolverUnavailableException("user", "it answered 503", null, "down", null));
        }, nanos::get, Runnable::run);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> down.resolve(ask("u1")).join()).hasCauseInstanceOf(ResolverUnavailableException.class);
            assertThat(down.cached(ask("u1"))).isEmpty();
        }
        assertThat(calls).hasValue(3);
    }

    @Test
    void holdsNoMoreThanTheMaximumSize() {
        cache.resolveAll(java.util.List.of(ask("u1"), ask("u2"), ask("u3"), ask("u4"))).join();
        assertThat(cache.estimatedSize()).isLessThanOrEqualTo(3);
    }
}
