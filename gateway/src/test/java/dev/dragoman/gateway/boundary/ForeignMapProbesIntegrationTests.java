package dev.dragoman.gateway.boundary;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.gateway.testing.TestUpstream;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 12's findings 1 to 7 and 9, each as a named probe on a map the project has never seen:
 * a concept {@code sku} with fields {@code ref} and {@code label}, a caller {@code north} and a
 * callee {@code south}. Route {@code /south/} has response rules on member names that problem
 * documents also use (finding 1); every other probe runs on {@code /plain/}, which has none, so
 * that each probe shows its own finding only. Where
 * the issue allows two answers (translate, or refuse clearly), a probe accepts either, and
 * nothing else. No probe may leave an ERROR line or a stack trace in the log.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "dragoman.callers.north.api-keys=north-key",
        "dragoman.callers.south.api-keys=south-key",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=5s"})
class ForeignMapProbesIntegrationTests {

    @RegisterExtension
    static final TestUpstream upstream = TestUpstream.answeringUncompressed("{\"ok\":true}");

    @DynamicPropertySource
    static void maps(DynamicPropertyRegistry registry) {
        registry.add("dragoman.context-maps", () -> writeMaps(upstream.port()).toString());
    }

    static Path writeMaps(int port) {
        try {
            Path dir = Files.createTempDirectory("dragoman-probe-maps");
            Files.writeString(dir.resolve("warehouse.yaml"), """
                    contexts:
                      north: {description: the shop}
                      south: {description: the warehouse}
                    concepts:
                      sku:
                        keys: {north: [ref, label], south: [ref, label]}
                        entries:
                          - north: {ref: 7, label: blue mug}
                            south: {ref: S-700, label: mug/blue}
                          - north: {ref: 8, label: red mug}
                            south: {ref: S-800, label: mug/red}
                          - north: {ref: 9, label: green cup}
                          - south: {ref: S-999, label: cup/yellow}
                    routes:
                      - id: north-to-south
                        from: north
                        to: south
                        path: /south/**
                        strip-prefix: 1
                        upstream: http://127.0.0.1:%1$d
                        on-unknown: reject
                        request:
                          path-templates: ['/skus/{sku.ref}/stock', '/skus/{sku.ref}']
                          query: {skuRef: sku.ref}
                          headers: {X-Sku-Label: sku.label}
                          body:
                            $.sku.ref: sku.ref
                            '$.lines[*].ref': sku.ref
                        response:
                          headers: {X-Sku-Label: sku.label}
                          body:
                            $.title: sku.label
                            $..detail: sku.label
                            $.ref: sku.ref
                            $.codes: sku.ref
                      - id: north-to-south-plain
                        from: north
                        to: south
                        path: /plain/**
                        strip-prefix: 1
                        upstream: http://127.0.0.1:%1$d
                        on-unknown: reject
                        request:
                          path-templates: ['/skus/{sku.ref}/stock', '/skus/{sku.ref}']
                          query: {skuRef: sku.ref}
                          headers: {X-Sku-Label: sku.label}
                          body:
                            $.sku.ref: sku.ref
                            '$.lines[*].ref': sku.ref
                        response:
                          headers: {X-Sku-Label: sku.label}
                          body:
                            $.ref: sku.ref
                            $.codes: sku.ref
                    """.formatted(port));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    LogRecorder logs;

    @BeforeEach
    void reset() {
        logs = LogRecorder.attach();
    }

    @AfterEach
    void noErrorsLogged() {
        try {
            assertThat(logs.drain()).as("bad input is one line at DEBUG or INFO, never ERROR or a stack trace (issue 12, finding 11)").isEmpty();
        } finally {
            logs.detach();
        }
    }

    // ---- finding 1: the gateway's own answers are not run through the route's response rules

    @Test
    void theGatewaysOwn422IsNotReadByResponseRulesOnTitleAndDetail() throws IOException {
        RawHttp.Response answer = send("GET", "/south/skus/404");

        assertThat(answer.status()).as(answer.show()).isEqualTo(422);
        assertThat(answer.isProblem()).isTrue();
        assertThat(nothingForwarded()).isTrue();
    }

    @Test
    void theGatewaysOwn400IsNotReadByResponseRulesOnTitleAndDetail() throws IOException {
        RawHttp.Response answer = send("POST", "/south/orders", json("{\"sku\": {\"ref\": 7,"), "Content-Type", "application/json");

        assertThat(answer.status()).as(answer.show()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(nothingForwarded()).isTrue();
    }

    // ---- finding 2: response headers are translated on every kind of answer

    @ParameterizedTest(name = "{0} answered {1} with Content-Type ''{2}''")
    @CsvSource({
            "GET, 200, text/plain",
            "GET, 204, ''",
            "HEAD, 200, application/json",
            "HEAD, 304, ''",
            "GET, 404, text/html",
            "GET, 500, text/plain",
            "GET, 200, application/octet-stream"})
    void responseHeadersAreTranslatedWhateverTheAnswer(String method, int status, String contentType) throws IOException {
        var stub = aResponse().withStatus(status).withHeader("X-Sku-Label", "mug/blue");
        if (!contentType.isEmpty()) {
            stub = stub.withHeader("Content-Type", contentType);
        }
        if (status != 204 && status != 304 && !method.equals("HEAD")) {
            stub = stub.withBody("a body that is not translated");
        }
        upstream.stubFor(any(anyUrl()).willReturn(stub));

        RawHttp.Response answer = send(method, "/plain/skus/7");

        assertThat(answer.status()).as(answer.show()).isEqualTo(status);
        assertThat(answer.all("X-Sku-Label")).containsExactly("blue mug");
    }

    @Test
    void anUntranslatableHeaderOnABodilessAnswerIs502() throws IOException {
        upstream.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204).withHeader("X-Sku-Label", "cup/yellow")));

        RawHttp.Response answer = send("GET", "/plain/skus/7");

        assertThat(answer.status()).as(answer.show()).isEqualTo(502);
        assertThat(answer.all("X-Sku-Label")).isEmpty();
    }

