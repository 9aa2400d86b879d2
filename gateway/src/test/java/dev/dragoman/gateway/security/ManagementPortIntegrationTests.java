package dev.dragoman.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With the actuator on a port of its own (management.server.port), the same rules hold there:
 * health's status is open, the rest wants the admin key, and Prometheus opens where configured.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "dragoman.context-maps=src/test/resources/maps/ops",
        "dragoman.callers.web-support.api-keys=ws-key",
        "dragoman.admin.api-keys=admin-key",
        "dragoman.admin.open-prometheus=true",
        "dragoman.reload.watch=false",
        "management.server.port=0"})
class ManagementPortIntegrationTests {

    @LocalManagementPort
    int managementPort;

    @Test
    void theManagementPortKeepsTheSameRules() {
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();

        management.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
        management.get().uri("/actuator/health").header("X-Api-Key", "admin-key").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.contextMaps.status").isEqualTo("UP");
        management.get().uri("/actuator/gateway/routes").exchange().expectStatus().isUnauthorized();
        management.get().uri("/actuator/gateway/routes").header("X-Api-Key", "admin-key").exchange().expectStatus().isOk();
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
    }
}
