package dev.dragoman.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.rules.model.Route;
import dev.dragoman.rules.model.RoutePolicies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A route's policies ({@code methods}, {@code timeout}, {@code retry}, {@code circuit-breaker},
 * {@code rate-limit}, {@code cors}): what loads, every bad value refused at its file, line and
 * key, and what {@code check} finds that cannot apply. The route's policy lines start at line 9
 * of {@code maps.yaml}.
 */
class RoutePolicyLoadTests {

    private static final String HEAD = """
            contexts:
              game-dept: {}
              web-support: {}
            routes:
              - id: r
                from: web-support
                to: game-dept
                path: /r/**
                upstream: http://127.0.0.1:9101
            """;

    @TempDir
    Path dir;

    @Test
    void load_everyPolicy_intoOneRecordOfTheRoute() throws IOException {
        var maps = load("""
                    methods: [GET, PUT]
                    timeout: PT2S
                    retry: {retries: 2, backoff: PT0.1S}
                    circuit-breaker: {failure-rate: 40, window: 10, minimum-calls: 5, open-for: PT20S, half-open-calls: 2}
                    rate-limit: {requests: 100, period: PT1M, burst: 10}
                    cors:
                      origins: [https://support.example.com, "https://*.example.org"]
                      headers: [X-Api-Key, Content-Type]
                      max-age: PT1H
                """);

        RoutePolicies policies = maps.route("r").orElseThrow().policies();

        assertThat(policies.methods()).containsExactly("GET", "PUT");
        assertThat(policies.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(policies.retry()).isEqualTo(new RoutePolicies.Retry(2, Duration.ofMillis(100), Duration.ofSeconds(1)));
        assertThat(policies.circuitBreaker()).isEqualTo(new RoutePolicies.CircuitBreaker(40, 10, 5, Duration.ofSeconds(20), 2));
        assertThat(policies.rateLimit()).isEqualTo(new RoutePolicies.RateLimit(100, Duration.ofMinutes(1), 10));
        assertThat(policies.rateLimit().refresh()).isEqualTo(Duration.ofSeconds(6));
        assertThat(policies.cors().origins()).containsExactly("https://support.example.com", "https://*.example.org");
        assertThat(policies.cors().methods()).isEmpty();
        assertThat(policies.cors().maxAge()).isEqualTo(Duration.ofHours(1));
        assertThat(policies.retriable()).containsExactly("GET", "PUT");
    }

    @Test
    void load_noPolicies_isNone_andTheOldConstructorMeansNone() throws IOException {
        Route route = load("").route("r").orElseThrow();

        assertThat(route.policies()).isSameAs(RoutePolicies.NONE);
        assertThat(new Route(route.id(), route.from(), route.to(), route.path(), route.stripPrefix(), route.upstream(), route.onUnknown(),
                route.request(), route.response())).isEqualTo(route);
    }

    @Test
    void load_defaults_forWhatIsLeftOut() throws IOException {
        RoutePolicies policies = load("""
                    circuit-breaker: {}
                    rate-limit: {requests: 5, period: PT1S}
                    retry: {retries: 1}
                """).route("r").orElseThrow().policies();

        assertThat(policies.circuitBreaker()).isEqualTo(new RoutePolicies.CircuitBreaker(50, 20, 10, Duration.ofSeconds(30), 3));
        assertThat(policies.rateLimit().burst()).isEqualTo(5);
        assertThat(policies.retry()).isEqualTo(new RoutePolicies.Retry(1, Duration.ofMillis(50), Duration.ofSeconds(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void load_badValue_isOneErrorAtItsKey(String test, String policy, String where, String message, String hint) throws IOException {
        write(HEAD + policy);

        LoadResult result = ContextMaps.load(dir);

        assertThat(result.errors()).as(result.describeErrors()).hasSize(1);
        LoadError error = result.errors().get(0);
        assertThat(error.file().getFileName() + ":" + error.line() + ": " + error.keyPath()).as(error.toString()).isEqualTo(where);
        assertThat(error.message()).contains(message);
        assertThat(error.hint()).contains(hint);
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("methodTypo", "    methods: [GET, PACH]\n", "maps.yaml:10: routes[0].methods[1]",
                        "unknown method 'PACH'", "did you mean 'PATCH'?"),
                Arguments.of("methodLowerCase", "    methods: [get]\n", "maps.yaml:10: routes[0].methods[0]",
                        "method 'get' must be written GET", ""),
                Arguments.of("methodTwice", "    methods:\n      - GET\n      - GET\n", "maps.yaml:12: routes[0].methods[1]",
                        "method GET is named twice", "name it once"),
                Arguments.of("methodsEmpty", "    methods: []\n", "maps.yaml:10: routes[0].methods",
                        "methods is empty", "leave methods out"),
                Arguments.of("timeoutNotIso", "    timeout: 2s\n", "maps.yaml:10: routes[0].timeout",
                        "'2s' is not an ISO-8601 duration", "PT30S"),
                Arguments.of("timeoutZero", "    timeout: PT0S\n", "maps.yaml:10: routes[0].timeout",
                        "a duration must be positive but was PT0S", "ISO-8601"),
                Arguments.of("retryWithoutRetries", "    retry: {backoff: PT1S}\n", "maps.yaml:10: routes[0].retry.retries",
                        "'retries' is required", "retry: {retries: 2}"),
                Arguments.of("retryTooMany", "    retry:\n      retries: 50\n", "maps.yaml:11: routes[0].retry.retries",
                        "retries must be between 1 and 10 but was 50", ""),
                Arguments.of("retryBadBackoff", "    retry:\n      retries: 2\n      backoff: 100ms\n", "maps.yaml:12: routes[0].retry.backoff",
                        "'100ms' is not an ISO-8601 duration", "PT30S"),
                Arguments.of("retryMaxBelowBackoff", "    retry:\n      retries: 2\n      backoff: PT2S\n      max-backoff: PT1S\n",
                        "maps.yaml:13: routes[0].retry.max-backoff", "max-backoff PT1S is shorter than backoff PT2S", ""),
                Arguments.of("retryUnknownKey", "    retry:\n      retries: 2\n      attempts: 3\n", "maps.yaml:12: routes[0].retry.attempts",
                        "unknown key 'attempts'", "retries"),
                Arguments.of("breakerRateOver100", "    circuit-breaker:\n      failure-rate: 150\n",
                        "maps.yaml:11: routes[0].circuit-breaker.failure-rate", "failure-rate must be a percentage from 1 to 100 but was 150", ""),
                Arguments.of("breakerMinimumOverWindow", "    circuit-breaker:\n      window: 5\n      minimum-calls: 8\n",
                        "maps.yaml:12: routes[0].circuit-breaker.minimum-calls", "minimum-calls must be from 1 to the window (5) but was 8", ""),
                Arguments.of("breakerBadOpenFor", "    circuit-breaker:\n      open-for: 30\n",
                        "maps.yaml:11: routes[0].circuit-breaker.open-for", "'30' is not an ISO-8601 duration", "PT30S"),
                Arguments.of("breakerKeyTypo", "    circuit-breaker:\n      open_for: PT1S\n",
                        "maps.yaml:11: routes[0].circuit-breaker.open_for", "unknown key 'open_for'", "did you mean 'open-for'?"),
                Arguments.of("rateWithoutPeriod", "    rate-limit:\n      requests: 10\n", "maps.yaml:10: routes[0].rate-limit.period",
                        "'period' is required", "rate-limit: {requests: 100"),
                Arguments.of("rateBurstOverRequests", "    rate-limit:\n      requests: 10\n      period: PT1S\n      burst: 20\n",
                        "maps.yaml:13: routes[0].rate-limit.burst", "burst must be from 1 to requests (10) but was 20", ""),
                Arguments.of("rateBurstTooFine", "    rate-limit:\n      requests: 1000000\n      period: PT1S\n      burst: 1\n",
                        "maps.yaml:13: routes[0].rate-limit.burst", "refills every 1000 ns, under the 1 ms the limiter keeps", ""),
                Arguments.of("rateZero", "    rate-limit:\n      requests: 0\n      period: PT1S\n",
                        "maps.yaml:11: routes[0].rate-limit.requests", "requests must be at least 1 but was 0", ""),
                Arguments.of("corsWithoutOrigins", "    cors:\n      headers: [X-Api-Key]\n", "maps.yaml:10: routes[0].cors.origins",
                        "'origins' is required", "origins: [https://support.example.com]"),
                Arguments.of("corsOriginWithPath", "    cors:\n      origins:\n        - https://support.example.com/\n",
                        "maps.yaml:12: routes[0].cors.origins[0]", "is not an origin (scheme://host[:port], no path", "https://*.example.com"),
                Arguments.of("corsMethodTypo", "    cors:\n      origins: [\"*\"]\n      methods: [GETT]\n",
                        "maps.yaml:12: routes[0].cors.methods[0]", "unknown method 'GETT'", "did you mean 'GET'?"),
                Arguments.of("corsBadMaxAge", "    cors:\n      origins: [\"*\"]\n      max-age: 3600\n",
                        "maps.yaml:12: routes[0].cors.max-age", "'3600' is not an ISO-8601 duration", "PT30S"));
    }

    @Test
    void check_retryOnARouteWithoutIdempotentMethods_isInapplicable() throws IOException {
        write(HEAD + """
                    methods: [POST]
                    retry: {retries: 2}
                """);

        MapChecks.Report report = MapChecks.check(dir);

        assertThat(report.findings()).extracting(Finding::toString).containsExactly(dir.resolve("maps.yaml") + ":11: routes[0].retry:"
                + " inapplicable: retry never applies: the route serves only POST, and a retry repeats only idempotent methods"
                + " (GET, HEAD, OPTIONS, PUT, DELETE); a repeated POST or PATCH could act twice");
    }

    @Test
    void check_corsAllowingAMethodTheRouteDoesNotServe_andNoApiKeyHeader_areInapplicable() throws IOException {
        write(HEAD + """
                    methods: [GET]
                    cors:
                      origins: [https://support.example.com]
                      methods: [GET, DELETE]
                      headers: [Content-Type]
                """);

        List<Finding> findings = MapChecks.check(dir).findings();

        assertThat(findings).extracting(Finding::keyPath, Finding::line, Finding::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("routes[0].cors.methods[1]", 13, Finding.Kind.INAPPLICABLE),
                org.assertj.core.groups.Tuple.tuple("routes[0].cors", 11, Finding.Kind.INAPPLICABLE));
        assertThat(findings.get(0).message()).contains("cors allows DELETE, which the route does not serve", "answered 405");
        assertThat(findings.get(1).message()).contains("do not allow X-Api-Key");
    }

    @Test
    void check_policiesThatApply_findNothing() throws IOException {
        write(HEAD + """
                    methods: [GET, POST]
                    retry: {retries: 2}
                    cors: {origins: ["*"], headers: [X-Api-Key, Content-Type]}
                """);

        assertThat(MapChecks.check(dir).findings()).filteredOn(f -> f.kind() == Finding.Kind.INAPPLICABLE).isEmpty();
    }

    private dev.dragoman.rules.model.ContextModel load(String policies) throws IOException {
        write(HEAD + policies);
        LoadResult result = ContextMaps.load(dir);
        assertThat(result.errors()).as(result.describeErrors()).isEmpty();
        return result.model();
    }

    private void write(String text) throws IOException {
        Files.writeString(dir.resolve("maps.yaml"), text, StandardCharsets.UTF_8);
    }
}
