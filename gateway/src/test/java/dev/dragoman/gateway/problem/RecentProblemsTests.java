package dev.dragoman.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

class RecentProblemsTests {

    final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void keepsAProblemWithWhatTheCallerWasNotTold() {
        RecentProblems problems = new RecentProblems(clock, 1 << 20, Duration.ofHours(1));
        ProblemDetail problem = Problem.withInternal(Problem.of(HttpStatus.BAD_GATEWAY, ProblemType.UPSTREAM_UNAVAILABLE, "U", "d"), "upstream",
                "http://10.0.0.7:81/x");
        problem.setProperty("route", "r");

        problems.keep(new RequestTrace("abc", "GET", problems), "/r/x", problem);

        assertThat(new String(problems.find("abc").orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("{\"requestId\":\"abc\","
                + "\"at\":\"2026-12-01T10:00:00Z\",\"method\":\"GET\",\"path\":\"/r/x\",\"status\":502,"
                + "\"type\":\"https://dragoman.dev/problems/upstream-unavailable\",\"detail\":\"d\",\"route\":\"r\","
                + "\"internal\":{\"upstream\":\"http://10.0.0.7:81/x\"}}");
        assertThat(problems.find("nope")).isEmpty();
    }

    @Test
    void cutsLongTexts_soThatAProblemCostsABoundedAmount() {
        RecentProblems problems = new RecentProblems(clock, 1 << 20, Duration.ofHours(1));
        ProblemDetail problem = Problem.of(HttpStatus.UNPROCESSABLE_CONTENT, ProblemType.UNTRANSLATABLE_IDENTIFIER, "T", "x".repeat(100_000));

        problems.keep(new RequestTrace("long", "POST", problems), "/r", problem);

        assertThat(problems.find("long").orElseThrow().length).isLessThan(1_000);
        assertThat(new String(problems.find("long").orElseThrow(), StandardCharsets.UTF_8)).contains("... (100000 characters)");
    }

    @Test
    void isBoundedBySize() {
        RecentProblems problems = new RecentProblems(clock, 10_000, Duration.ofHours(1));

        for (int i = 0; i < 1_000; i++) {
            problems.keep(new RequestTrace("id-" + i, "GET", problems), "/r", Problem.of(HttpStatus.NOT_FOUND, ProblemType.NO_ROUTE, "N", "d"));
        }

        problems.cleanUp();
        long kept = java.util.stream.IntStream.range(0, 1_000).filter(i -> problems.find("id-" + i).isPresent()).count();
        assertThat(kept).isBetween(1L, 100L);
    }
}
