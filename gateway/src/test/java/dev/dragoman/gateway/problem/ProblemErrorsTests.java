package dev.dragoman.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.gateway.intake.EventProblems;
import dev.dragoman.rules.Unresolved;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The entries of a problem's {@code errors} keep the JSON docs/HTTP.md shows, on the wire and as
 * kept for the operators: the same names, in the same order, a response's values only for them.
 */
class ProblemErrorsTests {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

    final List<Unresolved> unknown = List.of(
            new Unresolved("body $.codes[0]", "game.code", "900000", Unresolved.Reason.UNKNOWN, null),
            new Unresolved("path", "game.code", "x", Unresolved.Reason.UNKNOWN, null));

    @Test
    void aRequestsErrors_nameTheirValues() {
        ProblemDetail problem = Problem.untranslatable(HttpStatus.UNPROCESSABLE_CONTENT, "r", "request", unknown);

        assertThat(wire(problem)).isEqualTo("{\"type\":\"https://dragoman.dev/problems/untranslatable-identifier\","
                + "\"title\":\"Unknown identifier in the request\",\"status\":422,"
                + "\"detail\":\"the request holds 2 values that route r cannot translate,"
                + " the first '900000' at body $.codes[0] (game.code)\",\"route\":\"r\",\"count\":2,"
                + "\"errors\":[{\"location\":\"body $.codes[0]\",\"value\":\"900000\",\"rule\":\"game.code\","
                + "\"reason\":\"unknown\"},{\"location\":\"path\",\"value\":\"x\",\"rule\":\"game.code\","
                + "\"reason\":\"unknown\"}]}");
        assertThat(RecentProblems.record("id-1", "GET", "/p", problem, CLOCK)).isEqualTo("{\"requestId\":\"id-1\",\"at\":\"2030-01-01T00:00:00Z\",\"method\":\"GET\",\"path\":\"/p\","
                + "\"status\":422,\"type\":\"https://dragoman.dev/problems/untranslatable-identifier\","
                + "\"detail\":\"the request holds 2 values that route r cannot translate,"
                + " the first '900000' at body $.codes[0] (game.code)\",\"route\":\"r\",\"count\":2,"
                + "\"errors\":[{\"location\":\"body $.codes[0]\",\"value\":\"900000\",\"rule\":\"game.code\","
                + "\"reason\":\"unknown\"},{\"location\":\"path\",\"value\":\"x\",\"rule\":\"game.code\","
                + "\"reason\":\"unknown\"}]}");
    }

    @Test
    void aResponsesErrors_leaveTheirValuesToTheOperators() {
        ProblemDetail problem = Problem.untranslatable(HttpStatus.BAD_GATEWAY, "r", "response", unknown);

        assertThat(wire(problem)).isEqualTo("{\"type\":\"https://dragoman.dev/problems/untranslatable-identifier\","
                + "\"title\":\"Unknown identifier in the response\",\"status\":502,"
                + "\"detail\":\"the response holds 2 values that route r cannot translate,"
                + " the first at body $.codes[0] (game.code)\",\"route\":\"r\",\"count\":2,"
                + "\"errors\":[{\"location\":\"body $.codes[0]\",\"rule\":\"game.code\",\"reason\":\"unknown\"},"
                + "{\"location\":\"path\",\"rule\":\"game.code\",\"reason\":\"unknown\"}]}");
        assertThat(RecentProblems.record("id-1", "GET", "/p", problem, CLOCK)).isEqualTo("{\"requestId\":\"id-1\",\"at\":\"2030-01-01T00:00:00Z\",\"method\":\"GET\",\"path\":\"/p\","
                + "\"status\":502,\"type\":\"https://dragoman.dev/problems/untranslatable-identifier\","
                + "\"detail\":\"the response holds 2 values that route r cannot translate,"
                + " the first at body $.codes[0] (game.code)\",\"route\":\"r\",\"count\":2,"
                + "\"errors\":[{\"location\":\"body $.codes[0]\",\"rule\":\"game.code\",\"reason\":\"unknown\"},"
                + "{\"location\":\"path\",\"rule\":\"game.code\",\"reason\":\"unknown\"}],"
                + "\"internal\":{\"errors\":[{\"location\":\"body $.codes[0]\",\"value\":\"900000\","
                + "\"rule\":\"game.code\",\"reason\":\"unknown\"},{\"location\":\"path\",\"value\":\"x\","
                + "\"rule\":\"game.code\",\"reason\":\"unknown\"}]}}");
    }

    @Test
    void anEventsErrors_nameTheirReceiverFirst() {
        Map<String, List<Unresolved>> byReceiver = new LinkedHashMap<>();
        byReceiver.put("product", unknown);
        ProblemDetail problem = EventProblems.untranslatable("order.placed", byReceiver);

        assertThat(wire(problem)).isEqualTo("{\"type\":\"https://dragoman.dev/problems/untranslatable-identifier\","
                + "\"title\":\"Unknown identifier in the event\",\"status\":422,"
                + "\"detail\":\"the event's data holds 2 values that cannot be translated,"
                + " the first '900000' at body $.codes[0] (game.code) for product; nothing was stored\","
                + "\"eventType\":\"order.placed\",\"errors\":[{\"receiver\":\"product\","
                + "\"location\":\"body $.codes[0]\",\"value\":\"900000\",\"rule\":\"game.code\","
                + "\"reason\":\"unknown\"},{\"receiver\":\"product\",\"location\":\"path\",\"value\":\"x\","
                + "\"rule\":\"game.code\",\"reason\":\"unknown\"}]}");
    }

    private static String wire(ProblemDetail problem) {
        return new String(ProblemWriter.bytes(problem), StandardCharsets.UTF_8);
    }
}