    // ---- found by the fuzzer: a header repeated under two spellings

    @Test
    void aRuledHeaderRepeatedUnderTwoSpellingsArrivesTranslatedOnce() throws IOException {
        send("GET", "/plain/search", "X-Sku-Label", "blue mug", "x-sku-label", "red mug");

        assertThat(received().getHeaders().getHeader("X-Sku-Label").values()).containsExactly("mug/blue", "mug/red");
    }

    // ---- finding 3: query parameters are matched and rewritten by their decoded names

    @Test
    void aPercentEncodedQueryNameIsTranslated_notKeptBesideTheTranslation() throws IOException {
        RawHttp.Response answer = send("GET", "/plain/search?skuRe%66=7");

        if (nothingForwarded()) {
            assertThat(answer.status()).as(answer.show()).isBetween(400, 499);
            return;
        }
        assertThat(ruledQueryValues(received().getUrl())).containsExactly("S-700");
    }

    // ---- finding 4: arrays of arrays

    @Test
    void arraysOfArraysInARequestAreTranslatedEverywhere() throws IOException {
        RawHttp.Response answer = send("POST", "/plain/orders", json("{\"lines\":[{\"ref\":[[7],8]},{\"ref\":[[[8]]]}]}"),
                "Content-Type", "application/json");

        if (nothingForwarded()) {
            assertThat(answer.status()).as(answer.show()).isBetween(400, 499);
            return;
        }
        assertThat(parsed(received().getBodyAsString()))
                .isEqualTo(Json.parse("{\"lines\":[{\"ref\":[[\"S-700\"],\"S-800\"]},{\"ref\":[[[\"S-800\"]]]}]}"));
    }

