package dev.dragoman.gateway.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.rules.model.ContextModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelHolderTests {

    @Test
    void load_holdsTheModelOfTheDirectory() {
        ModelHolder holder = ModelHolder.load(Path.of("src/test/resources/maps/valid"));

        assertThat(ModelCounts.of(holder.current())).isEqualTo(new ModelCounts(2, 1, 1, 0, 0));
        assertThat(holder.current().route("web-support-to-game-dept")).isPresent();
    }

    @Test
    void replace_servesTheNewModelAndReturnsTheOldOne() {
        ContextModel first = ModelHolder.load(Path.of("src/test/resources/maps/valid")).current();
        ModelHolder holder = new ModelHolder(Path.of("maps"), first);
        ContextModel empty = new ContextModel(Map.of(), Map.of(), List.of(), List.of(), List.of());

        assertThat(holder.replace(empty)).isSameAs(first);
        assertThat(holder.current()).isSameAs(empty);
    }

    @Test
    void countsReadAsASentence() {
        assertThat(new ModelCounts(2, 1, 1, 0, 0)).hasToString("2 contexts, 1 concept, 1 route, 0 events, 0 sagas");
    }
}
