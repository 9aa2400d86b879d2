package dev.dragoman.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.gateway.problem.JsonAnswers;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 202 answer of {@code POST /events} keeps the JSON docs/EVENTS.md shows: the same names, in the same order. */
class AcceptedViewTests {

    static final Instant DUE = Instant.parse("2030-01-01T00:10:00Z");

    @Test
    void anEventOfASaga_namesItsSagaid() {
        Accepted accepted = new Accepted("/order service", "o-1&2", "order.placed", "o-1", DUE, false, List.of("product", "payment"));

        assertThat(JsonAnswers.JSON.writeValueAsString(PublishHandler.view(accepted))).isEqualTo("{\"source\":\"/order service\",\"id\":\"o-1&2\",\"type\":\"order.placed\",\"sagaid\":\"o-1\","
                + "\"deadline\":\"2030-01-01T00:10:00Z\",\"duplicate\":false,\"receivers\":[\"product\",\"payment\"],"
                + "\"status\":\"/admin/events?source=%2Forder+service&id=o-1%262\"}");
    }

    @Test
    void anEventOutsideASaga_hasNoSagaid() {
        Accepted accepted = new Accepted("/order-service", "o-1", "order.placed", null, DUE, true, List.of());

        assertThat(JsonAnswers.JSON.writeValueAsString(PublishHandler.view(accepted))).isEqualTo("{\"source\":\"/order-service\",\"id\":\"o-1\",\"type\":\"order.placed\","
                + "\"deadline\":\"2030-01-01T00:10:00Z\",\"duplicate\":true,\"receivers\":[],"
                + "\"status\":\"/admin/events?source=%2Forder-service&id=o-1\"}");
    }
}
