package dev.dragoman.gateway.intake;

import dev.dragoman.gateway.events.EventMaps;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.gateway.config.DragomanProperties.Overrides;
import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.rules.Translators;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** dragoman.overrides.inboxes sends a context's copies elsewhere without editing the maps. */
class InboxOverrideTests {

    final Translators translators = ModelHolder.load(EventMaps.write(9)).current().translators();
    final Publishing orderPlaced = Publishing.of(translators.model(), "order.placed", "order");

    @Test
    void anOverriddenContextsCopiesGoToTheOverride_theOthersToTheirInbox() {
        Overrides overrides = new Overrides(Map.of(), Map.of("product", "http://127.0.0.1:4711/inbox/product"));

        assertThat(EventIntake.endpoint(translators, orderPlaced, "product", overrides)).isEqualTo("http://127.0.0.1:4711/inbox/product");
        assertThat(EventIntake.endpoint(translators, orderPlaced, "shipping", overrides)).isEqualTo("http://127.0.0.1:9/shipping/events");
    }

    @Test
    void anOverrideAlsoReplacesADeliverysOwnEndpoint() {
        Publishing orderNote = Publishing.of(translators.model(), "order.note", "order");

        assertThat(EventIntake.endpoint(translators, orderNote, "shipping", new Overrides(Map.of(), Map.of())))
                .isEqualTo("http://127.0.0.1:9/shipping/notes");
        assertThat(EventIntake.endpoint(translators, orderNote, "shipping", new Overrides(Map.of(), Map.of("shipping", "http://127.0.0.1:4711/s"))))
                .isEqualTo("http://127.0.0.1:4711/s");
    }
}
