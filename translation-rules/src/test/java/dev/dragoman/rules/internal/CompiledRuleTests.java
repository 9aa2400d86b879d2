package dev.dragoman.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.rules.Unresolved;
import dev.dragoman.rules.model.Concept;
import dev.dragoman.rules.model.IdentifierRef;
import dev.dragoman.rules.model.IdentifierTable;
import dev.dragoman.rules.model.ResolverSpec;
import dev.dragoman.rules.model.Scalar;
import dev.dragoman.rules.resolver.ResolverCache;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CompiledRuleTests {

    private static Concept game() {
        IdentifierTable.Builder table = new IdentifierTable.Builder(1);
        int row = table.newRow();
        table.put(row, "a", "code", Scalar.number("1"));
        table.put(row, "b", "code", Scalar.number("1001"));
        return new Concept("game", Map.of("a", List.of("code"), "b", List.of("code")), table.build(), null);
    }

    @Test
    void translatesANullTextAsUnknown() {
        CompiledRule rule = new CompiledRule(IdentifierRef.parse("game.code"), game(), "a", "b", null);

        assertThat(rule.translate(null).reason()).isEqualTo(Unresolved.Reason.UNKNOWN);
        assertThat(rule.translate(null).translated()).isFalse();
        assertThat(rule.translate("1").value()).isEqualTo(Scalar.number("1001"));
    }

    @Test
    void neverAsksTheResolverAboutANullText() {
        AtomicInteger asked = new AtomicInteger();
        ResolverCache resolver = new ResolverCache(new ResolverSpec(URI.create("http://127.0.0.1:1/resolve"), Duration.ofSeconds(1), 10,
                Duration.ofMinutes(1), Duration.ofSeconds(1)), request -> {
                    asked.incrementAndGet();
                    return CompletableFuture.completedFuture(java.util.Optional.empty());
                }, () -> 0L, Runnable::run);
        CompiledRule rule = new CompiledRule(IdentifierRef.parse("game.code"), game(), "a", "b", resolver);

        CompiledRule.Outcome outcome = rule.translate(null);

        assertThat(outcome.reason()).isEqualTo(Unresolved.Reason.UNKNOWN);
        assertThat(outcome.lookup()).isNull();
        assertThat(asked).hasValue(0);
    }
}
