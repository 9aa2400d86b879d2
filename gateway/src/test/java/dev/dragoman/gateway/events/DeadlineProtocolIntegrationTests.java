package dev.dragoman.gateway.events;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The deadline protocol end to end on the embedded H2. */
@Import(DeadlineProtocolContract.MovedTime.class)
class DeadlineProtocolIntegrationTests extends DeadlineProtocolContract {

    static final WireMockServer INBOXES = CloudEventOracle.inboxServer();

    @DynamicPropertySource
    static void maps(DynamicPropertyRegistry registry) {
        if (!INBOXES.isRunning()) {
            INBOXES.start();
        }
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
