package dev.dragoman.rules;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arrays at any depth under a rule, and rules whose path meets a value of another shape. */
class BodyShapeTests {

    private final DirectionTranslator request = TestMaps.games().route("web-support-to-game-dept").orElseThrow().request();
    private final DirectionTranslator response = TestMaps.games().route("web-support-to-game-dept").orElseThrow().response();

    private static String complete(DirectionTranslator direction, String json) {
        BodyTranslation result = direction.body(json.getBytes(UTF_8));
        assertThat(result.unresolved()).as("unresolved").isEmpty();
        assertThat(result.complete()).isTrue();
        return new String(result.body(), UTF_8);
    }

    private static DirectionTranslator rules(Path dir, String body) {
        return Translators.compile(TestMaps.loadYaml(dir, """
                contexts: {a: {}, b: {}}
                concepts:
                  thing:
                    keys: {a: [id], b: [id]}
                    entries: [{a: {id: 1}, b: {id: 10}}, {a: {id: 2}, b: {id: 20}}]
                routes:
                  - {id: r, from: a, to: b, path: /b/**, upstream: "http://127.0.0.1:1", request: {body: %s}}
                """.formatted(body)).orElseThrow()).route("r").orElseThrow().request();
    }

    @Test
    void translatesEveryScalarOfAnArrayOfArraysUnderARule() {
        assertThat(complete(request, "{\"items\":[{\"gameCode\":[[1]]}]}")).isEqualTo("{\"items\":[{\"gameCode\":[[1001]]}]}");
        assertThat(complete(response, "{\"codes\":[[1001,1002],1003]}")).isEqualTo("{\"codes\":[[1,2],3]}");
        assertThat(complete(response, "{\"codes\":[[[[1001]],[]],[null,[1002]]]}")).isEqualTo("{\"codes\":[[[[1]],[]],[null,[2]]]}");
    }

    @Test
    void reportsUnknownValuesAndObjectsDeepInsideArraysUnderARule() {
        BodyTranslation result = response.body("{\"codes\":[[1001,3],[[{\"code\":1002}]]]}".getBytes(UTF_8));
        assertThat(result.unresolved()).extracting(Unresolved::location, Unresolved::value, Unresolved::reason).containsExactly(
                tuple("body $.codes[0][1]", "3", Unresolved.Reason.UNKNOWN),
                tuple("body $.codes[1][0][0]", "an object", Unresolved.Reason.NOT_AN_IDENTIFIER));
        assertThat(new String(result.body(), UTF_8)).isEqualTo("{\"codes\":[[1,3],[[{\"code\":1002}]]]}");
    }

    @Test
    void reportsAnObjectWhereBracketStarExpectsAnArray() {
        BodyTranslation result = request.body("{\"items\":{\"gameCode\":1}}".getBytes(UTF_8));
        assertThat(result.unresolved()).extracting(Unresolved::location, Unresolved::rule, Unresolved::value, Unresolved::reason)
                .containsExactly(tuple("body $.items", "game.code", "an object", Unresolved.Reason.SHAPE_MISMATCH));
        assertThat(result.complete()).isFalse();
        assertThat(new String(result.body(), UTF_8)).isEqualTo("{\"items\":{\"gameCode\":1}}");
        assertThat(request.body("{\"items\":{}}".getBytes(UTF_8)).unresolved()).as("even an empty object")
                .extracting(Unresolved::reason).containsExactly(Unresolved.Reason.SHAPE_MISMATCH);
    }

    @Test
    void reportsAnArrayWhereAMemberIsExpected() {
        BodyTranslation result = request.body("{\"game\":[{\"code\":1}],\"items\":[]}".getBytes(UTF_8));
        assertThat(result.unresolved()).extracting(Unresolved::location, Unresolved::rule, Unresolved::value, Unresolved::reason)
                .containsExactly(
                        tuple("body $.game", "game.code", "an array", Unresolved.Reason.SHAPE_MISMATCH),
                        tuple("body $.game", "game.name", "an array", Unresolved.Reason.SHAPE_MISMATCH));
    }

