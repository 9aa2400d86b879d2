package dev.dragoman.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.rules.model.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The automaton's bit-parallel transitions, including states that cross a 64-bit word. */
class PathAutomatonTests {

    /** Walks member names and element indexes ("#2" is index 2) from the root; the rule accepted at the end, or -1. */
    private static int walk(PathAutomaton automaton, String... steps) {
        long[] live = automaton.initial().clone();
        for (String step : steps) {
            long[] child = new long[automaton.words()];
            if (step.startsWith("#")) {
                automaton.element(live, Integer.parseInt(step.substring(1)), child);
            } else {
                automaton.member(live, step, child);
            }
            live = child;
        }
        return automaton.accepted(live);
    }

    @Test
    void matchesMembersIndexesWildcardsAndDescendants() {
        PathAutomaton automaton = new PathAutomaton(List.of(
                JsonPath.parse("$.game.code"), JsonPath.parse("$.items[*].gameCode"), JsonPath.parse("$..gameNames"),
                JsonPath.parse("$.related[1].name")));
        assertThat(walk(automaton, "game", "code")).isZero();
        assertThat(walk(automaton, "items", "#7", "gameCode")).isEqualTo(1);
        assertThat(walk(automaton, "a", "b", "#0", "gameNames")).isEqualTo(2);
        assertThat(walk(automaton, "related", "#1", "name")).isEqualTo(3);
        assertThat(walk(automaton, "related", "#0", "name")).isEqualTo(-1);
        assertThat(walk(automaton, "game", "name")).isEqualTo(-1);
        assertThat(walk(automaton, "items", "gameCode")).isEqualTo(-1);
    }

    @Test
    void takesElementsWithBracketStarAndMembersWithDotStar() {
        PathAutomaton automaton = new PathAutomaton(List.of(JsonPath.parse("$.a[*]"), JsonPath.parse("$.b.*")));
        assertThat(walk(automaton, "a", "#3")).isZero();
        assertThat(walk(automaton, "a", "x")).isEqualTo(-1);
        assertThat(walk(automaton, "b", "x")).isEqualTo(1);
        assertThat(walk(automaton, "b", "#3")).isEqualTo(-1);
    }

    @Test
    void namesTheRulesThatMeetAnotherShape() {
        PathAutomaton automaton = new PathAutomaton(List.of(
                JsonPath.parse("$.a[*]"), JsonPath.parse("$.a.b"), JsonPath.parse("$.a[0]"), JsonPath.parse("$..a"), JsonPath.parse("$.a.*")));
        long[] atA = new long[automaton.words()];
        automaton.member(automaton.initial(), "a", atA);
        assertThat(automaton.mismatchedByObject(atA)).containsExactly(0, 2);
        assertThat(automaton.mismatchedByArray(atA)).containsExactly(1, 4);
        assertThat(automaton.mismatchedByScalar(atA)).as("..a accepts here and expects no shape").containsExactly(0, 1, 2, 4);
        assertThat(automaton.mismatchedByObject(automaton.initial())).isNull();
    }

    @Test
    void carriesAWildcardOnTheLastBitOfAWordIntoTheNext() {
        // states: $.x.y takes 0-2, thirty $.nopeN take 3-62, so $[*] waits on bit 63 and accepts on 64
        List<JsonPath> paths = new ArrayList<>(List.of(JsonPath.parse("$.x.y")));
        IntStream.range(0, 30).forEach(i -> paths.add(JsonPath.parse("$.nope" + i)));
        paths.add(JsonPath.parse("$[*]"));
        PathAutomaton automaton = new PathAutomaton(paths);
        assertThat(automaton.words()).isEqualTo(2);
        assertThat(walk(automaton, "#5")).isEqualTo(31);
        assertThat(walk(automaton, "anything")).as("[*] takes elements, not members").isEqualTo(-1);
        assertThat(walk(automaton, "nope29")).isEqualTo(30);
        assertThat(walk(automaton, "x", "y")).isZero();
    }
}
