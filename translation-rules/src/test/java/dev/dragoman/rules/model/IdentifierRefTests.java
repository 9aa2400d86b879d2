package dev.dragoman.rules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierRefTests {

    @Test
    void parse_sameAspect() {
        assertThat(IdentifierRef.parse("game.code")).isEqualTo(new IdentifierRef("game", "code", "code"));
    }

    @Test
    void parse_readsOneAspectAndWritesAnother() {
        assertThat(IdentifierRef.parse("game.name->code")).isEqualTo(new IdentifierRef("game", "name", "code"));
    }

    @Test
    void parse_acceptsDashesUnderscoresDigitsAndSurroundingSpace() {
        assertThat(IdentifierRef.parse("  game_2.store-id->legacy_id ")).isEqualTo(new IdentifierRef("game_2", "store-id", "legacy_id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"game", "game.", ".code", "game.code->", "game.code.name", "game code", "1game.code",
            "game.name -> code", "{game.code}", ""})
    void parse_rejectsOtherText(String text) {
        assertThatThrownBy(() -> IdentifierRef.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a rule: write concept.field (game.code) or concept.field->other (game.name->code)");
    }

    @Test
    void parse_rejectsNull() {
        assertThatThrownBy(() -> IdentifierRef.parse(null)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("'null' is not a rule");
    }

    @Test
    void reversed_swapsTheAspects() {
        assertThat(IdentifierRef.parse("game.name->code").reversed()).isEqualTo(IdentifierRef.parse("game.code->name"));
        assertThat(IdentifierRef.parse("game.code").reversed()).isEqualTo(IdentifierRef.parse("game.code"));
        IdentifierRef ref = IdentifierRef.parse("game.name->code");
        assertThat(ref.reversed().reversed()).isEqualTo(ref);
    }

    @Test
    void toString_readsLikeTheRule() {
        assertThat(IdentifierRef.parse("game.code")).hasToString("game.code");
        assertThat(IdentifierRef.parse("game.name->code")).hasToString("game.name->code");
        assertThat(IdentifierRef.parse("game.name->code").reversed()).hasToString("game.code->name");
        assertThat(IdentifierRef.parse("game.code->code")).as("writing the aspect it reads").hasToString("game.code");
    }

    @Test
    void constructor_requiresEveryPart() {
        assertThatThrownBy(() -> new IdentifierRef(null, "code", "code")).isInstanceOf(NullPointerException.class).hasMessage("concept");
        assertThatThrownBy(() -> new IdentifierRef("game", null, "code")).hasMessage("sourceField");
        assertThatThrownBy(() -> new IdentifierRef("game", "code", null)).hasMessage("targetField");
    }
}
