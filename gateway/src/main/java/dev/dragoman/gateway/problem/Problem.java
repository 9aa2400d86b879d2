package dev.dragoman.gateway.problem;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.dragoman.rules.Unresolved;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The RFC 9457 problems Dragoman answers with. Each {@code type} is one of {@link ProblemType},
 * a stable URI that clients and contract tests can match on.
 */
public final class Problem {

    private Problem() {
    }

    public static ProblemDetail of(HttpStatus status, ProblemType type, String title, String detail) {
        GatewayProblem problem = new GatewayProblem(status.value());
        problem.setDetail(detail);
        problem.setType(type.uri());
        problem.setTitle(title);
        return problem;
    }

    /**
     * A status of Spring's own that Dragoman gives no meaning of its own (a 405, say): typed
     * {@code .../problems/http-<code>} by the code it answers.
     */
    public static ProblemDetail ofHttpStatus(HttpStatus status, int code, String title, String detail) {
        GatewayProblem problem = new GatewayProblem(status.value());
        problem.setDetail(detail);
        problem.setType(URI.create(ProblemType.BASE + "http-" + code));
        problem.setTitle(title);
        return problem;
    }

    /**
     * Adds a detail that the operators see (in the log and under {@code /admin/problems/}) and the
     * caller never does: an upstream's address, a callee's value, a cause's message. A problem not
     * made here cannot carry one, which is a bug in the caller of this method.
     */
    public static ProblemDetail withInternal(ProblemDetail problem, String name, Object value) {
        if (!(problem instanceof GatewayProblem gatewayProblem)) {
            throw new IllegalArgumentException("only a problem made by Problem.of carries internal details, not " + problem.getClass());
        }
        gatewayProblem.putInternal(name, value);
        return problem;
    }

    /** The details for the operators only, empty when the problem has none. */
    public static Map<String, Object> internal(ProblemDetail problem) {
        return problem instanceof GatewayProblem gatewayProblem ? gatewayProblem.internal() : Map.of();
    }

    /** 422 (request) or 502 (response): identifiers the map cannot translate, every one of them. */
    public static ProblemDetail untranslatable(HttpStatus status, String route, String direction, List<Unresolved> unresolved) {
        return untranslatable(status, route, direction, unresolved, unresolved.size());
    }

    /**
     * 422 (request) or 502 (response): identifiers the map cannot translate, {@code listed} being
     * the first of them and {@code total} how many there are in all. At most
     * {@link Unresolved#REPORTED_LIMIT} are listed, whatever the caller passes, so that a body of
     * a million unknown codes is not answered with a million entries.
     *
     * <p>A response's values are the callee's vocabulary, which the caller must never see (SPEC
     * section 2): its entries name the location, rule and reason only, and the values go to the
     * operators ({@link #withInternal}).
     */
    public static ProblemDetail untranslatable(HttpStatus status, String route, String direction, List<Unresolved> listed, int total) {
        List<Unresolved> shown = listed.size() > Unresolved.REPORTED_LIMIT ? listed.subList(0, Unresolved.REPORTED_LIMIT) : listed;
        int count = Math.max(total, shown.size());
        boolean foreign = status != HttpStatus.UNPROCESSABLE_CONTENT;
        Unresolved first = shown.get(0);
        String detail = count == 1
                ? "the " + direction + " holds " + (foreign ? "a value " : "") + describe(first, foreign) + ", which route " + route
                        + " cannot translate"
                : "the " + direction + " holds " + String.format(Locale.ROOT, "%,d", count) + " values that route " + route
                        + " cannot translate, the first " + describe(first, foreign)
                        + (count > shown.size() ? " (the first " + shown.size() + " are listed in errors)" : "");
        ProblemDetail problem = of(status, ProblemType.UNTRANSLATABLE_IDENTIFIER,
                foreign ? "Unknown identifier in the response" : "Unknown identifier in the request", detail);
        problem.setProperty("route", route);
        problem.setProperty("count", count);
        problem.setProperty("errors", shown.stream().map(u -> foreign ? withoutValue(u) : error(u)).toList());
        if (foreign) {
            withInternal(problem, "errors", shown.stream().map(Problem::error).toList());
        }
        return problem;
    }

    private static String describe(Unresolved unresolved, boolean foreign) {
        return (foreign ? "" : "'" + unresolved.value() + "' ") + "at " + unresolved.location() + " (" + unresolved.rule() + ")";
    }

    /** One entry of a problem's {@code errors}: where, which value, which rule, why. */
    public static UnresolvedValue error(Unresolved unresolved) {
        return new UnresolvedValue(unresolved.location(), unresolved.value(), unresolved.rule(), unresolved.reasonName());
    }

    private static UnresolvedLocation withoutValue(Unresolved unresolved) {
        return new UnresolvedLocation(unresolved.location(), unresolved.rule(), unresolved.reasonName());
    }

    /** An entry of {@code errors}: a value that cannot be translated, where it is, by which rule and why. */
    @JsonPropertyOrder({"location", "value", "rule", "reason"})
    public record UnresolvedValue(String location, String value, String rule, String reason) {
    }

    /**
     * An entry of a response's {@code errors}: as {@link UnresolvedValue} without the value, which
     * is the callee's vocabulary and reaches the operators only.
     */
    @JsonPropertyOrder({"location", "rule", "reason"})
    record UnresolvedLocation(String location, String rule, String reason) {
    }
}