    @Test
    void arraysOfArraysInAnAnswerAreTranslatedEverywhere() throws IOException {
        upstream.stubFor(any(anyUrl()).willReturn(okJson("{\"codes\":[[\"S-700\",\"S-800\"],\"S-700\"]}")));

        RawHttp.Response answer = send("GET", "/plain/skus/7");

        if (answer.status() == 502) {
            return;
        }
        assertThat(answer.status()).as(answer.show()).isEqualTo(200);
        assertThat(parsed(new String(answer.body(), StandardCharsets.UTF_8))).isEqualTo(Json.parse("{\"codes\":[[7,8],7]}"));
    }

    // ---- finding 5: JSON that is not UTF-8

    @Test
    void aUtf16BodyWithABomIsTranslatedInItsEncodingOrRefusedWith415() throws IOException {
        assertUtf16TranslatedOrRefused(StandardCharsets.UTF_16, "application/json; charset=utf-16");
    }

    @Test
    void aUtf16LeBodyWithoutABomIsNeverA500() throws IOException {
        assertUtf16TranslatedOrRefused(StandardCharsets.UTF_16LE, "application/json");
    }

    private void assertUtf16TranslatedOrRefused(Charset charset, String contentType) throws IOException {
        byte[] body = "{\"sku\":{\"ref\":7},\"note\":\"caf\u00e9\"}".getBytes(charset);

        RawHttp.Response answer = send("POST", "/plain/orders", body, "Content-Type", contentType);

        if (nothingForwarded()) {
            assertThat(answer.status()).as(answer.show()).isEqualTo(415);
            assertThat(answer.isProblem()).isTrue();
            assertThat(new String(answer.body(), StandardCharsets.UTF_8)).containsIgnoringCase("utf-16");
            return;
        }
        LoggedRequest request = received();
        String text = Encodings.jsonText(request.getBody(), request.getHeader("Content-Type"));
        assertThat(text).as("the forwarded body, read in its declared or detected encoding: " + Reports.printable(request.getBody(), 500))
                .isNotNull();
        assertThat(parsed(text)).isEqualTo(Json.parse("{\"sku\":{\"ref\":\"S-700\"},\"note\":\"caf\u00e9\"}"));
    }

    // ---- finding 6: valueless and empty query parameters

    @Test
    void aValuelessQueryParameterIsNeverA500() throws IOException {
        RawHttp.Response answer = send("GET", "/plain/search?skuRef");

        assertThat(answer.status()).as(answer.show()).isLessThan(500);
        if (!nothingForwarded()) {
            assertThat(ruledQueryValues(received().getUrl())).as("a parameter without a value carries no identifier").allMatch(String::isEmpty);
        }
    }

    @Test
    void anEmptyQueryValueIsAnUnknownIdentifier() throws IOException {
        RawHttp.Response answer = send("GET", "/plain/search?skuRef=");

        assertThat(answer.status()).as(answer.show()).isEqualTo(422);
        assertThat(answer.isProblem()).isTrue();
        assertThat(nothingForwarded()).isTrue();
    }

    // ---- finding 7: paths that match a template once normalised

    @Test
    void aTrailingSlashMatchesTheTemplate_andIsKept() throws IOException {
        send("GET", "/plain/skus/7/");

        assertThat(received().getUrl()).isEqualTo("/skus/S-700/");
    }

    @Test
    void dotSegmentsAreRemovedBeforeMatching_andTheNormalisedPathIsForwarded() throws IOException {
        send("GET", "/plain/skus/7/x/../stock/.");

        // RFC 3986 5.2.4: a final "." (or "..") leaves the slash before it
        assertThat(received().getUrl()).isEqualTo("/skus/S-700/stock/");
    }

    @Test
    void encodedDotSegmentsNeverCarryTheCallersIdentifier() throws IOException {
        RawHttp.Response answer = send("GET", "/plain/skus/7/x/%2e%2E/stock");

        if (nothingForwarded()) {
            assertThat(answer.status()).as(answer.show()).isBetween(400, 499);
            return;
        }
        assertThat(Paths.normalize(received().getUrl())).containsExactly("skus", "S-700", "stock");
    }

