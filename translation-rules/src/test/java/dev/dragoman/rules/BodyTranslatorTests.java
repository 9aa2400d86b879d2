package dev.dragoman.rules;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BodyTranslatorTests {

    private final DirectionTranslator request = TestMaps.games().route("web-support-to-game-dept").orElseThrow().request();
    private final DirectionTranslator response = TestMaps.games().route("web-support-to-game-dept").orElseThrow().response();

    private static String translate(DirectionTranslator direction, String json) {
        BodyTranslation result = direction.body(json.getBytes(UTF_8));
        assertThat(result.unresolved()).as("unresolved").isEmpty();
        return new String(result.body(), UTF_8);
    }

    @Test
    void translatesMembersByTheirRule() {
        assertThat(translate(request, "{\"game\":{\"code\":1,\"name\":\"mob_game_x\"}}"))
                .isEqualTo("{\"game\":{\"code\":1001,\"name\":\"mgame_x\"}}");
    }

    @Test
    void translatesResponsesBackIntoTheCallersVocabulary() {
        assertThat(translate(response, "{\"code\":1002,\"name\":\"pgame_y\",\"related\":[{\"code\":1001},{\"code\":1003}]}"))
                .isEqualTo("{\"code\":2,\"name\":\"pc_game_y\",\"related\":[{\"code\":1},{\"code\":3}]}");
    }

    @Test
    void translatesCodesInsideArrays() {
        assertThat(translate(request, "{\"items\":[{\"gameCode\":1,\"qty\":2},{\"gameCode\":4,\"qty\":1}]}"))
                .isEqualTo("{\"items\":[{\"gameCode\":1001,\"qty\":2},{\"gameCode\":1004,\"qty\":1}]}");
    }

    @Test
    void translatesEveryElementOfAnArrayOfScalars() {
        assertThat(translate(response, "{\"codes\":[1001,1002,null,1003]}")).isEqualTo("{\"codes\":[1,2,null,3]}");
    }

    @Test
    void translatesMembersAtAnyDepthWithDescendantPaths() {
        assertThat(translate(request, "{\"a\":{\"b\":[{\"gameNames\":[\"mob_game_x\"]}]},\"gameNames\":\"pc_game_y\"}"))
                .isEqualTo("{\"a\":{\"b\":[{\"gameNames\":[\"mgame_x\"]}]},\"gameNames\":\"pgame_y\"}");
    }

    @Test
    void matchesByTextFormSoQuotedNumbersMatchToo() {
        assertThat(translate(request, "{\"game\":{\"code\":\"2\"}}")).isEqualTo("{\"game\":{\"code\":1002}}");
    }

    @Test
    void writesTheJsonTypeTheTargetEntryDeclares() {
        assertThat(translate(response, "{\"code\":\"1001\"}")).isEqualTo("{\"code\":1}");
        assertThat(translate(response, "{\"name\":\"mgame_x\"}")).isEqualTo("{\"name\":\"mob_game_x\"}");
    }

    @Test
    void replacesAnIdentifierWrittenWithEscapesOrFollowedByWhitespaceWhole() {
        assertThat(translate(response, "{\"name\":\"mgame\\u005fx\" , \"n\":1}")).isEqualTo("{\"name\":\"mob_game_x\" , \"n\":1}");
        assertThat(translate(response, "{\"code\":1001\n}")).isEqualTo("{\"code\":1\n}");
        assertThat(translate(response, "{\"code\":1001\t,\"name\":\"mgame_x\"\r\n}")).isEqualTo("{\"code\":1\t,\"name\":\"mob_game_x\"\r\n}");
    }

    @Test
    void keepsNull() {
        assertThat(translate(request, "{\"game\":{\"code\":null}}")).isEqualTo("{\"game\":{\"code\":null}}");
    }

    @Test
    void leavesEveryUntouchedByteAsItCame() {
        String json = "{ \"price\" : 0.1000000000000000055511151231257827,\n  \"big\": 123456789012345678901234567890,"
                + " \"e\":1E+400, \"s\":\"caf\\u00e9 \\\"q\\\" é\", \"game\" : { \"code\" : 3 } }";
        assertThat(translate(request, json)).isEqualTo(json.replace("\"code\" : 3", "\"code\" : 1003"));
    }

    @Test
    void returnsTheInputItselfWhenNothingChanges() {
        byte[] json = "{\"other\":{\"code\":1}}".getBytes(UTF_8);
        assertThat(request.body(json).body()).isSameAs(json);
    }

    @Test
    void listsEveryUntranslatableValueWithItsLocation() {
        BodyTranslation result = request.body("{\"game\":{\"code\":99,\"name\":\"nope\"},\"items\":[{\"gameCode\":1},{\"gameCode\":77}]}"
                .getBytes(UTF_8));
        assertThat(result.unresolved()).extracting(Unresolved::location, Unresolved::value, Unresolved::rule, Unresolved::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("body $.game.code", "99", "game.code", Unresolved.Reason.UNKNOWN),
                        org.assertj.core.groups.Tuple.tuple("body $.game.name", "nope", "game.name", Unresolved.Reason.UNKNOWN),
                        org.assertj.core.groups.Tuple.tuple("body $.items[1].gameCode", "77", "game.code", Unresolved.Reason.UNKNOWN));
        assertThat(result.translated()).isEqualTo(1);
        assertThat(new String(result.body(), UTF_8)).contains("\"gameCode\":77").contains("\"code\":99");
    }

    @Test
    void treatsAThingMissingInTheTargetContextAsUnknown() {
        BodyTranslation result = response.body("{\"code\":1005}".getBytes(UTF_8));
        assertThat(result.unresolved()).singleElement().extracting(Unresolved::value).isEqualTo("1005");
    }

    @Test
    void reportsARuleThatPointsAtAnObject() {
        BodyTranslation result = request.body("{\"game\":{\"code\":{\"id\":1}}}".getBytes(UTF_8));
        assertThat(result.unresolved()).singleElement().extracting(Unresolved::reason).isEqualTo(Unresolved.Reason.NOT_AN_IDENTIFIER);
    }

    @Test
    void rejectsMalformedJsonWithTheOffset() {
        assertThatThrownBy(() -> request.body("{\"game\":{\"code\":1,}".getBytes(UTF_8)))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessageContaining("malformed JSON")
                .satisfies(e -> assertThat(((MalformedJsonException) e).byteOffset()).isPositive());
        assertThatThrownBy(() -> request.body("{} {}".getBytes(UTF_8))).isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void passesAnEmptyBodyThrough() {
        assertThat(request.body(new byte[0]).body()).isEmpty();
    }

    @Test
    void escapesTranslatedStrings(@TempDir Path dir) {
        Translators translators = Translators.compile(TestMaps.loadYaml(dir, """
                contexts: {a: {}, b: {}}
                concepts:
                  thing:
                    keys: {a: [id], b: [id]}
                    entries:
                      - a: {id: "x"}
                        b: {id: "quote\\" back\\\\ é"}
                routes:
                  - {id: r, from: a, to: b, path: /b/**, upstream: "http://127.0.0.1:1", request: {body: {$.id: thing.id, "$['odd key'][0]": thing.id, "$.*": thing.id}}}
                """).orElseThrow());
        DirectionTranslator direction = translators.route("r").orElseThrow().request();
        assertThat(translate(direction, "{\"id\":\"x\",\"odd key\":[\"x\"]}"))
                .isEqualTo("{\"id\":\"quote\\\" back\\\\ é\",\"odd key\":[\"quote\\\" back\\\\ é\"]}");
    }

    @Test
    void translatesAWholeBodyThatIsOneIdentifierOrAnArrayOfThem(@TempDir Path dir) {
        Translators translators = Translators.compile(TestMaps.loadYaml(dir, """
                contexts: {a: {}, b: {}}
                concepts:
                  thing:
                    keys: {a: [id], b: [id]}
                    entries: [{a: {id: 1}, b: {id: 10}}, {a: {id: 2}, b: {id: 20}}]
                routes:
                  - {id: r, from: a, to: b, path: /b/**, upstream: "http://127.0.0.1:1", request: {body: {$: thing.id}}}
                """).orElseThrow());
        DirectionTranslator direction = translators.route("r").orElseThrow().request();
        assertThat(translate(direction, "1")).isEqualTo("10");
        assertThat(translate(direction, "[1, 2]")).isEqualTo("[10, 20]");
    }

    @Test
    void translatesByIndexAndWildcardOverMembers(@TempDir Path dir) {
        Translators translators = Translators.compile(TestMaps.loadYaml(dir, """
                contexts: {a: {}, b: {}}
                concepts:
                  thing:
                    keys: {a: [id], b: [id]}
                    entries: [{a: {id: 1}, b: {id: 10}}, {a: {id: 2}, b: {id: 20}}]
                routes:
                  - id: r
                    from: a
                    to: b
                    path: /b/**
                    upstream: "http://127.0.0.1:1"
                    request: {body: {"$.pair[1]": thing.id, "$.byName.*": thing.id}}
                """).orElseThrow());
        DirectionTranslator direction = translators.route("r").orElseThrow().request();
        assertThat(translate(direction, "{\"pair\":[1,2],\"byName\":{\"x\":1,\"y\":2}}"))
                .isEqualTo("{\"pair\":[1,20],\"byName\":{\"x\":10,\"y\":20}}");
    }

    @Test
    void walksDeeplyNestedDocuments() {
        String deep = "[".repeat(200) + "{\"game\":{\"code\":1}}" + "]".repeat(200);
        String top = "{\"deep\":" + deep + ",\"game\":{\"code\":2}}";
        assertThat(translate(request, top)).isEqualTo(top.replace("\"code\":2}}", "\"code\":1002}}"));
    }
}
