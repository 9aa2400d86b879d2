package dev.dragoman.gateway.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ProblemDetail;

/**
 * The problems answered lately, each with what the caller was not told (the upstream's address,
 * the callee's values, the cause), for {@code GET /admin/problems/{requestId}}. Bounded by size
 * and time, so that a flood of bad requests costs a fixed amount of memory; kept as the JSON the
 * admin API answers, weighed by its length.
 */
public final class RecentProblems {

    /** Longest text kept of any one member: a value may be as long as the body it came in. */
    static final int MAX_TEXT = 512;

    private final Cache<String, byte[]> problems;
    private final Clock clock;

    public RecentProblems(Clock clock, long maxBytes, Duration keep) {
        this.clock = clock;
        this.problems = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String id, byte[] json) -> json.length)
                .expireAfterWrite(keep)
                .build();
    }

    /** The problem as the operators see it, as JSON; empty when unknown, evicted or expired. */
    public Optional<byte[]> find(String requestId) {
        return Optional.ofNullable(problems.getIfPresent(requestId));
    }

    /** Evicts now what is over the bounds; Caffeine otherwise does it soon after, on another thread. */
    void cleanUp() {
        problems.cleanUp();
    }

    void keep(RequestTrace trace, String path, ProblemDetail problem) {
        problems.put(trace.id(), record(trace.id(), trace.method(), path, problem, clock).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One problem with everything known about it, as one line of JSON (whose escapes keep a
     * caller's line breaks out of the log).
     */
    static String record(String id, String method, String path, ProblemDetail problem, Clock clock) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (problem.getProperties() != null) {
            problem.getProperties().forEach((name, value) -> {
                if (!"requestId".equals(name)) {
                    properties.put(name, value);
                }
            });
        }
        Map<String, Object> internal = Problem.internal(problem);
        return JsonAnswers.JSON.writeValueAsString(new Kept(cut(id), clock == null ? null : clock.instant().toString(), cut(method),
                cut(path), problem.getStatus(), cut(problem.getType().toString()), cut(problem.getDetail()),
                cut(properties), internal.isEmpty() ? null : cut(internal)));
    }

    /**
     * A problem as kept: where and when it was answered, what the caller was told, the problem's
     * own members in their order (the route, the unresolved identifiers...), and what the caller
     * was not told.
     *
     * @param at null when no clock is at hand (the log line has a time of its own)
     * @param internal null when there is nothing the caller was not told
     */
    @JsonPropertyOrder({"requestId", "at", "method", "path", "status", "type", "detail", "properties", "internal"})
    record Kept(String requestId, @JsonInclude(JsonInclude.Include.NON_NULL) String at, String method, String path, int status,
            String type, String detail, @JsonAnyGetter Map<String, Object> properties,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> internal) {
    }

    private static String cut(String text) {
        return text == null ? null : (String) bounded(text);
    }

    private static Map<String, Object> cut(Map<String, Object> members) {
        Map<String, Object> copy = new LinkedHashMap<>();
        members.forEach((name, value) -> copy.put(name, bounded(value)));
        return copy;
    }

    /** A copy whose texts are cut at {@link #MAX_TEXT} characters. */
    private static Object bounded(Object value) {
        if (value instanceof CharSequence text) {
            return text.length() <= MAX_TEXT ? text.toString()
                    : text.subSequence(0, MAX_TEXT) + "... (" + text.length() + " characters)";
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, bounded(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(bounded(v)));
            return copy;
        }
        if (value instanceof Record view) {
            // a view such as the admin API's errors of a load: its members, in order, cut like a map's
            return bounded(JsonAnswers.JSON.convertValue(view, Map.class));
        }
        return value;
    }
}
