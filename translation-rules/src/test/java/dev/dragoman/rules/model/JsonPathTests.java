package dev.dragoman.rules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.rules.model.JsonPath.Descendant;
import dev.dragoman.rules.model.JsonPath.Index;
import dev.dragoman.rules.model.JsonPath.Member;
import dev.dragoman.rules.model.JsonPath.EveryElement;
import dev.dragoman.rules.model.JsonPath.EveryMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonPathTests {

    @Test
    void parse_root() {
        assertThat(JsonPath.parse("$").steps()).isEmpty();
    }

    @Test
    void parse_member() {
        assertThat(JsonPath.parse("$.game").steps()).containsExactly(new Member("game"));
        assertThat(JsonPath.parse("$.game.code").steps()).containsExactly(new Member("game"), new Member("code"));
    }

    @Test
    void parse_bracketedMember() {
        assertThat(JsonPath.parse("$['codes']").steps()).containsExactly(new Member("codes"));
        assertThat(JsonPath.parse("$[\"codes\"]").steps()).containsExactly(new Member("codes"));
        assertThat(JsonPath.parse("$['game.code']").steps()).as("a dot inside brackets is part of the name")
                .containsExactly(new Member("game.code"));
        assertThat(JsonPath.parse("$['game code'].id").steps()).containsExactly(new Member("game code"), new Member("id"));
    }

    @Test
    void parse_index() {
        assertThat(JsonPath.parse("$[0]").steps()).containsExactly(new Index(0));
        assertThat(JsonPath.parse("$.items[12].code").steps()).containsExactly(new Member("items"), new Index(12), new Member("code"));
        assertThat(JsonPath.parse("$[ 3 ]").steps()).containsExactly(new Index(3));
    }

    @Test
    void parse_wildcards() {
        assertThat(JsonPath.parse("$.items[*].gameCode").steps()).containsExactly(new Member("items"), new EveryElement(), new Member("gameCode"));
        assertThat(JsonPath.parse("$.games.*").steps()).containsExactly(new Member("games"), new EveryMember());
        assertThat(JsonPath.parse("$[*][*]").steps()).containsExactly(new EveryElement(), new EveryElement());
        assertThat(JsonPath.parse("$['*']").steps()).as("a quoted star is a member's name").containsExactly(new Member("*"));
    }

    @Test
    void parse_tellsEveryElementFromEveryMember() {
        assertThat(JsonPath.parse("$.a[*]").steps()).as("[*] selects elements, .* members: not the same path")
                .isNotEqualTo(JsonPath.parse("$.a.*").steps());
    }

    @Test
    void parse_descendant() {
        assertThat(JsonPath.parse("$..gameNames").steps()).containsExactly(new Descendant("gameNames"));
        assertThat(JsonPath.parse("$.data..code[0]").steps()).containsExactly(new Member("data"), new Descendant("code"), new Index(0));
    }

    @Test
    void parse_keepsTheTextAndComparesByIt() {
        JsonPath path = JsonPath.parse("$.related[*].code");

        assertThat(path.text()).isEqualTo("$.related[*].code");
        assertThat(path).hasToString("$.related[*].code").isEqualTo(JsonPath.parse("$.related[*].code"));
    }

    @Test
    void parse_requiresTheDollar() {
        assertThatThrownBy(() -> JsonPath.parse("game.code"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a path must start with '$' but was 'game.code'");
        assertThatThrownBy(() -> JsonPath.parse("")).hasMessage("a path must start with '$' but was ''");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            $.items[x]   | 7 | expected [N], [*] or ['name'] but found [x]
            $[-1]        | 1 | negative indexes are not supported
            $.items[0    | 7 | '[' is never closed
            $.           | 1 | '.' must be followed by a member name
            $.a.         | 3 | '.' must be followed by a member name
            $..          | 1 | '..' must be followed by a member name
            $...code     | 1 | '..' must be followed by a member name
            $..*         | 1 | '..*' is not supported: name the member, as in '..code'
            $code        | 1 | expected '.', '..' or '['
            """)
    void parse_namesTheOffendingPosition(String text, int position, String why) {
        assertThatThrownBy(() -> JsonPath.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid JSONPath '" + text + "' at position " + position + ": " + why);
    }
}
