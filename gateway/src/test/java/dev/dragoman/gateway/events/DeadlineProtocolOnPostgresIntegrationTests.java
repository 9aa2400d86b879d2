package dev.dragoman.gateway.events;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The deadline protocol end to end on a real PostgreSQL, whose row locks are the ones that matter in production. */
@Import(DeadlineProtocolContract.MovedTime.class)
class DeadlineProtocolOnPostgresIntegrationTests extends DeadlineProtocolContract {

    static final WireMockServer INBOXES = CloudEventOracle.inboxServer();

    @DynamicPropertySource
    static void postgresAndMaps(DynamicPropertyRegistry registry) {
        if (!INBOXES.isRunning()) {
            INBOXES.start();
        }
        TestDatabases.usePostgres(registry);
        registry.add("dragoman.context-maps", () -> EventMaps.write(INBOXES.port()).toString());
    }

    @AfterAll
    static void stopInboxes() {
        INBOXES.stop();
    }

    @Override
    WireMockServer inboxes() {
        return INBOXES;
    }
}
