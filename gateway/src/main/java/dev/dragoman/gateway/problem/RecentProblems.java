package dev.dragoman.gateway.problem;

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
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("requestId", id);
        if (clock != null) {
            record.put("at", clock.instant().toString());
        }
        record.put("method", method);
        record.put("path", path);
        record.put("status", problem.getStatus());
        record.put("type", problem.getType().toString());
        record.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            problem.getProperties().forEach((name, value) -> {
                if (!"requestId".equals(name)) {
                    record.put(name, value);
                }
            });
        }
        Map<String, Object> internal = Problem.internal(problem);
        if (!internal.isEmpty()) {
            record.put("internal", internal);
        }
        return JsonAnswers.JSON.writeValueAsString(bounded(record));
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
        return value;
    }
}
