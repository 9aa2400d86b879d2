package dev.dragoman.gateway.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.gateway.config.DragomanProperties;
import dev.dragoman.rules.Translators;
import dev.dragoman.rules.model.ContextModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelHolderTests {

    @Test
    void load_holdsTheModelOfTheDirectory() {
        ModelHolder holder = ModelHolder.load(Path.of("src/test/resources/maps/valid"), Translators::compile, Clock.systemUTC(),
                DragomanProperties.Overrides.NONE);

        assertThat(ModelCounts.of(holder.current().model())).isEqualTo(new ModelCounts(2, 1, 1, 0, 0, 0));
        assertThat(holder.current().model().route("web-support-to-game-dept")).isPresent();
        assertThat(holder.current().translators().route("web-support-to-game-dept")).isPresent();
    }

    @Test
    void replace_servesTheNewModelAndReturnsTheOldOne() {
        ContextModel loaded = ModelHolder.load(Path.of("src/test/resources/maps/valid"), Translators::compile, Clock.systemUTC(),
                DragomanProperties.Overrides.NONE).current().model();
        ModelHolder holder = new ModelHolder(Path.of("maps"), loaded, Translators::compile, Clock.systemUTC(),
                DragomanProperties.Overrides.NONE);
        ServedModel first = holder.current();
        ServedModel empty = holder.prepare(new ContextModel(Map.of(), Map.of(), List.of(), List.of(), List.of()));

        assertThat(holder.current()).as("prepared, not yet served").isSameAs(first);
        assertThat(holder.replace(empty)).isSameAs(first);
        assertThat(holder.current()).isSameAs(empty);
        assertThat(empty.version()).isEqualTo(first.version() + 1);
    }

    @Test
    void countsReadAsASentence() {
        assertThat(new ModelCounts(2, 1, 1, 0, 0, 0)).hasToString("2 contexts, 1 concept, 1 route, 0 events, 0 sagas");
    }
}
