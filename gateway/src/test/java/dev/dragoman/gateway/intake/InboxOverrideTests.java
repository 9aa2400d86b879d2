package dev.dragoman.gateway.intake;

import dev.dragoman.gateway.events.EventMaps;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.gateway.config.DragomanProperties.Overrides;
import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.model.ServedModel;
import dev.dragoman.rules.Translators;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** dragoman.overrides.inboxes sends a context's copies elsewhere without editing the maps. */
class InboxOverrideTests {

    final Path maps = EventMaps.write(9);
    final Translators translators = ModelHolder.load(maps, Translators::compile, Clock.systemUTC(), Overrides.NONE).current()
            .translators();
    final Publishing orderPlaced = Publishing.of(translators.model(), "order.placed", "order");

    @Test
    void anOverriddenContextsCopiesGoToTheOverride_theOthersToTheirInbox() {
        Overrides overrides = new Overrides(Map.of(), Map.of("product", "http://127.0.0.1:4711/inbox/product"));

        assertThat(served(overrides).endpointOf(orderPlaced.route(), "product")).isEqualTo("http://127.0.0.1:4711/inbox/product");
        assertThat(served(overrides).endpointOf(orderPlaced.route(), "shipping")).isEqualTo("http://127.0.0.1:9/shipping/events");
    }

    @Test
    void anOverrideAlsoReplacesADeliverysOwnEndpoint() {
        Publishing orderNote = Publishing.of(translators.model(), "order.note", "order");

        assertThat(served(new Overrides(Map.of(), Map.of())).endpointOf(orderNote.route(), "shipping"))
                .isEqualTo("http://127.0.0.1:9/shipping/notes");
        assertThat(served(new Overrides(Map.of(), Map.of("shipping", "http://127.0.0.1:4711/s"))).endpointOf(orderNote.route(), "shipping"))
                .isEqualTo("http://127.0.0.1:4711/s");
    }

    /** The maps served with the overrides, as the gateway serves them (ModelHolder applies them once). */
    private ServedModel served(Overrides overrides) {
        return ModelHolder.load(maps, Translators::compile, Clock.systemUTC(), overrides).current();
    }
}
