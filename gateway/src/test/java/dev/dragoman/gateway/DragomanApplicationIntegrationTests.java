package dev.dragoman.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"dragoman.context-maps=src/test/resources/maps/valid", "dragoman.callers.web-support.api-keys=ws-key",
                "dragoman.admin.api-keys=admin-key"})
@AutoConfigureWebTestClient
class DragomanApplicationIntegrationTests {

    @Autowired
    WebTestClient http;

    @Test
    void healthIsUpAndCountsTheLoadedMaps() {
        http.get().uri("/actuator/health").header("X-Api-Key", "admin-key").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.contextMaps.status").isEqualTo("UP")
                .jsonPath("$.components.contextMaps.details.contexts").isEqualTo(2)
                .jsonPath("$.components.contextMaps.details.concepts").isEqualTo(1)
                .jsonPath("$.components.contextMaps.details.routes").isEqualTo(1)
                .jsonPath("$.components.contextMaps.details.events").isEqualTo(0)
                .jsonPath("$.components.contextMaps.details.sagas").isEqualTo(0)
                .jsonPath("$.components.contextMaps.details.directory").isEqualTo("src/test/resources/maps/valid");
    }

    @Test
    void exposesPrometheusMetrics() {
        http.get().uri("/actuator/prometheus").header("X-Api-Key", "admin-key").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
    }

    @Test
    void exposesTheGatewayEndpointReadOnly() {
        http.get().uri("/actuator/gateway/routes").header("X-Api-Key", "admin-key").exchange().expectStatus().isOk();
        http.post().uri("/actuator/gateway/refresh").header("X-Api-Key", "admin-key").exchange().expectStatus().is4xxClientError();
    }
}
