package dev.dragoman.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the operations surface tells a stranger (issue 12, item 10): the health status and
 * nothing more; the route table (every upstream URL), the health details, the metrics and every
 * other actuator endpoint only to the admin key, as under /admin/.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "dragoman.context-maps=src/test/resources/maps/ops",
        "dragoman.callers.web-support.api-keys=ws-key",
        "dragoman.admin.api-keys=admin-key",
        "dragoman.reload.watch=false"})
@AutoConfigureWebTestClient
class OperationsSurfaceIntegrationTests {

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    @Test
    void healthIsOpenWithItsStatusOnly() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components").doesNotExist()
                .jsonPath("$.details").doesNotExist();
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void healthShowsItsComponentsAndDetailsToTheAdminKey() {
        http.get().uri("/actuator/health").header("X-Api-Key", "admin-key").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.contextMaps.details.routes").isEqualTo(1)
                .jsonPath("$.components.db.status").isEqualTo("UP");
    }

    @Test
    void aCallersKeyDoesNotOpenTheHealthDetails() {
        http.get().uri("/actuator/health").header("X-Api-Key", "ws-key").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components").doesNotExist();
    }

    @Test
    void theRouteTableNeedsTheAdminKey() {
        http.get().uri("/actuator/gateway/routes").exchange().expectStatus().isUnauthorized();
        http.get().uri("/actuator/gateway/routes").header("X-Api-Key", "ws-key").exchange().expectStatus().isForbidden();
        http.get().uri("/actuator/gateway/routes").header("X-Api-Key", "admin-key").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(routes -> assertThat(routes).contains("http://127.0.0.1:9"));
    }

    @Test
    void prometheusNeedsTheAdminKeyUnlessOpened() {
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType("application/problem+json");
        http.get().uri("/actuator/prometheus").header("X-Api-Key", "admin-key").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics).contains("jvm_memory_used_bytes"));
    }

    @Test
    void everyOtherActuatorPathNeedsTheAdminKey_howeverItIsSpelled() {
        for (String path : List.of("/actuator", "/actuator/", "/actuator/info", "/actuator/health/contextMaps", "/actuator/health/db",
                "/actuator/gateway/routefilters", "/%61ctuator/gateway/routes", "/actuator;x=1/gateway/routes",
                "/actuator/gateway/routes;y=2", "/actuator/gateway/globalfilters")) {
            http.get().uri(URI.create("http://127.0.0.1:" + port + path)).exchange().expectStatus().isUnauthorized();
        }
    }
}
