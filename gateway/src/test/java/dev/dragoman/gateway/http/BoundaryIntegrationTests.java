package dev.dragoman.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.gateway.testing.TestUpstream;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * Issue 12, the HTTP side: odd but legal messages must not carry a caller's identifier past the
 * gateway untranslated, and Dragoman's own answers must reach the caller as written. Each test
 * names the finding it guards; the map is {@link BoundaryMaps}, not one of the examples.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "dragoman.callers.clinic.api-keys=clinic-key",
        "dragoman.max-body-size=8KB"})
@AutoConfigureWebTestClient
class BoundaryIntegrationTests {

    @RegisterExtension
    static final TestUpstream upstream = TestUpstream.answering("{}");

    @DynamicPropertySource
    static void maps(DynamicPropertyRegistry registry) {
        registry.add("dragoman.context-maps", () -> BoundaryMaps.write(upstream.port()).toString());
    }

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    // ---- 1. the gateway's own answers are not run through the response rules

    @Test
    void own422_isNotTranslatedByResponseRulesOnTitleDetailAndName() {
        call("/lab/patients/P-9")
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Unknown identifier in the request")
                .jsonPath("$.errors[0].value").isEqualTo("P-9");
        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void own400ForMalformedJson_isNotTranslatedByResponseRules() {
        post("/lab/orders", MediaType.APPLICATION_JSON, "{\"patient\": ")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/malformed-json");
    }

    @Test
    void own413_isNotTranslatedByResponseRules() {
        post("/lab/orders", MediaType.APPLICATION_JSON, "{\"pad\":\"" + "x".repeat(9000) + "\"}")
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/body-too-large");
    }

    @Test
    void own415_isNotTranslatedByResponseRules() {
        post("/lab/orders", MediaType.parseMediaType("application/json;charset=utf-16"), "{}")
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.title").isEqualTo("Unsupported charset");
    }

    // ---- 2. response headers are translated on every kind of answer

    @Test
    void responseHeadersAreTranslated_onATextAnswer() {
        upstream.stubFor(any(urlPathEqualTo("/patients/501")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withHeader("X-Patient", "501").withBody("plain")));

        call("/lab/patients/P-1").expectStatus().isOk().expectHeader().valueEquals("X-Patient", "P-1")
                .expectBody(String.class).isEqualTo("plain");
    }

    @Test
    void responseHeadersAreTranslated_onA204() {
        upstream.stubFor(any(urlPathEqualTo("/patients/501")).willReturn(aResponse().withStatus(204).withHeader("X-Patient", "502")));

        call("/lab/patients/P-1").expectStatus().isNoContent().expectHeader().valueEquals("X-Patient", "P-2");
    }

    @Test
    void responseHeadersAreTranslated_onA304() {
        upstream.stubFor(any(urlPathEqualTo("/patients/501")).willReturn(aResponse().withStatus(304)
                .withHeader("ETag", "\"v1\"").withHeader("X-Patient", "501")));

        call("/lab/patients/P-1").expectStatus().isNotModified().expectHeader().valueEquals("X-Patient", "P-1");
    }

    @Test
    void responseHeadersAreTranslated_onAHeadAnswerWithAJsonType() {
        upstream.stubFor(any(urlPathEqualTo("/patients/501")).willReturn(okJson("{\"patient\": 501}").withHeader("X-Patient", "501")));

        http.head().uri("/lab/patients/P-1").header("X-Api-Key", "clinic-key").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Patient", "P-1")
                .expectBody().isEmpty();
        assertThat(received().getMethod().getName()).isEqualTo("HEAD");
    }

    @Test
    void responseHeadersAreTranslated_onUpstream4xxAnd5xx() {
        upstream.stubFor(any(urlPathEqualTo("/patients/501")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html").withHeader("X-Patient", "501").withBody("<h1>gone</h1>")));
        upstream.stubFor(any(urlPathEqualTo("/patients/502")).willReturn(aResponse().withStatus(503).withHeader("X-Patient", "502")));

        call("/lab/patients/P-1").expectStatus().isNotFound().expectHeader().valueEquals("X-Patient", "P-1");
        call("/lab/patients/P-2").expectStatus().isEqualTo(503).expectHeader().valueEquals("X-Patient", "P-2");
    }

    @Test
    void anUnknownResponseHeaderOnATextAnswerOrA204Is502() {
        upstream.stubFor(any(urlPathEqualTo("/patients/501")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain").withHeader("X-Patient", "599").withBody("about 599")));
        upstream.stubFor(any(urlPathEqualTo("/patients/502")).willReturn(aResponse().withStatus(204).withHeader("X-Patient", "599")));

        call("/lab/patients/P-1").expectStatus().isEqualTo(502).expectHeader().doesNotExist("X-Patient")
                .expectBody().jsonPath("$.errors[0].location").isEqualTo("header X-Patient");
        call("/lab/patients/P-2").expectStatus().isEqualTo(502).expectHeader().doesNotExist("X-Patient");
    }

    @Test
    void repeatedAndCommaJoinedResponseHeadersAreEachTranslated() {
        upstream.stubFor(any(urlPathEqualTo("/patients/501")).willReturn(aResponse().withStatus(200)
                .withHeader("x-patient", "501", "502").withHeader("Content-Type", "text/plain").withBody("")));
        upstream.stubFor(any(urlPathEqualTo("/patients/502")).willReturn(aResponse().withStatus(200)
                .withHeader("X-Patient", "501, 502").withHeader("Content-Type", "text/plain").withBody("")));

        call("/lab/patients/P-1").expectStatus().isOk().expectHeader().valueEquals("X-Patient", "P-1", "P-2");
        call("/lab/patients/P-2").expectStatus().isOk().expectHeader().valueEquals("X-Patient", "P-1, P-2");
    }

    // ---- 3. percent-encoded query names

    @Test
    void aPercentEncodedQueryNameIsTranslated_notKeptBesideTheTranslation() throws IOException {
        assertThat(raw("GET", "/lab/search?patien%74=P-1&x=%7e", null).status()).isEqualTo(200);
        assertThat(received().getUrl()).isEqualTo("/search?patient=501&x=%7e");

        upstream.resetRequests();
        assertThat(raw("GET", "/lab/search?%70atient=P-2&patient=P-1", null).status()).isEqualTo(200);
        assertThat(received().getUrl()).isEqualTo("/search?patient=502&patient=501");
    }

    @Test
    void plusInAQueryValueIsASpace_andTheTranslationIsEncoded() throws IOException {
        assertThat(raw("GET", "/lab/search?name=ann+lee&q=a+b", null).status()).isEqualTo(200);
        assertThat(received().getUrl()).isEqualTo("/search?name=anna%20lee%20%26%20co&q=a+b");
    }

    @Test
    void anEncodedQueryNameWithAnUnknownValueIs422() throws IOException {
        assertThat(raw("GET", "/lab/search?patien%74=P-9", null).status()).isEqualTo(422);
        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    // ---- 4. valueless query parameters

    @Test
    void aValuelessOrEmptyQueryParameterIs422_not500() throws IOException {
        RawAnswer valueless = raw("GET", "/lab/search?patient", null);
        assertThat(valueless.status()).isEqualTo(422);
        assertThat(valueless.body()).contains("\"location\":\"query patient\"");
        assertThat(raw("GET", "/lab/search?patient=", null).status()).isEqualTo(422);
        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void withOnUnknownPass_aValuelessQueryParameterIsForwardedAsItCame() throws IOException {
        assertThat(raw("GET", "/lenient/search?patient&x=1", null).status()).isEqualTo(200);
        assertThat(received().getUrl()).isEqualTo("/search?patient&x=1");
    }

    // ---- 5. path shapes

    @Test
    void aTrailingSlashStillMatchesItsTemplate_andIsKept() throws IOException {
        assertThat(raw("GET", "/lab/patients/P-1/", null).status()).isEqualTo(200);
        assertThat(received().getUrl()).isEqualTo("/patients/501/");
    }

    @Test
    void dotSegmentsAreRemovedBeforeMatching_plainOrEncoded() throws IOException {
        assertThat(raw("GET", "/lab/patients/P-1/x/..", null).status()).isEqualTo(200);
        assertThat(received().getUrl()).isEqualTo("/patients/501/");

        upstream.resetRequests();
        assertThat(raw("GET", "/lab/patients/x/%2e%2E/P-2/results", null).status()).isEqualTo(200);
        assertThat(received().getUrl()).isEqualTo("/patients/502/results");
    }

    @Test
    void emptySegmentsAndPathParametersDoNotHideAnIdentifier() throws IOException {
        assertThat(raw("GET", "/lab/patients//P-1", null).status()).isEqualTo(200);
        assertThat(received().getUrl()).isEqualTo("/patients/501");

        upstream.resetRequests();
        assertThat(raw("GET", "/lab/patients/P-9;v=1", null).status()).isEqualTo(422);
        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anEncodedSlashThatWouldHideAnIdentifierIs400() throws IOException {
        RawAnswer answer = raw("GET", "/lab/patients%2FP-1", null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("ambiguous-path");
        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    // ---- shapes: a rule's path meeting a value of another shape

    @Test
    void anObjectWhereTheRuleExpectsAnArrayIs422_namingPathAndShape_andNothingIsForwarded() {
        post("/lab/orders", MediaType.APPLICATION_JSON, "{\"items\": {\"mrn\": \"P-1\"}}")
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].reason").isEqualTo("shape-mismatch")
                .jsonPath("$.errors[0].location").isEqualTo("body $.items")
                .jsonPath("$.errors[0].value").isEqualTo("an object");
        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anArrayOfArraysUnderARuleIsTranslatedEveryWhere() {
        post("/lab/orders", MediaType.APPLICATION_JSON, "{\"items\": [{\"mrn\": [[\"P-1\"], \"P-2\"]}]}").expectStatus().isOk();
        assertThat(received().getBodyAsString()).isEqualTo("{\"items\": [{\"mrn\": [[501], 502]}]}");
    }

    @Test
    void aResponseOfAnotherShapeAtARuledPathIs502_withoutTheCalleesValue() {
        upstream.stubFor(any(urlPathEqualTo("/patients/501")).willReturn(okJson("{\"panels\": {\"patient\": 599}}")));

        call("/lab/patients/P-1").expectStatus().isEqualTo(502)
                .expectBody()
                .jsonPath("$.errors[0].reason").isEqualTo("shape-mismatch")
                .jsonPath("$.errors[0].location").isEqualTo("body $.panels")
                .consumeWith(answer -> assertThat(new String(answer.getResponseBodyContent(), StandardCharsets.UTF_8)).doesNotContain("599"));
    }

    // ---- 6. JSON that is not UTF-8

    @Test
    void aRequestDeclaredInAnotherCharsetIs415_namingIt() {
        post("/lab/orders", MediaType.parseMediaType("application/json; charset=ISO-8859-1"), "{\"patient\":\"P-1\"}")
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/unsupported-charset")
                .jsonPath("$.charset").isEqualTo("ISO-8859-1");
        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aCharsetUnknownToTheJdkIsNamedToo_inBothDirections() throws IOException {
        RawAnswer request = raw("POST", "/lab/orders",
                "Content-Type: application/json; charset=x-klingon\r\nContent-Length: 2\r\n", "{}");
        assertThat(request.status()).isEqualTo(415);
        assertThat(request.body()).contains("\"charset\":\"x-klingon\"");
        upstream.verify(0, anyRequestedFor(anyUrl()));

        upstream.stubFor(any(urlPathEqualTo("/patients/501")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json; charset=x-klingon").withBody("{\"patient\":501}")));
        call("/lab/patients/P-1").expectStatus().isEqualTo(502).expectBody().jsonPath("$.charset").isEqualTo("x-klingon");
    }

    @Test
    void aContentTypeThatDoesNotParseIs400MalformedHeader_andNothingIsForwarded() throws IOException {
        RawAnswer answer = raw("POST", "/lab/orders", "Content-Type: application/\r\nContent-Length: 17\r\n", "{\"patient\":\"P-1\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("https://dragoman.dev/problems/malformed-header");
        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aUtf16RequestBodyIs415_withOrWithoutByteOrderMark() {
        postBytes("/lab/orders", MediaType.APPLICATION_JSON, "{\"patient\":\"P-1\"}".getBytes(StandardCharsets.UTF_16LE))
                .expectStatus().isEqualTo(415).expectBody().jsonPath("$.charset").isEqualTo("UTF-16LE");
        postBytes("/lab/orders", MediaType.APPLICATION_JSON, "{\"patient\":\"P-1\"}".getBytes(StandardCharsets.UTF_16))
                .expectStatus().isEqualTo(415).expectBody().jsonPath("$.charset").isEqualTo("UTF-16BE");
        postBytes("/lab/orders", MediaType.APPLICATION_JSON, " {\"patient\":\"P-1\"}".getBytes(Charset.forName("UTF-32LE")))
                .expectStatus().isEqualTo(415).expectBody().jsonPath("$.charset").isEqualTo("UTF-32LE");
        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aUtf8CharsetSpelledAnyWayIsTranslated() {
        post("/lab/orders", MediaType.parseMediaType("application/vnd.clinic.order+json; charset=\"UTF-8\""), "{\"patient\":\"P-1\"}")
                .expectStatus().isOk();
        assertThat(received().getBodyAsString()).isEqualTo("{\"patient\":501}");
    }

    @Test
    void aResponseInAnotherCharsetIs502() {
        upstream.stubFor(any(urlPathEqualTo("/patients/501")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json; charset=utf-16le").withBody("{\"patient\":501}".getBytes(StandardCharsets.UTF_16LE))));
        upstream.stubFor(any(urlPathEqualTo("/patients/502")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"patient\":502}".getBytes(StandardCharsets.UTF_16BE))));

        call("/lab/patients/P-1").expectStatus().isEqualTo(502).expectBody()
                .jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/unsupported-charset")
                .jsonPath("$.charset").isEqualTo("utf-16le");
        call("/lab/patients/P-2").expectStatus().isEqualTo(502).expectBody().jsonPath("$.charset").isEqualTo("UTF-16BE");
    }

    // ---- 7. bodies Dragoman must decode or refuse

    @Test
    void aGzipRequestBodyIsDecodedTranslatedAndForwardedPlain() throws IOException {
        http.post().uri("/lab/orders").header("X-Api-Key", "clinic-key").header("Content-Encoding", "gzip")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(gzip("{\"patient\":\"P-1\",\"x\":{\"mrns\":[\"P-2\"]}}"))
                .exchange().expectStatus().isOk();

        LoggedRequest request = received();
        assertThat(request.getBodyAsString()).isEqualTo("{\"patient\":501,\"x\":{\"mrns\":[502]}}");
        assertThat(request.containsHeader("Content-Encoding")).isFalse();
        assertThat(request.getHeader("Content-Length")).isEqualTo(String.valueOf(request.getBody().length));
    }

    @Test
    void aDeflateRequestBodyIsDecodedToo() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out)) {
            deflate.write("{\"patient\":\"P-2\"}".getBytes(StandardCharsets.UTF_8));
        }
        http.post().uri("/lab/orders").header("X-Api-Key", "clinic-key").header("Content-Encoding", "deflate")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(out.toByteArray())
                .exchange().expectStatus().isOk();

        assertThat(received().getBodyAsString()).isEqualTo("{\"patient\":502}");
    }

    @Test
    void aGzipBombOverTheLimitIs413() throws IOException {
        byte[] bomb = gzip("{\"pad\":\"" + "x".repeat(100_000) + "\"}");
        http.post().uri("/lab/orders").header("X-Api-Key", "clinic-key").header("Content-Encoding", "gzip")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(bomb)
                .exchange().expectStatus().isEqualTo(413);
        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRequestBodyInACodingDragomanCannotDecodeIs415_namingIt() {
        http.post().uri("/lab/orders").header("X-Api-Key", "clinic-key").header("Content-Encoding", "br")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new byte[] {11, 2, 3})
                .exchange().expectStatus().isEqualTo(415)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/unsupported-encoding")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("'br'"));
        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aCorruptGzipBodyIs400() {
        http.post().uri("/lab/orders").header("X-Api-Key", "clinic-key").header("Content-Encoding", "gzip")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"patient\":\"P-1\"}")
                .exchange().expectStatus().isBadRequest();
        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void deepNestingIs400_namingTheLimit() {
        post("/lab/orders", MediaType.APPLICATION_JSON, "[".repeat(5_000))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://dragoman.dev/problems/malformed-json")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("nests deeper than 500 levels"));
        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    // ---- 8. the list of unknown values is bounded

    @Test
    void aRequestWithManyUnknownValuesListsAtMostTheReportedLimit() {
        StringBuilder body = new StringBuilder("{\"mrns\":[");
        for (int i = 0; i < 150; i++) {
            body.append(i == 0 ? "" : ",").append("\"Q-").append(i).append('"');
        }
        body.append("]}");

        post("/lab/orders?patient=Q-x", MediaType.APPLICATION_JSON, body.toString())
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(100)
                .jsonPath("$.errors[0].location").isEqualTo("query patient");
    }

    // ---- other odd but legal input

    @Test
    void repeatedAndDifferentlyCasedRequestHeaderLinesAreEachTranslated() throws IOException {
        assertThat(raw("GET", "/lab/patients/P-1", "x-patient: P-1\r\nX-PATIENT: P-2\r\n").status()).isEqualTo(200);
        // Spring's copy of the request (strip-prefix) repeats the lines of a header sent in two casings;
        // what matters here is that every line the upstream gets is translated
        assertThat(received().getHeaders().getHeader("X-Patient").values()).contains("501", "502").containsOnly("501", "502");
    }

    @Test
    void aCommaJoinedRequestHeaderIsTranslatedElementByElement() throws IOException {
        assertThat(raw("GET", "/lab/patients/P-1", "X-Patient: P-1, P-2\r\n").status()).isEqualTo(200);
        assertThat(received().getHeader("X-Patient")).isEqualTo("501, 502");

        upstream.resetRequests();
        assertThat(raw("GET", "/lab/patients/P-1", "X-Patient: P-1,P-9\r\n").status()).isEqualTo(422);
        upstream.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aChunkedRequestBodyIsTranslated_andSentWithItsLength() {
        Flux<DataBuffer> chunks = Flux.just("{\"pat", "ient\":", "\"P-2\"}")
                .map(s -> DefaultDataBufferFactory.sharedInstance.wrap(s.getBytes(StandardCharsets.UTF_8)));
        http.post().uri("/lab/orders").header("X-Api-Key", "clinic-key").contentType(MediaType.APPLICATION_JSON)
                .body(chunks, DataBuffer.class).exchange().expectStatus().isOk();

        LoggedRequest request = received();
        assertThat(request.getBodyAsString()).isEqualTo("{\"patient\":502}");
        assertThat(request.containsHeader("Transfer-Encoding")).isFalse();
        assertThat(request.getHeader("Content-Length")).isEqualTo("15");
    }

    @Test
    void anEmptyJsonBodyIsForwardedEmpty() {
        http.post().uri("/lab/orders").header("X-Api-Key", "clinic-key").contentType(MediaType.APPLICATION_JSON)
                .exchange().expectStatus().isOk();
        assertThat(received().getBody()).isEmpty();
    }

    @Test
    void anEmptyJsonResponseBodyIsNotAnError() {
        upstream.stubFor(any(urlPathEqualTo("/patients/501")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("X-Patient", "501")));

        call("/lab/patients/P-1").expectStatus().isOk().expectHeader().valueEquals("X-Patient", "P-1");
    }

    @Test
    void aCallerThatOffersNoCodingGetsAnUncompressedAnswer() {
        call("/lab/patients/P-1").expectStatus().isOk();
        assertThat(received().getHeader("Accept-Encoding")).isEqualTo("identity");
    }

    // ---- helpers

    private WebTestClient.ResponseSpec call(String uri) {
        return http.get().uri(URI.create("http://127.0.0.1:" + port + uri)).header("X-Api-Key", "clinic-key")
                .header("Accept-Encoding", "identity").exchange();
    }

    private WebTestClient.ResponseSpec post(String uri, MediaType type, String body) {
        return postBytes(uri, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private WebTestClient.ResponseSpec postBytes(String uri, MediaType type, byte[] body) {
        return http.post().uri(URI.create("http://127.0.0.1:" + port + uri)).header("X-Api-Key", "clinic-key").contentType(type)
                .bodyValue(body).exchange();
    }

    record RawAnswer(int status, String body) {
    }

    /** A request written byte for byte: no client library gets to normalise its target. */
    private RawAnswer raw(String method, String target, String extraHeaders) throws IOException {
        return raw(method, target, extraHeaders, "");
    }

    private RawAnswer raw(String method, String target, String extraHeaders, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Api-Key: clinic-key\r\n"
                    + (extraHeaders == null ? "" : extraHeaders) + "Connection: close\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            int bodyStart = answer.indexOf("\r\n\r\n");
            return new RawAnswer(status, bodyStart < 0 ? "" : answer.substring(bodyStart + 4));
        }
    }

    private static LoggedRequest received() {
        List<LoggedRequest> requests = upstream.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
