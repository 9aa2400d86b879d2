package dev.dragoman.tools.maptest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.rules.ContextMaps;
import dev.dragoman.rules.model.ContextModel;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading test files: every mistake is refused with its line, before any gateway starts. */
class MapTestFileTests {

    static final ContextModel EXAMPLES = ContextMaps.load(Path.of("..", "context-maps")).orElseThrow();
    static final Path FILE = Path.of("t.test.yaml");

    @Test
    void readsHttpAndEventCasesWithTheirLines() {
        List<MapTestCase> cases = TestFileReader.read(FILE, """
                http:
                  - name: one
                    route: web-support-to-game-dept
                    request: {path: /game-dept/games/1}
                    upstream: {answers: {status: 201}}
                    response: {}
                events:

                  - name: two
                    publish: {from: order, type: order.placed, id: o, data: {items: []}}
                    no-copy-to: [order]
                """, EXAMPLES);

        assertThat(cases).extracting(MapTestCase::name, MapTestCase::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("one", 2), org.assertj.core.groups.Tuple.tuple("two", 9));
        MapTestCase.HttpCase http = (MapTestCase.HttpCase) cases.get(0);
        assertThat(http.request().method()).isEqualTo("GET");
        assertThat(http.response().status()).as("the upstream's status by default").isEqualTo(201);
        MapTestCase.EventCase event = (MapTestCase.EventCase) cases.get(1);
        assertThat(event.publish().attributes().has("from")).as("from is the publisher, not an attribute").isFalse();
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("unknown case key", "http: [{name: a, route: web-support-to-game-dept, reqest: {path: /x}}]\n", 1, "unknown key 'reqest'"),
                Arguments.of("route not in the maps", "http:\n  - name: a\n    route: nope\n", 3, "route 'nope' is not declared in the maps"),
                Arguments.of("nothing checked", "http:\n  - name: a\n    route: web-support-to-game-dept\n    request: {path: /x}\n", 2, "says nothing about what the caller gets back"),
                Arguments.of("response and error", "http:\n  - {name: a, route: web-support-to-game-dept, request: {path: /x},\n     response: {}, error: {status: 422}}\n", 3, "either a 'response' or an 'error'"),
                Arguments.of("bad status", "http:\n  - name: a\n    route: web-support-to-game-dept\n    request: {path: /x}\n    response: {status: 42}\n", 5, "status must be an HTTP status code"),
                Arguments.of("unknown context", "events:\n  - name: a\n    publish: {from: order, type: order.placed}\n    deliver:\n      prodcut: {}\n", 5, "context 'prodcut' is not declared"),
                Arguments.of("event checks nothing", "events:\n  - name: a\n    publish: {from: order, type: order.placed}\n", 2, "checks nothing"),
                Arguments.of("key twice", "http:\n  - name: a\n    name: b\n", 3, "'name' is declared twice"),
                Arguments.of("not a list", "http:\n  name: a\n", 1, "'http' is a list"),
                Arguments.of("empty file", "# nothing\n", 0, "the file is empty"),
                Arguments.of("syntax", "http:\n  - name: [a\n", 2, "YAML syntax error"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void refusesWithTheLine(String what, String yaml, int line, String message) {
        assertThatThrownBy(() -> TestFileReader.read(FILE, yaml, EXAMPLES))
                .isInstanceOfSatisfying(MapTestFileException.class, e -> {
                    assertThat(e.getMessage()).contains(message);
                    assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
                });
    }
}
