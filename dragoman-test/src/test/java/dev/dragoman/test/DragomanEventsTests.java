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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example maps' events (context-maps/orders.yaml) through the extension: a context publishes
 * in its vocabulary, each receiver's inbox gets its copy in its own, and an identifier no
 * receiver can translate is refused before anything is stored or sent.
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

    /** The copy of extension-order-1 in a context's inbox, or null while it has not arrived. */
    private static JsonNode copy(Dragoman dragoman, String context) {
        List<LoggedRequest> received = dragoman.inboxes().findAll(postRequestedFor(urlEqualTo("/inbox/" + context)));
        return received.stream().map(r -> JSON.readTree(r.getBodyAsString()))
                .filter(event -> event.path("id").asString().equals("extension-order-1"))
                .findFirst().orElse(null);
    }
}
