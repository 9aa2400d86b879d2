package dev.dragoman.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.rules.Unresolved;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

class ProblemTests {

    static List<Unresolved> unknown(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new Unresolved("body $.codes[" + i + "]", "game.code", String.valueOf(900_000 + i), Unresolved.Reason.UNKNOWN, null))
                .toList();
    }

    @Test
    void listsAtMostTheReportedLimit_andCountsEveryValue() {
        ProblemDetail problem = Problem.untranslatable(HttpStatus.UNPROCESSABLE_CONTENT, "r", "request", unknown(100), 666_667);

        assertThat(problem.getProperties()).containsEntry("count", 666_667);
        assertThat((List<?>) problem.getProperties().get("errors")).hasSize(100);
        assertThat(problem.getDetail()).isEqualTo("the request holds 666,667 values that route r cannot translate, the first '900000'"
                + " at body $.codes[0] (game.code) (the first 100 are listed in errors)");
    }

    @Test
    void cutsALongerListItIsGiven() {
        ProblemDetail problem = Problem.untranslatable(HttpStatus.UNPROCESSABLE_CONTENT, "r", "request", unknown(5_000));

        assertThat((List<?>) problem.getProperties().get("errors")).hasSize(Unresolved.REPORTED_LIMIT);
        assertThat(problem.getProperties()).containsEntry("count", 5_000);
    }

    @Test
    void oneValueIsNamedInTheDetail() {
        ProblemDetail problem = Problem.untranslatable(HttpStatus.UNPROCESSABLE_CONTENT, "r", "request", unknown(1));

        assertThat(problem.getDetail()).isEqualTo("the request holds '900000' at body $.codes[0] (game.code), which route r cannot translate");
        assertThat(problem.getProperties()).containsEntry("count", 1);
    }

    @Test
    void aResponsesValuesReachOnlyTheOperators() {
        ProblemDetail problem = Problem.untranslatable(HttpStatus.BAD_GATEWAY, "r", "response", unknown(3));
        String wire = new String(ProblemWriter.bytes(problem), StandardCharsets.UTF_8);

        assertThat(wire).doesNotContain("900000").doesNotContain("900001").contains("body $.codes[0]").contains("\"count\":3");
        assertThat(problem.getDetail()).isEqualTo("the response holds 3 values that route r cannot translate, the first at"
                + " body $.codes[0] (game.code)");
        assertThat(Problem.internal(problem).toString()).contains("900000", "900001", "900002");
    }

    @Test
    void internalDetailsNeverReachTheWire() {
        ProblemDetail problem = Problem.withInternal(Problem.of(HttpStatus.BAD_GATEWAY, ProblemType.UPSTREAM_UNAVAILABLE, "T", "d"), "upstream", "http://10.0.0.7:81");

        assertThat(new String(ProblemWriter.bytes(problem), StandardCharsets.UTF_8)).doesNotContain("10.0.0.7");
        assertThat(Problem.internal(problem)).isEqualTo(Map.of("upstream", "http://10.0.0.7:81"));
        assertThatThrownBy(() -> Problem.withInternal(ProblemDetail.forStatus(500), "x", "y")).isInstanceOf(IllegalArgumentException.class);
    }
}
