package dev.dragoman.gateway.policy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.dragoman.gateway.testing.TestUpstream;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 17's route policies over real HTTP, against a WireMock upstream with delays and faults:
 * what the caller gets (status, headers, problem) and what the upstream saw (its request
 * journal counts the attempts). Each test has a route of its own, so a breaker or a limit that
 * one test used up does not reach another.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "dragoman.callers.web-support.api-keys=ws-key",
        "dragoman.callers.shipping.api-keys=sh-key",
        "dragoman.admin.api-keys=admin-key"})
@AutoConfigureWebTestClient(timeout = "PT20S")
class RoutePolicyIntegrationTests {

    private static final String ORIGIN = "https://support.example.com";

    @RegisterExtension
    static final TestUpstream upstream = TestUpstream.answering("{\"ok\": true}");

    @DynamicPropertySource
    static void maps(DynamicPropertyRegistry registry) {
        registry.add("dragoman.context-maps", () -> writeMaps(upstream.port()).toString());
    }

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    @Autowired
    MeterRegistry meters;

    static Path writeMaps(int port) {
        String up = "http://127.0.0.1:" + port;
        String maps = """
                contexts:
                  web-support: {}
                  shipping: {}
                  game-dept: {}
                routes:
                  - {id: methods, from: web-support, to: game-dept, path: /methods/**, strip-prefix: 1, upstream: %1$s, methods: [GET, PUT]}
                  - {id: slow, from: web-support, to: game-dept, path: /slow/**, strip-prefix: 1, upstream: %1$s, timeout: PT0.5S}
                  - id: retrying
                    from: web-support
                    to: game-dept
                    path: /retrying/**
                    strip-prefix: 1
                    upstream: %1$s
                    retry: {retries: 2, backoff: PT0.01S}
                  - id: breaking
                    from: web-support
                    to: game-dept
                    path: /breaking/**
                    strip-prefix: 1
                    upstream: %1$s
                    circuit-breaker: {window: 4, minimum-calls: 4, failure-rate: 50, open-for: PT1S, half-open-calls: 1}
                  - {id: limited-ws, from: web-support, to: game-dept, path: /limited-ws/**, strip-prefix: 1, upstream: %1$s,
                     rate-limit: {requests: 2, period: PT1H}}
                  - {id: limited-sh, from: shipping, to: game-dept, path: /limited-sh/**, strip-prefix: 1, upstream: %1$s,
                     rate-limit: {requests: 2, period: PT1H}}
                  - id: cors
                    from: web-support
                    to: game-dept
                    path: /cors/**
                    strip-prefix: 1
                    upstream: %1$s
                    methods: [GET, POST]
                    cors: {origins: ["%2$s"], headers: [X-Api-Key, Content-Type]}
                """.formatted(up, ORIGIN);
        try {
            Path dir = Files.createTempDirectory("policy-maps");
            Files.writeString(dir.resolve("maps.yaml"), maps);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- methods

    @Test
    void methodNotServed_is405WithAllow_andNeverReachesTheUpstream() {
        http.method(HttpMethod.DELETE).uri("/methods/games/1").header("X-Api-Key", "ws-key").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().valueEquals("Allow", "GET, PUT")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/method-not-allowed")
                .jsonPath("$.detail").isEqualTo("route methods serves GET, PUT, not DELETE")
                .jsonPath("$.route").isEqualTo("methods");
        upstream.verify(0, anyRequestedFor(urlPathMatching("/.*")));

        get("/methods/games/1", "ws-key").expectStatus().isOk();
    }

    // ---- timeout

    @Test
    void upstreamSlowerThanTheTimeout_is504() {
        upstream.stubFor(any(urlPathEqualTo("/games/1")).willReturn(okJson("{}").withFixedDelay(3000)));

        long start = System.nanoTime();
        get("/slow/games/1", "ws-key")
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/upstream-timeout")
                .jsonPath("$.route").isEqualTo("slow");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    // ---- retry

    @Test
    void get_isRetriedAfter503s_untilTheUpstreamAnswers() {
        upstream.stubFor(any(urlPathEqualTo("/games/2")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        upstream.stubFor(any(urlPathEqualTo("/games/2")).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("third"));
        upstream.stubFor(any(urlPathEqualTo("/games/2")).inScenario("flaky").whenScenarioStateIs("third")
                .willReturn(okJson("{\"code\": 2}")));

        get("/retrying/games/2", "ws-key").expectStatus().isOk().expectBody().jsonPath("$.code").isEqualTo(2);

        upstream.verify(3, anyRequestedFor(urlPathEqualTo("/games/2")));
    }

    @Test
    void get_isRetriedAfterAConnectionReset_atMostRetriesTimes_then502() {
        upstream.stubFor(any(urlPathEqualTo("/games/3")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        get("/retrying/games/3", "ws-key").expectStatus().isEqualTo(502)
                .expectBody().jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/upstream-unavailable");

        upstream.verify(3, anyRequestedFor(urlPathEqualTo("/games/3")));
    }

    @Test
    void post_isNeverRetried() {
        upstream.stubFor(any(urlPathEqualTo("/games/4")).willReturn(aResponse().withStatus(503).withBody("busy")));

        http.post().uri("/retrying/games/4").header("X-Api-Key", "ws-key").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody(String.class).isEqualTo("busy");

        upstream.verify(1, anyRequestedFor(urlPathEqualTo("/games/4")));
    }

    @Test
    void put_withABody_isRetriedWithTheSameBody() {
        upstream.stubFor(any(urlPathEqualTo("/games/5")).inScenario("put").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("ok"));
        upstream.stubFor(any(urlPathEqualTo("/games/5")).inScenario("put").whenScenarioStateIs("ok").willReturn(okJson("{}")));

        http.put().uri("/retrying/games/5").header("X-Api-Key", "ws-key").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"x\"}").exchange().expectStatus().isOk();

        assertThat(upstream.findAll(anyRequestedFor(urlPathEqualTo("/games/5"))))
                .extracting(r -> r.getBodyAsString()).containsExactly("{\"name\": \"x\"}", "{\"name\": \"x\"}");
    }

    // ---- circuit breaker

    @Test
    void breaker_opensAfterFailures_answers503WithRetryAfter_thenClosesWhenTheUpstreamRecovers() {
        upstream.stubFor(any(urlPathEqualTo("/games/6")).willReturn(aResponse().withStatus(500).withBody("down")));
        for (int i = 0; i < 4; i++) {
            get("/breaking/games/6", "ws-key").expectStatus().isEqualTo(500).expectBody(String.class).isEqualTo("down");
        }
        CircuitBreaker breaker = breakers.getCircuitBreakerRegistry().circuitBreaker("breaking");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        get("/breaking/games/6", "ws-key")
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "1")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/circuit-open")
                .jsonPath("$.route").isEqualTo("breaking");
        upstream.verify(4, anyRequestedFor(urlPathEqualTo("/games/6")));
        assertThat(meters.find("resilience4j.circuitbreaker.state").tag("name", "breaking").tag("state", "open").gauge().value())
                .isEqualTo(1.0);

        upstream.stubFor(any(urlPathEqualTo("/games/6")).willReturn(okJson("{\"code\": 6}")));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                get("/breaking/games/6", "ws-key").expectStatus().isOk());
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        get("/breaking/games/6", "ws-key").expectStatus().isOk().expectBody().jsonPath("$.code").isEqualTo(6);
    }

    // ---- rate limit

    @Test
    void rateLimit_isPerCallerContext_oneLimitedWhileTheOtherIsNot() {
        get("/limited-ws/games/7", "ws-key").expectStatus().isOk();
        get("/limited-ws/games/7", "ws-key").expectStatus().isOk();
        get("/limited-ws/games/7", "ws-key")
                .expectStatus().isEqualTo(429)
                .expectHeader().value("Retry-After", value -> assertThat(Long.parseLong(value)).isBetween(3000L, 3600L))
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/rate-limited")
                .jsonPath("$.route").isEqualTo("limited-ws");

        get("/limited-sh/games/7", "sh-key").expectStatus().isOk();
        get("/limited-sh/games/7", "sh-key").expectStatus().isOk();
        upstream.verify(4, anyRequestedFor(urlPathEqualTo("/games/7")));
        assertThat(meters.find("resilience4j.ratelimiter.available.permissions").tag("name", "limited-sh/shipping").gauge().value())
                .isEqualTo(0.0);
    }

    @Test
    void rateLimit_spendsNothingOnACallerWithoutAKey() {
        for (int i = 0; i < 3; i++) {
            get("/limited-sh/games/8", "wrong-key").expectStatus().isUnauthorized();
        }
        assertThat(meters.find("resilience4j.ratelimiter.available.permissions").tag("name", "limited-sh/shipping").gauge())
                .isNotNull();
    }

    // ---- cors

    @Test
    void corsPreflight_isAnsweredByTheGateway_withoutAKey_andNeverReachesTheUpstream() {
        http.options().uri("/cors/games/9")
                .header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-api-key, content-type")
                .exchange()
                .expectStatus().isNoContent()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", ORIGIN)
                .expectHeader().valueEquals("Access-Control-Allow-Methods", "GET,POST")
                .expectHeader().valueEquals("Access-Control-Allow-Headers", "x-api-key, content-type")
                .expectHeader().valueEquals("Access-Control-Max-Age", "1800");
        upstream.verify(0, anyRequestedFor(urlPathMatching("/.*")));
    }

    @Test
    void corsPreflight_fromAnotherOrigin_is403CorsRefused() {
        http.options().uri("/cors/games/9")
                .header("Origin", "https://evil.example.net")
                .header("Access-Control-Request-Method", "GET")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin")
                .expectBody().jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/cors-refused");
    }

    @Test
    void corsRequest_getsTheGatewaysHeaders_andNotTheUpstreamsToo() {
        upstream.stubFor(any(urlPathEqualTo("/games/9")).willReturn(okJson("{}").withHeader("Access-Control-Allow-Origin", "*")));

        http.get().uri("/cors/games/9").header("Origin", ORIGIN).header("X-Api-Key", "ws-key").exchange()
                .expectStatus().isOk()
                .expectHeader().values("Access-Control-Allow-Origin", values -> assertThat(values).containsExactly(ORIGIN))
                .expectHeader().valueEquals("Access-Control-Expose-Headers", "X-Request-Id, Retry-After");
    }

    // ---- the admin model view

    @Test
    void modelView_showsEachRoutesPolicies_withTheirDefaults() {
        http.get().uri("/admin/model").header("X-Api-Key", "admin-key").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.routes[0].policies.methods").isEqualTo(List.of("GET", "PUT"))
                .jsonPath("$.routes[1].policies.timeout").isEqualTo("PT0.5S")
                .jsonPath("$.routes[2].policies.retry.retries").isEqualTo(2)
                .jsonPath("$.routes[2].policies.retry.max-backoff").isEqualTo("PT1S")
                .jsonPath("$.routes[3].policies.circuit-breaker.open-for").isEqualTo("PT1S")
                .jsonPath("$.routes[4].policies.rate-limit.burst").isEqualTo(2)
                .jsonPath("$.routes[6].policies.cors.max-age").isEqualTo("PT30M");
    }

    private WebTestClient.ResponseSpec get(String path, String key) {
        return http.get().uri(path).header("X-Api-Key", key).exchange();
    }
}
