package dev.dragoman.gateway.problem;

import dev.dragoman.rules.Unresolved;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The RFC 9457 problems Dragoman answers with, one factory per kind. Each {@code type} is a
 * stable URI that clients and contract tests can match on; docs/HTTP.md lists them.
 */
public final class Problem {

    static final String TYPES = "https://dragoman.dev/problems/";

    private Problem() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }

    /** 422 (request) or 502 (response): identifiers the map cannot translate, every one of them. */
    public static ProblemDetail untranslatable(HttpStatus status, String route, String direction, List<Unresolved> unresolved) {
        return untranslatable(status, route, direction, unresolved, unresolved.size());
    }

    /**
     * 422 (request) or 502 (response): identifiers the map cannot translate, {@code listed} being
     * the first of them and {@code total} how many there are in all.
     */
    public static ProblemDetail untranslatable(HttpStatus status, String route, String direction, List<Unresolved> listed, int total) {
        List<Unresolved> unresolved = listed;
        Unresolved first = unresolved.get(0);
        String detail = unresolved.size() == 1
                ? "the " + direction + " holds " + describe(first) + ", which route " + route + " cannot translate"
                : "the " + direction + " holds " + unresolved.size() + " values that route " + route + " cannot translate, the first "
                        + describe(first);
        ProblemDetail problem = of(status, "untranslatable-identifier",
                status == HttpStatus.UNPROCESSABLE_CONTENT ? "Unknown identifier in the request" : "Unknown identifier in the response",
                detail);
        problem.setProperty("route", route);
        problem.setProperty("errors", unresolved.stream().map(Problem::error).toList());
        return problem;
    }

    private static String describe(Unresolved unresolved) {
        return "'" + unresolved.value() + "' at " + unresolved.location() + " (" + unresolved.rule() + ")";
    }

    /** One entry of a problem's {@code errors}: where, which value, which rule, why. */
    public static Map<String, Object> error(Unresolved unresolved) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("location", unresolved.location());
        error.put("value", unresolved.value());
        error.put("rule", unresolved.rule());
        error.put("reason", unresolved.reasonName());
        return error;
    }
}