    // ---- finding 9: bodies the gateway cannot read are refused clearly

    @Test
    void aGzipRequestBodyIsTranslatedOrRefusedWith415() throws IOException {
        byte[] body = Encodings.gzip(json("{\"sku\":{\"ref\":7}}"));

        RawHttp.Response answer = send("POST", "/plain/orders", body, "Content-Type", "application/json", "Content-Encoding", "gzip");

        if (nothingForwarded()) {
            assertThat(answer.status()).as(answer.show()).isEqualTo(415);
            assertThat(answer.isProblem()).isTrue();
            return;
        }
        LoggedRequest request = received();
        assertThat(parsed(new String(RawHttp.decoded(request.getHeader("Content-Encoding"), request.getBody()), StandardCharsets.UTF_8)))
                .isEqualTo(Json.parse("{\"sku\":{\"ref\":\"S-700\"}}"));
    }

    @Test
    void aBrotliRequestBodyIsTranslatedOrRefusedWith415() throws IOException {
        byte[] body = Encodings.brotli(json("{\"sku\":{\"ref\":7}}"));

        RawHttp.Response answer = send("POST", "/plain/orders", body, "Content-Type", "application/json", "Content-Encoding", "br");

        assertThat(nothingForwarded()).as("no translator reads brotli here: the body must not cross unread").isTrue();
        assertThat(answer.status()).as(answer.show()).isEqualTo(415);
        assertThat(answer.isProblem()).isTrue();
    }

    @Test
    void deepNestingIs400NamingTheLimit() throws IOException {
        String deep = "{\"sku\":{\"ref\":7},\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        RawHttp.Response answer = send("POST", "/plain/orders", json(deep), "Content-Type", "application/json");

        assertThat(answer.status()).as(answer.show()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).containsPattern("\\d{3,}");
        assertThat(nothingForwarded()).isTrue();
    }

    // ---- the shape rule: [*] means array elements only

    @Test
    void anObjectWhereTheRuleExpectsAnArrayIsRefused() throws IOException {
        RawHttp.Response answer = send("POST", "/plain/orders", json("{\"lines\":{\"ref\":7}}"), "Content-Type", "application/json");

        assertThat(answer.status()).as(answer.show()).isEqualTo(422);
        assertThat(nothingForwarded()).isTrue();
    }

    // ---- helpers

    private RawHttp.Response send(String method, String target, String... headers) throws IOException {
        return send(method, target, null, headers);
    }

    private RawHttp.Response send(String method, String target, byte[] body, String... headers) throws IOException {
        List<Map.Entry<String, String>> all = new ArrayList<>();
        all.add(Map.entry("Host", "127.0.0.1:" + port));
        all.add(Map.entry("X-Api-Key", "north-key"));
        for (int i = 0; i < headers.length; i += 2) {
            all.add(Map.entry(headers[i], headers[i + 1]));
        }
        return RawHttp.send(port, new RawHttp.Request(method, target, all, body, false, 0));
    }

    /** The JSON the upstream received, or a failure saying it received something else. */
    private static Json parsed(String text) {
        try {
            return Json.parse(text);
        } catch (RuntimeException e) {
            throw new AssertionError("the upstream received a body that is not JSON (" + e.getMessage() + "): " + text, e);
        }
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean nothingForwarded() {
        return upstream.findAll(anyRequestedFor(anyUrl())).isEmpty();
    }

    private static LoggedRequest received() {
        List<LoggedRequest> all = upstream.findAll(anyRequestedFor(anyUrl()));
        assertThat(all).as("what the upstream received").hasSize(1);
        return all.get(0);
    }

    /** The values of every query parameter whose decoded name is skuRef. */
    private static List<String> ruledQueryValues(String url) {
        List<String> values = new ArrayList<>();
        String query = url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && "skuRef".equals(Encodings.decodeQuery(pair.substring(0, eq)))) {
                values.add(Encodings.decodeQuery(pair.substring(eq + 1)));
            }
        }
        return values;
    }
}
