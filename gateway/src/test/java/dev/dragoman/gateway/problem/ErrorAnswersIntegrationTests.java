package dev.dragoman.gateway.problem;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dragoman.gateway.testing.TestUpstream;
import com.github.tomakehurst.wiremock.http.Fault;
import tools.jackson.core.type.TypeReference;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What a caller is told when something goes wrong, and what the log says about it (issue 12,
 * items 8, 10, 11 and 13): every failure of an upstream's connection is a 502 and a slow
 * upstream a 504, neither naming the upstream; a callee's value never reaches the caller; every
 * problem carries a request id that finds its full story under /admin/problems/; a caller's
 * mistake is no ERROR and no stack trace in the log.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "dragoman.callers.web-support.api-keys=ws-key",
        "dragoman.admin.api-keys=admin-key",
        "dragoman.reload.watch=false",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=5s",
        "logging.level.dev.dragoman.gateway.problem=DEBUG"})
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class ErrorAnswersIntegrationTests {

    @RegisterExtension
    static final TestUpstream upstream = TestUpstream.answering("{}");
    static final OpsMaps.SocketUpstream closing = OpsMaps.SocketUpstream.closing();
    static final OpsMaps.SocketUpstream cutting = OpsMaps.SocketUpstream.cutting();

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @DynamicPropertySource
    static void maps(DynamicPropertyRegistry registry) {
        registry.add("dragoman.context-maps", () -> OpsMaps.write(upstream.port(), closing.port(), cutting.port()).toString());
    }

    @AfterAll
    static void stopUpstreams() throws IOException {
        closing.close();
        cutting.close();
    }

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    @BeforeEach
    void resetUpstream() {
        // longer than the gateway's own response timeout, which a test waits for
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    // ---- item 13: any failure of the upstream's connection is a 502, none an ERROR

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE"})
    void aBrokenUpstreamConnectionIs502_onATranslatingRoute(Fault fault, CapturedOutput output) {
        upstream.stubFor(get("/games/1001").willReturn(aResponse().withFault(fault)));

        Map<String, Object> problem = problem(call("/strict/games/1"), 502);

        assertThat(problem).containsEntry("type", "https://dragoman.dev/problems/upstream-unavailable").containsEntry("route", "strict");
        assertQuiet(output);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE"})
    void aBrokenUpstreamConnectionIs502_onAPlainRoute(Fault fault, CapturedOutput output) {
        upstream.stubFor(get("/anything").willReturn(aResponse().withFault(fault)));

        Map<String, Object> problem = problem(call("/plain/anything"), 502);

        assertThat(problem).containsEntry("type", "https://dragoman.dev/problems/upstream-unavailable").containsEntry("route", "plain");
        assertQuiet(output);
    }

    @Test
    void anUpstreamThatAcceptsAndClosesIs502(CapturedOutput output) {
        Map<String, Object> problem = problem(call("/closing/anything"), 502);

        assertThat(problem).containsEntry("type", "https://dragoman.dev/problems/upstream-unavailable");
        assertQuiet(output);
    }

    @Test
    void anUpstreamThatCutsItsAnswerAfterItBeganCutsTheCallersToo_loggedInOneWarnLine(CapturedOutput output) throws IOException {
        String answer = answerOf("GET /cutting/anything HTTP/1.1\r\nHost: x\r\nX-Api-Key: ws-key\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200 OK").contains("aaaa").as("no last chunk: the caller sees the cut")
                .doesNotEndWith("0\r\n\r\n");
        assertThat(answer.length()).as("what the upstream sent, with the head and the chunks' framing").isLessThan(OpsMaps.SocketUpstream.CUT_AFTER + 1_000);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut())
                .contains("The upstream of route cutting failed while its answer to GET /cutting/anything was being passed on"));
        assertQuiet(output);
    }

    @Test
    void aFailedTlsHandshakeIs502(CapturedOutput output) {
        Map<String, Object> problem = problem(call("/tls/anything"), 502);

        assertThat(problem).containsEntry("type", "https://dragoman.dev/problems/upstream-unavailable").containsEntry("route", "tls");
        assertQuiet(output);
    }

    @Test
    void aSlowUpstreamIs504_withoutNamingIt(CapturedOutput output) {
        upstream.stubFor(get("/slow").willReturn(okJson("{}").withFixedDelay(6000)));

        EntityExchangeResult<byte[]> answer = call("/plain/slow");
        Map<String, Object> problem = problem(answer, 504);

        assertThat(problem).containsEntry("type", "https://dragoman.dev/problems/upstream-timeout").containsEntry("route", "plain");
        assertThat(new String(answer.getResponseBodyContent(), StandardCharsets.UTF_8))
                .doesNotContain("127.0.0.1").doesNotContain(String.valueOf(upstream.port()));
        assertQuiet(output);
    }

    // ---- item 10: the caller learns the route and the location, never the upstream or a foreign value

    @Test
    void a502NamesTheRouteAndARequestId_theUpstreamOnlyInTheLogAndTheAdminApi(CapturedOutput output) {
        upstream.stubFor(get("/anything").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        EntityExchangeResult<byte[]> answer = call("/plain/anything");
        String body = new String(answer.getResponseBodyContent(), StandardCharsets.UTF_8);
        Map<String, Object> problem = problem(answer, 502);

        String requestId = (String) problem.get("requestId");
        assertThat(requestId).matches("[0-9a-f]{16}");
        assertThat(answer.getResponseHeaders().getFirst("X-Request-Id")).isEqualTo(requestId);
        assertThat(body).doesNotContain("127.0.0.1").doesNotContain(String.valueOf(upstream.port()));
        assertThat(output.getOut()).contains("[request " + requestId + "]").contains("127.0.0.1:" + upstream.port());
        Map<String, Object> kept = adminView(requestId);
        assertThat(kept).containsEntry("status", 502).containsEntry("route", "plain").containsEntry("method", "GET")
                .containsEntry("path", "/plain/anything");
        assertThat(kept.get("internal").toString()).contains("http://127.0.0.1:" + upstream.port() + "/anything");
    }

    @Test
    void anUnknownIdentifierInTheResponseIsNotShownToTheCaller_butToTheAdmin() {
        upstream.stubFor(get("/games/1001").willReturn(okJson("{\"code\": 7777001}")));

        EntityExchangeResult<byte[]> answer = call("/strict/games/1");
        String body = new String(answer.getResponseBodyContent(), StandardCharsets.UTF_8);
        Map<String, Object> problem = problem(answer, 502);

        assertThat(body).doesNotContain("7777001");
        assertThat(problem).containsEntry("type", "https://dragoman.dev/problems/untranslatable-identifier").containsEntry("count", 1);
        assertThat(errors(problem)).singleElement().satisfies(error -> assertThat(error)
                .containsEntry("location", "body $.code").containsEntry("rule", "game.code").containsEntry("reason", "unknown")
                .doesNotContainKey("value"));
        assertThat(adminView((String) problem.get("requestId")).get("internal").toString()).contains("7777001");
    }

    @Test
    void theProblemsOfTheAdminApiNeedTheAdminKey() {
        String requestId = (String) problem(call("/strict/games/9"), 422).get("requestId");

        http.get().uri("/admin/problems/" + requestId).exchange().expectStatus().isUnauthorized();
        http.get().uri("/admin/problems/" + requestId).header("X-Api-Key", "ws-key").exchange().expectStatus().isForbidden();
        http.get().uri("/admin/problems/0000000000000000").header("X-Api-Key", "admin-key").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/unknown-problem");
    }

    @Test
    void everyProblemCarriesItsRequestId_andTheHeader() {
        EntityExchangeResult<byte[]> answer = http.get().uri("/strict/games/1").exchange().expectBody().returnResult();

        Map<String, Object> problem = problem(answer, 401);
        assertThat(answer.getResponseHeaders().getFirst("X-Request-Id")).isEqualTo(problem.get("requestId")).isNotNull();
    }

    // ---- item 8: a body of many unknown codes lists the first hundred and counts them all

    @Test
    void manyUnknownIdentifiersAreCountedAndTheFirstHundredListed() {
        String codes = IntStream.range(0, 1000).mapToObj(i -> String.valueOf(50_000 + i)).collect(Collectors.joining(","));

        EntityExchangeResult<byte[]> answer = http.post().uri("/strict/games").header("X-Api-Key", "ws-key")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"codes\":[" + codes + "]}")
                .exchange().expectBody().returnResult();
        Map<String, Object> problem = problem(answer, 422);

        assertThat(problem).containsEntry("count", 1000);
        assertThat(errors(problem)).hasSize(100);
        assertThat(errors(problem).get(0)).containsEntry("value", "50000").containsEntry("location", "body $.codes[0]");
        assertThat((String) problem.get("detail")).contains("1,000 values").contains("the first '50000' at body $.codes[0]");
    }

    // ---- item 11: a caller's mistake is one line at DEBUG with the request id, no ERROR, no stack trace

    @Test
    void malformedJsonIsOneDebugLine(CapturedOutput output) {
        EntityExchangeResult<byte[]> answer = http.post().uri("/strict/games").header("X-Api-Key", "ws-key")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"codes\": [1,").exchange().expectBody().returnResult();
        String requestId = (String) problem(answer, 400).get("requestId");

        assertThat(output.getOut().lines().filter(line -> line.contains(requestId)).toList()).singleElement()
                .satisfies(line -> assertThat(line).contains("DEBUG").contains("malformed-json"));
        assertQuiet(output);
    }

    @Test
    void anUnknownIdentifierIsOneDebugLine(CapturedOutput output) {
        String requestId = (String) problem(call("/strict/games/9?gameCode=x"), 422).get("requestId");

        assertThat(output.getOut().lines().filter(line -> line.contains(requestId)).toList()).singleElement()
                .satisfies(line -> assertThat(line).contains("DEBUG").contains("untranslatable-identifier"));
        assertQuiet(output);
    }

    @Test
    void oddRequestsLogNoErrorAndNoStackTrace(CapturedOutput output) throws IOException {
        http.get().uri("/strict/games/1").header("X-Api-Key", "ws-key").header("X-Huge", "x".repeat(20_000))
                .exchange().expectStatus().value(status -> assertThat(status).isBetween(400, 499));
        http.get().uri("/admin/model").header("X-Api-Key", "admin-key").header("Accept", "no/such;q=x")
                .exchange().expectStatus().value(status -> assertThat(status).isLessThan(500));
        http.post().uri("/admin/translate").header("X-Api-Key", "admin-key").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{nope").exchange().expectStatus().value(status -> assertThat(status).isLessThan(500));
        String json = "X-Api-Key: ws-key\r\nContent-Length: 2\r\n";
        for (String request : List.of(
                "POST /strict/games HTTP/1.1\r\nHost: x\r\n" + json + "Content-Type: application/json;charset=nonsense\r\n\r\n{}",
                "POST /strict/games HTTP/1.1\r\nHost: x\r\n" + json + "Content-Type: appli cation//json\r\n\r\n{}",
                "POST /plain/games HTTP/1.1\r\nHost: x\r\n" + json + "Content-Type: ;;;\r\n\r\n{}",
                "GET /strict/games/%zz HTTP/1.1\r\nHost: x\r\nX-Api-Key: ws-key\r\n\r\n",
                "GET /strict/games/1?gameCode=%zz HTTP/1.1\r\nHost: x\r\nX-Api-Key: ws-key\r\n\r\n",
                "POST /strict/games HTTP/1.1\r\nHost: x\r\nX-Api-Key: ws-key\r\nContent-Length: abc\r\n\r\n{}",
                "NONSENSE\r\n\r\n")) {
            assertThat(statusOf(request)).as(request).doesNotStartWith("HTTP/1.1 5");
        }

        assertQuiet(output);
    }

    @Test
    void aCallerThatHangsUpMidBodyLogsNoErrorAndNoStackTrace(CapturedOutput output) throws IOException {
        for (String path : List.of("/strict/games", "/plain/upload")) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: ws-key\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100000\r\n\r\n{\"codes\": [1, 2, ").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                socket.setSoLinger(true, 0);
            }
        }

        // what a hang-up makes the gateway log comes a little after it: quiet for two seconds
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertQuiet(output));
    }

    /** Sends a request as written, byte for byte, and answers all the gateway sends until it closes the connection. */
    private String answerOf(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** Sends a request as written, byte for byte, and answers the status line. */
    private String statusOf(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String line = reader.readLine();
            return line == null ? "(closed)" : line;
        }
    }

    // ----

    private EntityExchangeResult<byte[]> call(String path) {
        return http.get().uri(path).header("X-Api-Key", "ws-key").exchange().expectBody().returnResult();
    }

    private static Map<String, Object> problem(EntityExchangeResult<byte[]> answer, int status) {
        assertThat(answer.getStatus().value()).as(new String(answer.getResponseBodyContent(), StandardCharsets.UTF_8)).isEqualTo(status);
        assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        return JsonAnswers.JSON.readValue(answer.getResponseBodyContent(), new TypeReference<Map<String, Object>>() {
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(Map<String, Object> problem) {
        return (List<Map<String, Object>>) problem.get("errors");
    }

    private Map<String, Object> adminView(String requestId) {
        return http.get().uri("/admin/problems/" + requestId).header("X-Api-Key", "admin-key").exchange()
                .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    /** No line at ERROR and no stack trace, in what this test made the gateway write. */
    static void assertQuiet(CapturedOutput output) {
        List<String> lines = output.getAll().lines().toList();
        assertThat(lines).as("log lines at ERROR").noneMatch(line -> Arrays.asList(line.split("\\s+")).contains("ERROR"));
        assertThat(lines).as("stack trace lines").noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by: "));
    }
}
