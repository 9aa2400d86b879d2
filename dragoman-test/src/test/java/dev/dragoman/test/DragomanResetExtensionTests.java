package dev.dragoman.test;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What one test leaves on the WireMock servers is gone before the next: its stubs, its journal.
 * The order is fixed so the second test runs after the first has dirtied the servers; the gateway
 * is the same (its port tells), only the servers are reset.
 */
@DragomanTest(maps = "../context-maps")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DragomanResetExtensionTests {

    private static java.net.URI firstGateway;

    @Test
    @Order(1)
    void aTestStubsAndCalls(Dragoman dragoman) {
        firstGateway = dragoman.baseUri();
        dragoman.upstream("game-dept").stubFor(get("/games/1001").willReturn(okJson("{\"code\": 1001}")));

        assertThat(dragoman.client("web-support").get("/game-dept/games/1").status()).isEqualTo(200);
        assertThat(dragoman.upstream("game-dept").findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    @Order(2)
    void theNextFindsNoStubAndAnEmptyJournalOnTheSameGateway(Dragoman dragoman) {
        assertThat(dragoman.baseUri()).isEqualTo(firstGateway);
        assertThat(dragoman.upstream("game-dept").getStubMappings()).isEmpty();
        assertThat(dragoman.upstream("game-dept").findAll(anyRequestedFor(anyUrl()))).isEmpty();

        // Unstubbed, WireMock answers 404; the gateway passes the department's answer on.
        assertThat(dragoman.client("web-support").get("/game-dept/games/1").status()).isEqualTo(404);
    }
}