    @Test
    void reportsAScalarWhereAFurtherStepExpectsAnObjectOrArray() {
        BodyTranslation result = request.body("{\"game\":\"mob_game_x\",\"items\":[5,{\"gameCode\":2}],\"x\":{\"items\":true}}".getBytes(UTF_8));
        assertThat(result.unresolved()).extracting(Unresolved::location, Unresolved::value, Unresolved::reason).containsExactly(
                tuple("body $.game", "a string", Unresolved.Reason.SHAPE_MISMATCH),
                tuple("body $.game", "a string", Unresolved.Reason.SHAPE_MISMATCH),
                tuple("body $.items[0]", "a number", Unresolved.Reason.SHAPE_MISMATCH));
        assertThat(new String(result.body(), UTF_8)).contains("{\"gameCode\":1002}");
    }

    @Test
    void findsNothingAmissInNullsAbsentMembersOrDescendants() {
        assertThat(complete(request, "{\"game\":null,\"items\":null}")).isEqualTo("{\"game\":null,\"items\":null}");
        assertThat(complete(request, "{\"other\":1}")).isEqualTo("{\"other\":1}");
        assertThat(complete(request, "{\"a\":[1,\"x\",[{\"gameNames\":\"mob_game_x\"}]],\"gameNames\":[[\"mob_game_x\"]]}"))
                .isEqualTo("{\"a\":[1,\"x\",[{\"gameNames\":\"mgame_x\"}]],\"gameNames\":[[\"mgame_x\"]]}");
    }

    @Test
    void takesBracketStarAsElementsOnlyAndDotStarAsMembersOnly(@TempDir Path dir) {
        DirectionTranslator direction = rules(dir, "{\"$.list[*]\": thing.id, \"$.map.*\": thing.id}");
        assertThat(complete(direction, "{\"list\":[1,2],\"map\":{\"x\":1,\"y\":[2]}}")).isEqualTo("{\"list\":[10,20],\"map\":{\"x\":10,\"y\":[20]}}");
        BodyTranslation swapped = direction.body("{\"list\":{\"x\":1},\"map\":[1]}".getBytes(UTF_8));
        assertThat(swapped.unresolved()).extracting(Unresolved::location, Unresolved::value, Unresolved::reason).containsExactly(
                tuple("body $.list", "an object", Unresolved.Reason.SHAPE_MISMATCH),
                tuple("body $.map", "an array", Unresolved.Reason.SHAPE_MISMATCH));
        assertThat(swapped.body()).asString(UTF_8).isEqualTo("{\"list\":{\"x\":1},\"map\":[1]}");
    }

    @Test
    void reportsAnIndexIntoAnObjectAndAMemberOfTheRoot(@TempDir Path dir) {
        DirectionTranslator direction = rules(dir, "{\"$.pair[1]\": thing.id, \"$.id\": thing.id}");
        BodyTranslation result = direction.body("{\"pair\":{\"1\":2}}".getBytes(UTF_8));
        assertThat(result.unresolved()).extracting(Unresolved::location, Unresolved::value, Unresolved::reason)
                .containsExactly(tuple("body $.pair", "an object", Unresolved.Reason.SHAPE_MISMATCH));
        assertThat(direction.body("[1]".getBytes(UTF_8)).unresolved()).extracting(Unresolved::location, Unresolved::value)
                .containsExactly(tuple("body $", "an array"), tuple("body $", "an array"));
        assertThat(direction.body("2".getBytes(UTF_8)).unresolved()).extracting(Unresolved::location, Unresolved::value)
                .containsExactly(tuple("body $", "a number"), tuple("body $", "a number"));
        assertThat(direction.body("null".getBytes(UTF_8)).complete()).isTrue();
    }

    @Test
    void letsTheFirstDeclaredRuleTranslateAValueTwoRulesReach(@TempDir Path dir) {
        Translators translators = Translators.compile(TestMaps.loadYaml(dir, """
                contexts: {a: {}, b: {}}
                concepts:
                  thing:
                    keys: {a: [id, alt], b: [id, alt]}
                    entries: [{a: {id: 1, alt: 1}, b: {id: 10, alt: 11}}]
                routes:
                  - {id: r, from: a, to: b, path: /b/**, upstream: "http://127.0.0.1:1", request: {body: {"$.x": thing.alt, "$.x[0][0]": thing.id}}}
                """).orElseThrow());
        DirectionTranslator direction = translators.route("r").orElseThrow().request();
        assertThat(complete(direction, "{\"x\":[[1,1]]}")).isEqualTo("{\"x\":[[11,11]]}");
    }
}
