package dev.dragoman.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SuggestionsTests {

    private static final List<String> ROUTE_KEYS = List.of("from", "id", "on-unknown", "path", "request", "response",
            "strip-prefix", "to", "upstream");

    @Test
    void hint_suggestsTheClosestName() {
        assertThat(Suggestions.hint("strip-prefx", ROUTE_KEYS, "keys here")).isEqualTo("did you mean 'strip-prefix'?");
        assertThat(Suggestions.hint("upstrem", ROUTE_KEYS, "keys here")).isEqualTo("did you mean 'upstream'?");
        assertThat(Suggestions.hint("web-suport", List.of("game-dept", "web-support"), "contexts")).isEqualTo("did you mean 'web-support'?");
    }

    @Test
    void hint_allowsTwoEditsForLongerNames() {
        assertThat(Suggestions.hint("web-suprt", List.of("web-support"), "contexts")).isEqualTo("did you mean 'web-support'?");
        assertThat(Suggestions.hint("wb-suprt", List.of("web-support"), "contexts")).isEqualTo("declared contexts: web-support");
    }

    @Test
    void hint_allowsOneEditForShortNames() {
        assertThat(Suggestions.hint("gme", List.of("game"), "concepts")).isEqualTo("did you mean 'game'?");
        assertThat(Suggestions.hint("gaem", List.of("game"), "concepts")).as("a swap is two edits").isEqualTo("declared concepts: game");
        assertThat(Suggestions.hint("to", List.of("id"), "keys here")).isEqualTo("declared keys here: id");
    }

    @Test
    void hint_listsTheDeclaredNamesSortedWhenNoneIsClose() {
        assertThat(Suggestions.hint("warehouse", List.of("web-support", "audit", "game-dept"), "contexts"))
                .isEqualTo("declared contexts: audit, game-dept, web-support");
    }

    @Test
    void hint_listsAtMostTwelveNames() {
        List<String> many = IntStream.rangeClosed(1, 20).mapToObj(i -> "context-%02d".formatted(i)).toList();

        String hint = Suggestions.hint("warehouse", many, "contexts");

        assertThat(hint).startsWith("declared contexts: context-01, context-02,").endsWith("context-12, ...");
        assertThat(hint).doesNotContain("context-13");
    }

    @Test
    void hint_saysWhenNothingIsDeclared() {
        assertThat(Suggestions.hint("game", List.of(), "concepts")).startsWith("no concepts").contains("declared");
    }

    @Test
    void distance_isTheLevenshteinDistance() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("abc", "")).isEqualTo(3);
        assertThat(Suggestions.distance("game", "game")).isZero();
        assertThat(Suggestions.distance("game", "gaem")).isEqualTo(2);
        assertThat(Suggestions.distance("strip-prefx", "strip-prefix")).isEqualTo(1);
    }
}
