package dev.dragoman.test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example maps' events (context-maps/orders.yaml) through the extension: a context publishes
 * in its vocabulary, each receiver's inbox gets its copy in its own, and an identifier no
 * receiver can translate is refused before anything is stored or sent; a saga that a participant
 * fails ends aborted, with its outcome to everyone and a compensation for what had completed.
 */
@DragomanTest(maps = "../context-maps")
class DragomanEventsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> CLOUD_EVENT = Map.of("Content-Type", "application/cloudevents+json");

    @Test
    void anOrderPlacedReachesProductAndShippingInTheirOwnSkus(Dragoman dragoman) {
        DragomanResponse accepted = dragoman.client("order").send("POST", "/events", CLOUD_EVENT, """
                {"specversion": "1.0", "id": "extension-order-1", "source": "/orders", "type": "order.placed",
                 "datacontenttype": "application/json",
                 "data": {"items": [{"sku": "GX-1001", "quantity": 2}], "amount": 10000}}""");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode product = await().atMost(Duration.ofSeconds(20)).until(() -> copy(dragoman, "product"), copy -> copy != null);
        JsonNode shipping = await().atMost(Duration.ofSeconds(20)).until(() -> copy(dragoman, "shipping"), copy -> copy != null);
        assertThat(product.path("data").path("items").get(0).path("sku").asInt()).isEqualTo(501);
        assertThat(shipping.path("data").path("items").get(0).path("sku").asString()).isEqualTo("SHP-501");
    }

    @Test
    void anUnknownSkuIsRefusedForEveryoneAndNothingIsDelivered(Dragoman dragoman) {
        DragomanResponse refused = dragoman.client("order").send("POST", "/events", CLOUD_EVENT, """
                {"specversion": "1.0", "id": "extension-order-2", "source": "/orders", "type": "order.placed",
                 "datacontenttype": "application/json",
                 "data": {"items": [{"sku": "GX-9999", "quantity": 1}], "amount": 500}}""");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("GX-9999");
        // By id: copies of an earlier test's event may still be arriving (delivery is asynchronous).
        assertThat(dragoman.inboxes().findAll(anyRequestedFor(anyUrl())))
                .noneMatch(copy -> copy.getBodyAsString().contains("extension-order-2"));
    }

    @Test
    void aSagaAbortedByAParticipantAnnouncesItsOutcomeAndRefundsThePaymentWithTheAmountNegated(Dragoman dragoman) {
        String saga = "extension-saga-1";
        publish(dragoman, "order", """
                {"specversion": "1.0", "id": "extension-order-3", "source": "/orders", "type": "order.placed", "sagaid": "%s",
                 "datacontenttype": "application/json",
                 "data": {"items": [{"sku": "GX-1002", "quantity": 1}], "amount": 10000}}""".formatted(saga));
        publish(dragoman, "payment", """
                {"specversion": "1.0", "id": "extension-payment-3", "source": "/payments", "type": "payment.captured", "sagaid": "%s",
                 "datacontenttype": "application/json", "data": {"amount": 10000}}""".formatted(saga));
        publish(dragoman, "product", """
                {"specversion": "1.0", "id": "extension-product-3", "source": "/products", "type": "product.out-of-stock", "sagaid": "%s",
                 "datacontenttype": "application/json", "data": {"items": [{"sku": 502}]}}""".formatted(saga));

        JsonNode cancelled = await().atMost(Duration.ofSeconds(20))
                .until(() -> sagaCopy(dragoman, "order", "order.cancelled", saga), copy -> copy != null);
        JsonNode refund = await().atMost(Duration.ofSeconds(20))
                .until(() -> sagaCopy(dragoman, "payment", "payment.refund", saga), copy -> copy != null);
        assertThat(cancelled.path("sagaid").asString()).isEqualTo(saga);
        assertThat(refund.path("data").path("amount").asLong()).isEqualTo(-10000);
        // Product failed: it completed nothing, so it has nothing to release.
        assertThat(sagaCopy(dragoman, "product", "product.release", saga)).isNull();
        assertThat(dragoman.admin().get("/admin/sagas/" + saga).json().path("status").asString()).isEqualTo("aborted");
    }

    private static void publish(Dragoman dragoman, String context, String cloudEvent) {
        DragomanResponse accepted = dragoman.client(context).send("POST", "/events", CLOUD_EVENT, cloudEvent);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    }

    /** The copy of extension-order-1 in a context's inbox, or null while it has not arrived. */
    private static JsonNode copy(Dragoman dragoman, String context) {
        return received(dragoman, context).filter(event -> event.path("id").asString().equals("extension-order-1"))
                .findFirst().orElse(null);
    }

    /** A copy of the given type for a saga in a context's inbox, or null while none has arrived. */
    private static JsonNode sagaCopy(Dragoman dragoman, String context, String type, String sagaId) {
        return received(dragoman, context)
                .filter(event -> event.path("type").asString().equals(type) && event.path("sagaid").asString().equals(sagaId))
                .findFirst().orElse(null);
    }

    private static Stream<JsonNode> received(Dragoman dragoman, String context) {
        List<LoggedRequest> received = dragoman.inboxes().findAll(postRequestedFor(urlEqualTo("/inbox/" + context)));
        return received.stream().map(r -> JSON.readTree(r.getBodyAsString()));
    }
}
