package dev.dragoman.maps;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Small inline maps: one valid file with one of everything required, and ways to break it. */
final class SampleMaps {

    static final String MINIMAL = """
            contexts:
              game-dept: {inbox: http://127.0.0.1:9101/events}
              web-support: {inbox: kafka:web-support-events}
            concepts:
              game:
                keys: {game-dept: [code, name], web-support: [code]}
                entries:
                  - game-dept: {code: 1001, name: mgame_x}
                    web-support: {code: 1}
            routes:
              - id: web-support-to-game-dept
                from: web-support
                to: game-dept
                path: /game-dept/**
                upstream: http://127.0.0.1:9101
            events:
              - type: game.released
                from: game-dept
                deliver:
                  - to: web-support
                    data:
                      $.game.code: game.code
            sagas:
              - name: release
                start: game.released
                participants:
                  - {context: web-support, completed: web.ready, failed: web.refused}
                outcome: {completed: game.live, aborted: game.withdrawn}
            """;

    private SampleMaps() {
    }

    static String misspelledKey() {
        return MINIMAL.replace("    path: /game-dept/**\n", "    path: /game-dept/**\n    strip-prefx: 1\n");
    }

    static String unknownTopLevelKey() {
        return MINIMAL + "route: []\n";
    }

    static String routeWithoutUpstream() {
        return MINIMAL.replace("    upstream: http://127.0.0.1:9101\n", "");
    }

    static String onUnknownNeitherRejectNorPass() {
        return MINIMAL.replace("    path: /game-dept/**\n", "    path: /game-dept/**\n    on-unknown: ignore\n");
    }

    static String ruleNotConceptDotField() {
        return MINIMAL.replace("$.game.code: game.code", "$.game.code: game");
    }

    static String ruleReadingOneAspectWritingAnother() {
        return MINIMAL.replace("$.game.code: game.code", "$.game.name: game.name->code");
    }

    static String bodyRuleKeyNotAJsonPath() {
        return MINIMAL.replace("$.game.code: game.code", "game.code: game.code");
    }

    static String deadlineNotAnIsoDuration() {
        return MINIMAL.replace("    from: game-dept\n", "    from: game-dept\n    deadline: 10m\n");
    }

    static String sagaWithoutParticipants() {
        return MINIMAL.replaceAll("(?s)    participants:\n.*?\n(    outcome)", "    participants: []\n$1");
    }

    /** A dot would make {@code game.dept.code} ambiguous in a CSV header; a rule could not name it either. */
    static String dottedContextName() {
        return MINIMAL.replace("contexts:\n", "contexts:\n  game.dept: {}\n");
    }

    static String entryValueNotAScalar() {
        return MINIMAL.replace("web-support: {code: 1}", "web-support: {code: [1]}");
    }

    /** Every broken variant, named, for tests that hold the schema and the loader to the same verdict. */
    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("misspelled key", misspelledKey()),
                Arguments.of("unknown top-level key", unknownTopLevelKey()),
                Arguments.of("route without upstream", routeWithoutUpstream()),
                Arguments.of("on-unknown neither reject nor pass", onUnknownNeitherRejectNorPass()),
                Arguments.of("rule not concept.field", ruleNotConceptDotField()),
                Arguments.of("body rule key not a JSONPath", bodyRuleKeyNotAJsonPath()),
                Arguments.of("deadline not an ISO-8601 duration", deadlineNotAnIsoDuration()),
                Arguments.of("saga without participants", sagaWithoutParticipants()),
                Arguments.of("entry value not a scalar", entryValueNotAScalar()),
                Arguments.of("context name with a dot", dottedContextName()));
    }
}
