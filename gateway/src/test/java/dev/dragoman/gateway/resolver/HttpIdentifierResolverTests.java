package dev.dragoman.gateway.resolver;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.dragoman.rules.model.Concept;
import dev.dragoman.rules.model.IdentifierTable;
import dev.dragoman.rules.model.ResolverSpec;
import dev.dragoman.rules.model.Scalar;
import dev.dragoman.rules.resolver.ResolveRequest;
import dev.dragoman.rules.resolver.ResolverUnavailableException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/** Only a 404 is "unknown"; every other way a resolver can fail is a failure, never cached as an answer (issue 12, finding 14). */
class HttpIdentifierResolverTests {

    static final WireMockServer service = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    static final ResolveRequest U7 = new ResolveRequest("player", "web-support", "id", "game-dept", "id", "u 7");
    static final String ASKED = "/resolve?concept=player&from=web-support&field=id&to=game-dept&target=id&value=u%207";

    final WebClient client = WebClient.create();

    @BeforeAll
    static void start() {
        service.start();
    }

    @AfterAll
    static void stop() {
        service.stop();
    }

    @BeforeEach
    void reset() {
        service.resetAll();
    }

    @Test
    void aValueIsTheAnswer_typedAsTheJsonHasIt() {
        service.stubFor(get(urlEqualTo(ASKED)).willReturn(okJson("{\"value\": 7007}")));
        assertThat(resolver(Duration.ofSeconds(5)).resolve(U7).join()).contains(Scalar.number("7007"));

        service.stubFor(get(urlEqualTo(ASKED)).willReturn(okJson("{\"value\": \"p-7007\"}")));
        assertThat(resolver(Duration.ofSeconds(5)).resolve(U7).join()).contains(Scalar.string("p-7007"));
    }

    @Test
    void a404IsUnknown() {
        service.stubFor(get(urlPathEqualTo("/resolve")).willReturn(aResponse().withStatus(404)));

        assertThat(resolver(Duration.ofSeconds(5)).resolve(U7).join()).isEqualTo(Optional.empty());
    }

    @Test
    void a503IsUnavailable_withItsRetryAfter() {
        service.stubFor(get(urlPathEqualTo("/resolve")).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "7")));

        ResolverUnavailableException down = unavailable(resolver(Duration.ofSeconds(5)));

        assertThat(down.concept()).isEqualTo("player");
        assertThat(down.reason()).isEqualTo("it answered 503");
        assertThat(down.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(down.getMessage()).contains("GET " + service.baseUrl() + ASKED);
    }

    @Test
    void anyOtherStatusIsUnavailable_notUnknown() {
        for (int status : new int[] {500, 502, 400, 401, 410, 204}) {
            service.stubFor(get(urlPathEqualTo("/resolve")).willReturn(aResponse().withStatus(status)));

            assertThat(unavailable(resolver(Duration.ofSeconds(5))).reason()).as("status %d", status).isEqualTo("it answered " + status);
        }
    }

    @Test
    void anAnswerWithoutASingleValueIsUnavailable() {
        for (String body : List.of("{\"name\": \"p-1\"}", "{\"value\": null}", "{\"value\": {\"id\": 1}}", "{\"value\": [1]}")) {
            service.stubFor(get(urlPathEqualTo("/resolve")).willReturn(okJson(body)));

            assertThat(unavailable(resolver(Duration.ofSeconds(5))).reason()).as(body).isEqualTo("it answered without a single \"value\"");
        }
    }

    @Test
    void anAnswerThatIsNotJsonIsUnavailable() {
        service.stubFor(get(urlPathEqualTo("/resolve")).willReturn(okJson("{\"value\": ")));

        assertThat(unavailable(resolver(Duration.ofSeconds(5))).reason()).isEqualTo("it answered with a body that is not JSON");
    }

    @Test
    void aServiceThatCannotBeReachedIsUnavailable() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        HttpIdentifierResolver nobody = new HttpIdentifierResolver(client, concept("http://127.0.0.1:" + closed + "/resolve", Duration.ofSeconds(5)));

        assertThat(unavailable(nobody).reason()).isEqualTo("it could not be reached");
    }

    @Test
    void aServiceTooSlowTimesOut() {
        service.stubFor(get(urlPathEqualTo("/resolve")).willReturn(okJson("{\"value\": 1}").withFixedDelay(2_000)));

        Throwable failure = catchThrowable(() -> resolver(Duration.ofMillis(200)).resolve(U7).join());

        assertThat(failure).isInstanceOf(CompletionException.class).hasCauseInstanceOf(TimeoutException.class);
    }

    private HttpIdentifierResolver resolver(Duration timeout) {
        return new HttpIdentifierResolver(client, concept(service.baseUrl() + "/resolve", timeout));
    }

    private static ResolverUnavailableException unavailable(HttpIdentifierResolver resolver) {
        Throwable failure = catchThrowable(() -> resolver.resolve(U7).join());
        assertThat(failure).isInstanceOf(CompletionException.class).hasCauseInstanceOf(ResolverUnavailableException.class);
        return (ResolverUnavailableException) failure.getCause();
    }

    private static Concept concept(String url, Duration timeout) {
        Map<String, List<String>> keys = Map.of("game-dept", List.of("id"), "web-support", List.of("id"));
        IdentifierTable.Builder table = new IdentifierTable.Builder(1);
        keys.forEach((context, fields) -> fields.forEach(field -> table.declare(context, field)));
        return new Concept("player", keys, table.build(), new ResolverSpec(URI.create(url), timeout, 100, Duration.ofMinutes(10),
                Duration.ofSeconds(30)));
    }
}
