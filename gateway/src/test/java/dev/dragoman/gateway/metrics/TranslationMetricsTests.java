package dev.dragoman.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.rules.Unresolved;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TranslationMetricsTests {

    @Test
    void countsEveryUnknownValue_theListedUnderTheirConcept_theRestUnlisted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TranslationMetrics metrics = new TranslationMetrics(registry);
        List<Unresolved> listed = IntStream.range(0, 100)
                .mapToObj(i -> new Unresolved("body $.codes[" + i + "]", "game.name->code", "v" + i, Unresolved.Reason.UNKNOWN, null))
                .toList();

        metrics.unknown("r", "request", listed, 666_667);

        assertThat(registry.get("dragoman.identifiers.unknown").tag("concept", "game").counter().count()).isEqualTo(100);
        assertThat(registry.get("dragoman.identifiers.unknown").tag("concept", "unlisted").counter().count()).isEqualTo(666_567);
        assertThat(registry.getMeters()).hasSize(2);
    }
}
