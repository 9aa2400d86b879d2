package dev.dragoman.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.kit.testservice.PaymentHandlers.RecordingHandler;
import dev.dragoman.kit.testservice.PaymentHandlers.Requests;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Dragoman's copies posted to the test service's inbox over real HTTP, as the gateway's delivery posts them. */
class InboxTests extends KitTestBase {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Autowired
    Requests requests;

    @Autowired
    RecordingHandler orderCancelled;

    @Autowired
    JsonMapper mapper;

    @Test
    void aCopyIsHandledInTheServicesTransactionAndItsRepeatIsAcknowledgedWithoutHandlingItAgain() throws Exception {
        String id = UUID.randomUUID().toString();
        String copy = structured(id, "payment.requested", "order-" + id, clock.instant().plusSeconds(60),
                "{\"order\":\"" + id + "\",\"amount\":10000}");

        HttpResponse<String> first = post(copy, "application/cloudevents+json; charset=utf-8");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(mapper.readTree(first.body()).get("result").asString()).isEqualTo("handled");
        assertThat(ledger("requested", id)).isEqualTo(1);
        assertThat(requests.inTransaction).isNotEmpty().doesNotContain(false);
        assertThat(inboxRows(id)).isEqualTo(1);

        HttpResponse<String> again = post(copy, "application/cloudevents+json; charset=utf-8");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(mapper.readTree(again.body()).get("result").asString()).isEqualTo("duplicate");
        assertThat(ledger("requested", id)).isEqualTo(1);
    }

    @Test
    void aBinaryModeCopyIsHandledWithItsExtensionsFromTheHeaders() throws Exception {
        String id = UUID.randomUUID().toString();
        Instant deadline = clock.instant().plusSeconds(60);
        HttpRequest request = HttpRequest.newBuilder(inbox())
                .header("ce-specversion", "1.0").header("ce-id", id).header("ce-source", "/dragoman/sagas/order-placement")
                .header("ce-type", "order.cancelled").header("ce-sagaid", "order-" + id)
                .header("ce-deadline", deadline.toString()).header("ce-expirytime", deadline.plusSeconds(86400).toString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":10000}")).build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        InboundEvent event = orderCancelled.events.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
        assertThat(event.source()).isEqualTo("/dragoman/sagas/order-placement");
        assertThat(event.sagaId()).isEqualTo("order-" + id);
        assertThat(event.deadline()).isEqualTo(deadline);
        assertThat(event.expiryTime()).isEqualTo(deadline.plusSeconds(86400));
        assertThat(event.data().get("amount").asLong()).isEqualTo(10000);
    }

    @Test
    void aCopyPastItsExpirytimeIsRefusedWith410SoThatDragomanStopsSendingItAndIsNotHandled() throws Exception {
        String id = UUID.randomUUID().toString();
        String copy = structured(id, "payment.requested", "order-" + id, clock.instant().minusMillis(1),
                "{\"order\":\"" + id + "\",\"amount\":10000}");

        HttpResponse<String> response = post(copy, "application/cloudevents+json");

        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = mapper.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://dragoman.dev/problems/copy-expired");
        assertThat(problem.get("detail").asString()).contains(id).contains("expired at");
        assertThat(ledger("requested", id)).isZero();
        assertThat(inboxRows(id)).isZero();
    }

    @Test
    void aCopyOfATypeWithoutHandlerIsRefusedWith422() throws Exception {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> response = post(structured(id, "shipping.scheduled", null, clock.instant().plusSeconds(60), "{}"),
                "application/cloudevents+json");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(mapper.readTree(response.body()).get("detail").asString()).contains("shipping.scheduled");
        assertThat(inboxRows(id)).isZero();
    }

    @Test
    void aFailingHandlerRollsBackItsWritesAndTheInboxRowAndAsksForTheCopyAgainWith500() throws Exception {
        String id = UUID.randomUUID().toString();
        String copy = structured(id, "payment.audit", null, clock.instant().plusSeconds(60), "{}");

        HttpResponse<String> response = post(copy, "application/cloudevents+json");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(mapper.readTree(response.body()).get("detail").asString()).contains("the auditor is out to lunch");
        assertThat(inboxRows(id)).isZero();
        assertThat(ledger("audit", id)).isZero();
        // Not remembered, so the retry runs the handler again rather than being taken for a duplicate.
        assertThat(post(copy, "application/cloudevents+json").statusCode()).isEqualTo(500);
    }

    @Test
    void somethingThatIsNotACloudEventIsRefusedWith400() throws Exception {
        HttpResponse<String> response = post("{\"hello\":\"world\"}", "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(mapper.readTree(response.body()).get("type").asString()).isEqualTo("https://dragoman.dev/problems/invalid-event");
    }

    private String structured(String id, String type, String sagaId, Instant expiry, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/order-service\",\"type\":\"" + type + "\","
                + "\"datacontenttype\":\"application/json\"," + (sagaId == null ? "" : "\"sagaid\":\"" + sagaId + "\",")
                + "\"expirytime\":\"" + expiry + "\",\"deadline\":\"" + expiry + "\",\"data\":" + data + "}";
    }

    private HttpResponse<String> post(String body, String contentType) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(inbox()).timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI inbox() {
        return URI.create("http://127.0.0.1:" + port + "/dragoman/inbox");
    }

    private long inboxRows(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM dragoman_inbox WHERE id = ?").param(id).query(Long.class).single();
    }
}
