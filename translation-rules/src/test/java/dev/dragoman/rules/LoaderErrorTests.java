package dev.dragoman.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every load error names the file, the line, the key path, what is wrong and, where it can,
 * what to do. Errors of one shape (one mistake, one error) are rows of one table
 * ({@link #oneErrorEach}); the others have tests of their own. The maps under test are written
 * to {@code maps.yaml} beside {@link #BASE}, so that their line numbers read straight off the
 * text block.
 */
class LoaderErrorTests {

    /** Declarations the tests refer to; valid on its own. */
    private static final String BASE = """
            contexts:
              game-dept:   {inbox: "http://127.0.0.1:9101/events"}
              web-support: {inbox: "http://127.0.0.1:9201/events"}
              audit:       {description: Audit}
            concepts:
              game:
                keys:
                  game-dept:   [code, name]
                  web-support: [code]
                entries:
                  - game-dept:   {code: 1001, name: mgame_x}
                    web-support: {code: 1}
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void writeBase() {
        write("base.yaml", BASE);
    }

    @Test
    void load_baseAloneIsValid() {
        assertThat(ContextMaps.load(dir).errors()).isEmpty();
    }

    // ---- one error each

    /**
     * Maps that hold one mistake each, and the one error it gives: where it is
     * ({@code file:line: keyPath}), what its message and its hint say. A row's maps are written
     * to {@code maps.yaml} (after the CSV file it names, if any), so that the line numbers read
     * straight off the text block; each row is reported under the name its test had.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("oneErrorEach")
    void load_oneErrorEach(String test, Map<String, String> files, String maps, String where, Expect message, Expect hint) {
        files.forEach(this::write);

        LoadError error = onlyError(maps);

        assertThat(where(error)).as(error.toString()).isEqualTo(where);
        message.check(error.message());
        hint.check(error.hint());
    }

    static Stream<Arguments> oneErrorEach() {
        return Stream.of(
                // ---- YAML itself
                row("load_yamlSyntaxError", """
                        contexts:
                          billing: {}
                         shipping: {}
                        """,
                        "maps.yaml:3: ",
                        startingWith("YAML syntax error:"),
                        containing("indentation")),
                row("load_unquotedPathTemplatesInAFlowList_hintsQuoting", """
                        routes:
                          - id: r
                            from: web-support
                            to: game-dept
                            path: /game-dept/**
                            upstream: http://127.0.0.1:9101
                            request:
                              path-templates: [/games/{game.code}/stats, /games/{game.code}]
                        """,
                        "maps.yaml:8: ",
                        startingWith("YAML syntax error:"),
                        containing("must be quoted", "['/games/{game.code}/stats']", "'- ' list")),
                row("load_sameKeyTwiceInOneMapping", """
                        contexts:
                          billing: {}
                          shipping: {}
                          billing: {description: again}
                        """,
                        "maps.yaml:4: contexts.billing",
                        is("'billing' is declared twice in the same mapping"),
                        is("the first is on line 2; merge the two or rename one")),
                row("load_multipleYamlDocumentsInOneFile", """
                        contexts: {billing: {}}
                        ---
                        contexts: {shipping: {}}
                        """,
                        "maps.yaml:3: ",
                        containing("one YAML document", "several"),
                        containing("split the documents into files")),
                // ---- unknown keys and wrong types
                row("load_unknownKey_topLevel", """
                        contexts: {billing: {}}
                        version: 2
                        """,
                        "maps.yaml:2: version",
                        is("unknown key 'version'"),
                        is("declared keys here: compositions, concepts, contexts, events, routes, sagas")),
                row("load_unknownKey_nested", """
                        routes:
                          - id: r
                            from: web-support
                            to: game-dept
                            path: /game-dept/**
                            strip-prefx: 1
                            upstream: http://127.0.0.1:9101
                        """,
                        "maps.yaml:6: routes[0].strip-prefx",
                        is("unknown key 'strip-prefx'"),
                        is("did you mean 'strip-prefix'?")),
                row("load_wrongType", """
                        routes:
                          - id: r
                            from: web-support
                            to: game-dept
                            path: /game-dept/**
                            strip-prefix: abc
                            upstream: http://127.0.0.1:9101
                        """,
                        "maps.yaml:6: routes[0].strip-prefix",
                        is("expected a whole number here, found the text 'abc'"),
                        is("write a number, e.g. 1")),
                row("load_listWhereAMappingBelongs", """
                        # contexts are a mapping from name to declaration
                        contexts: [billing, shipping]
                        """,
                        "maps.yaml:2: contexts",
                        is("expected a mapping here, found a list"),
                        is("write key: value pairs, indented under this key")),
                row("load_mappingWhereAListBelongs", """
                        routes:
                          id: r
                        """,
                        "maps.yaml:1: routes",
                        is("expected a list here, found a mapping"),
                        is("write the items as a '- ' list under this key, or [a, b] on one line")),
                // ---- declared twice
                row("load_sameContextInTwoFiles_namesTheFirstPlace", """
                        # web support's own view
                        contexts:
                          game-dept: {description: again}
                        """,
                        "maps.yaml:3: contexts.game-dept",
                        is("context 'game-dept' is already declared at base.yaml:2"),
                        is("declare each context once across all files")),
                row("load_sameConceptTwice", """
                        concepts:
                          game:
                            keys: {game-dept: [code]}
                        """,
                        "maps.yaml:2: concepts.game",
                        is("concept 'game' is already declared at base.yaml:6"),
                        is("declare each concept once across all files")),
                row("load_sameRouteIdTwice", """
                        routes:
                          - {id: r, from: web-support, to: game-dept, path: /a/**, upstream: "http://127.0.0.1:9101"}
                          - {id: r, from: web-support, to: game-dept, path: /b/**, upstream: "http://127.0.0.1:9101"}
                        """,
                        "maps.yaml:3: routes[1].id",
                        is("route id 'r' is already declared at maps.yaml:2"),
                        is("declare each route id once across all files")),
                row("load_sameEventTypeFromTheSamePublisherTwice", """
                        events:
                          - {type: game.released, from: game-dept}
                          - {type: game.released, from: web-support}
                          - {type: game.released, from: game-dept}
                        """,
                        "maps.yaml:4: events[2].type",
                        containing("'game.released from game-dept' is already declared at maps.yaml:2"),
                        anything()),
                row("load_sameSagaNameTwice", """
                        events:
                          - {type: game.released, from: game-dept, deliver: [{to: web-support}]}
                        sagas:
                          - name: release
                            start: game.released
                            participants: [{context: web-support, completed: ws.ok, failed: ws.ko}]
                            outcome: {completed: release.done, aborted: release.cancelled}
                          - name: release
                            start: game.released
                            participants: [{context: web-support, completed: ws.ok, failed: ws.ko}]
                            outcome: {completed: release.done, aborted: release.cancelled}
                        """,
                        "maps.yaml:8: sagas[1].name",
                        is("saga 'release' is already declared at maps.yaml:4"),
                        is("declare each saga once across all files")),
                // ---- concepts and their rows
                row("load_duplicateCode", """
                        concepts:
                          level:
                            keys: {game-dept: [code], web-support: [code]}
                            entries:
                              - game-dept:   {code: 10}
                                web-support: {code: 1}
                              - game-dept:   {code: 20}
                                web-support: {code: 1}
                        """,
                        "maps.yaml:8: concepts.level.entries[1].web-support.code",
                        is("1 is already the code of entry 0 (line 5)"),
                        is("within one context each code names one level")),
                row("load_duplicateCode_sameTextAsNumberAndString", """
                        concepts:
                          level:
                            keys: {game-dept: [code]}
                            entries:
                              - game-dept: {code: 7}
                              - game-dept: {code: "7"}
                        """,
                        "maps.yaml:6: concepts.level.entries[1].game-dept.code",
                        startingWith("7 is already the code of entry 0"),
                        anything()),
                rowWithFile("load_duplicateCode_betweenEntriesAndCsv", "levels.csv", """
                        game-dept.code,game-dept.name,web-support.code
                        20,hard,2
                        30,easy,3
                        """,
                        """
                        concepts:
                          level:
                            keys: {game-dept: [code, name], web-support: [code]}
                            entries:
                              - game-dept:   {code: 10, name: easy}
                                web-support: {code: 1}
                            entries-file: levels.csv
                        """,
                        "levels.csv:3: ",
                        is("game-dept.name: easy is already the name of entry 0 (line 5)"),
                        is("within one context each name names one level")),
                rowWithFile("load_duplicateCode_withinCsv", "levels.csv", """
                        game-dept.code,web-support.code
                        20,2
                        30,3
                        40,2
                        """,
                        """
                        concepts:
                          level:
                            keys: {game-dept: [code], web-support: [code]}
                            entries-file: levels.csv
                        """,
                        "levels.csv:4: ",
                        is("web-support.code: 2 is already the code of the row at line 2 of levels.csv"),
                        anything()),
                row("load_entryNamesAContextNotInKeys", """
                        concepts:
                          level:
                            keys: {game-dept: [code]}
                            entries:
                              - game-dept: {code: 1}
                                audit: {code: 2}
                        """,
                        "maps.yaml:6: concepts.level.entries[0].audit",
                        is("concept 'level' has no keys for context 'audit'"),
                        is("declared contexts of level: game-dept")),
                row("load_entryFieldNotInKeys", """
                        concepts:
                          level:
                            keys: {game-dept: [code]}
                            entries:
                              - game-dept: {code: 1, name: easy}
                        """,
                        "maps.yaml:5: concepts.level.entries[0].game-dept.name",
                        is("'name' is not a key of level in game-dept"),
                        is("the keys there are code")),
                row("load_emptyEntry", """
                        concepts:
                          level:
                            keys: {game-dept: [code]}
                            entries:
                              - game-dept: {code: 1}
                              -
                        """,
                        "maps.yaml:6: concepts.level.entries[1]",
                        is("empty entry"),
                        anything()),
                row("load_conceptWithoutKeys", """
                        concepts:
                          level:
                            entries: []
                        """,
                        "maps.yaml:2: concepts.level.keys",
                        is("concept 'level' declares no keys"),
                        anything()),
                // ---- names that are not declared
                row("load_unknownContextInKeys", """
                        concepts:
                          level:
                            keys: {game-dept: [code], web-suport: [code]}
                        """,
                        "maps.yaml:3: concepts.level.keys.web-suport",
                        is("unknown context 'web-suport'"),
                        is("did you mean 'web-support'?")),
                row("load_unknownContextAsSagaParticipant", """
                        events:
                          - {type: game.released, from: game-dept}
                        sagas:
                          - name: release
                            start: game.released
                            participants:
                              - {context: web-suport, completed: ws.ok, failed: ws.ko}
                            outcome: {completed: release.done, aborted: release.cancelled}
                        """,
                        "maps.yaml:7: sagas[0].participants[0].context",
                        is("unknown context 'web-suport'"),
                        is("did you mean 'web-support'?")),
                row("load_unknownContext_listsTheDeclaredOnesWhenNoneIsClose", """
                        routes:
                          - {id: r, from: warehouse, to: game-dept, path: /g/**, upstream: "http://127.0.0.1:9101"}
                        """,
                        "maps.yaml:2: routes[0].from",
                        anything(),
                        is("declared contexts: audit, game-dept, web-support")),
                // ---- rules
                row("load_unknownConceptInRule", route("web-support", "game-dept", """
                            request:
                              query: {g: gme.code}
                        """),
                        "maps.yaml:8: routes[0].request.query.g",
                        is("unknown concept 'gme' in rule gme.code"),
                        is("did you mean 'game'?")),
                row("load_ruleReadsAnAspectTheSourceContextLacks", route("web-support", "game-dept", """
                            request:
                              headers: {X-Game-Name: game.name}
                        """),
                        "maps.yaml:8: routes[0].request.headers.X-Game-Name",
                        is("rule game.name reads 'name', an aspect context 'web-support' lacks"),
                        is("the aspects of game in web-support are code")),
                row("load_ruleWritesAnAspectTheTargetContextLacks", route("game-dept", "web-support", """
                            request:
                              body:
                                $.game: game.name->colour
                        """),
                        "maps.yaml:9: routes[0].request.body['$.game']",
                        is("rule game.name->colour must write 'colour', an aspect context 'web-support' lacks"),
                        is("the aspects of game in web-support are code")),
                row("load_ruleForAContextTheConceptHasNoKeysFor", route("audit", "game-dept", """
                            request:
                              query: {g: game.code}
                        """),
                        "maps.yaml:8: routes[0].request.query.g",
                        is("rule game.code reads 'code' in context 'audit', but concept 'game' has no keys for 'audit'"),
                        is("add audit to concepts.game.keys (base.yaml:6)")),
                row("load_responseRuleIsCheckedInReverse", route("web-support", "game-dept", """
                            request:
                              body: {$.game: game.code->name}
                            response:
                              body: {$.game: game.code->name}
                        """),
                        "maps.yaml:10: routes[0].response.body['$.game']",
                        is("rule game.code->name must write 'name', an aspect context 'web-support' lacks"),
                        anything()),
                // ---- values
                row("load_badOnUnknown", route("web-support", "game-dept", """
                            on-unknown: ignore
                        """),
                        "maps.yaml:7: routes[0].on-unknown",
                        is("'ignore' is not reject or pass"),
                        is("write reject (the default) or pass")),
                row("load_negativeStripPrefix", route("web-support", "game-dept", """
                            strip-prefix: -1
                        """),
                        "maps.yaml:7: routes[0].strip-prefix",
                        is("strip-prefix must not be negative but was -1"),
                        anything()),
                row("load_routePathNotStartingWithSlash", """
                        routes:
                          - id: r
                            from: web-support
                            to: game-dept
                            path: game-dept/**
                            upstream: http://127.0.0.1:9101
                        """,
                        "maps.yaml:5: routes[0].path",
                        is("path must start with '/' but was 'game-dept/**'"),
                        anything()),
                // ---- required fields
                row("load_routeWithoutUpstream", """
                        routes:
                          - id: r
                            from: web-support
                            to: game-dept
                            path: /game-dept/**
                        """,
                        "maps.yaml:2: routes[0].upstream",
                        is("'upstream' is required"),
                        is("add it")),
                row("load_eventWithoutFrom", """
                        events:
                          - type: game.released
                            deliver: [{to: web-support}]
                        """,
                        "maps.yaml:2: events[0].from",
                        is("'from' is required"),
                        anything()),
                row("load_sagaWithoutOutcome", """
                        events:
                          - {type: game.released, from: game-dept, deliver: [{to: web-support}]}
                        sagas:
                          - name: release
                            start: game.released
                            participants: [{context: web-support, completed: ws.ok, failed: ws.ko}]
                        """,
                        "maps.yaml:4: sagas[0].outcome",
                        is("'outcome' is required"),
                        anything()),
                row("load_sagaParticipantWithoutCompleted", """
                        events:
                          - {type: game.released, from: game-dept, deliver: [{to: web-support}]}
                        sagas:
                          - name: release
                            start: game.released
                            participants:
                              - context: web-support
                                failed: ws.ko
                            outcome: {completed: release.done, aborted: release.cancelled}
                        """,
                        "maps.yaml:7: sagas[0].participants[0].completed",
                        is("'completed' is required"),
                        anything()),
                row("load_sagaWithoutParticipants", """
                        events:
                          - {type: game.released, from: game-dept}
                        sagas:
                          - name: release
                            start: game.released
                            outcome: {completed: release.done, aborted: release.cancelled}
                        """,
                        "maps.yaml:4: sagas[0].participants",
                        is("a saga needs at least one participant"),
                        anything()),
                // ---- events and sagas
                row("load_deliverToAContextWithoutInboxOrEndpoint", """
                        events:
                          - type: game.released
                            from: game-dept
                            deliver:
                              - to: audit
                          - type: game.retired
                            from: game-dept
                            deliver:
                              - to: audit
                                endpoint: http://127.0.0.1:9501/audit
                        """,
                        "maps.yaml:5: events[0].deliver[0].to",
                        is("context 'audit' has no inbox to deliver game.released to"),
                        is("give contexts.audit an inbox, or this delivery an endpoint")),
                row("load_deliverTwiceToTheSameContext", """
                        events:
                          - type: game.released
                            from: game-dept
                            deliver:
                              - to: web-support
                              - to: web-support
                        """,
                        "maps.yaml:6: events[0].deliver[1].to",
                        is("'web-support' already receives game.released"),
                        anything()),
                row("load_sagaStartIsNotADeclaredEvent", """
                        sagas:
                          - name: release
                            start: game.released
                            participants: [{context: web-support, completed: ws.ok, failed: ws.ko}]
                            outcome: {completed: release.done, aborted: release.cancelled}
                        """,
                        "maps.yaml:3: sagas[0].start",
                        is("saga start 'game.released' is not a declared event type"),
                        startingWith("declare it under events")),
                row("load_sagaStartPublishedBySeveralContexts", """
                        events:
                          - {type: game.released, from: game-dept}
                          - {type: game.released, from: web-support}
                        sagas:
                          - name: release
                            start: game.released
                            participants: [{context: web-support, completed: ws.ok, failed: ws.ko}]
                            outcome: {completed: release.done, aborted: release.cancelled}
                        """,
                        "maps.yaml:6: sagas[0].start",
                        is("saga start 'game.released' is published by several contexts (game-dept, web-support)"),
                        anything()),
                row("load_sagaParticipantWithoutInbox", """
                        events:
                          - {type: game.released, from: game-dept}
                        sagas:
                          - name: release
                            start: game.released
                            participants:
                              - context: audit
                                completed: audit.ok
                                failed: audit.ko
                            outcome: {completed: release.done, aborted: release.cancelled}
                        """,
                        "maps.yaml:7: sagas[0].participants[0].context",
                        is("participant 'audit' has no inbox to receive the outcome and compensations"),
                        is("give contexts.audit an inbox")),
                row("load_sagaInitiatorWithoutInbox", """
                        events:
                          - {type: audit.opened, from: audit}
                        sagas:
                          - name: review
                            start: audit.opened
                            participants: [{context: web-support, completed: ws.ok, failed: ws.ko}]
                            outcome: {completed: review.done, aborted: review.cancelled}
                        """,
                        "maps.yaml:5: sagas[0].start",
                        is("context 'audit' starts saga 'review' but has no inbox to be told its outcome"),
                        anything()),
                row("load_sameReportTypeForTwoResults", """
                        events:
                          - {type: game.released, from: game-dept, deliver: [{to: web-support}]}
                        sagas:
                          - name: release
                            start: game.released
                            participants:
                              - {context: web-support, completed: ws.done, failed: ws.done}
                            outcome: {completed: release.done, aborted: release.cancelled}
                        """,
                        "maps.yaml:7: sagas[0].participants[0].failed",
                        is("event type 'ws.done' already reports for sagas[0].participants[0].completed"),
                        anything()),
                row("load_badNegatePath", """
                        events:
                          - {type: game.released, from: game-dept, deliver: [{to: web-support}]}
                        sagas:
                          - name: release
                            start: game.released
                            participants:
                              - context: web-support
                                completed: ws.ok
                                failed: ws.ko
                                negate: [$.amount, amount]
                            outcome: {completed: release.done, aborted: release.cancelled}
                        """,
                        "maps.yaml:10: sagas[0].participants[0].negate[1]",
                        is("a path must start with '$' but was 'amount'"),
                        anything()),
                // ---- found later: CSV lines, YAML's null, bracketed paths
                rowWithFile("load_csvErrorsNameTheLineEvenAfterBlankLinesAndMultiLineValues", "levels.csv", """
                        game-dept.code,game-dept.name,web-support.code
                        20,"two
                        lines",2

                        40,four,2
                        """,
                        """
                        concepts:
                          level:
                            keys: {game-dept: [code, name], web-support: [code]}
                            entries-file: levels.csv
                        """,
                        "levels.csv:5: ",
                        is("web-support.code: 2 is already the code of the row at line 2 of levels.csv"),
                        anything()),
                rowWithFile("load_csvHeaderNamingAColumnTwice", "levels.csv", """
                        game-dept.code,game-dept.code
                        1,2
                        """,
                        """
                        concepts:
                          level:
                            keys: {game-dept: [code]}
                            entries-file: levels.csv
                        """,
                        "levels.csv:1: ",
                        containing("game-dept.code", "twice"),
                        anything()),
                row("load_tildeIsRefusedNotReadAsTheText", """
                        concepts:
                          level:
                            keys: {game-dept: [code]}
                            entries:
                              - game-dept: {code: ~}
                        """,
                        "maps.yaml:5: concepts.level.entries[0].game-dept.code",
                        is("'~' is null to some YAML readers and text to others"),
                        anything()),
                row("load_blankRuleUnderABracketedPathNamesThePath", route("web-support", "game-dept", """
                            response:
                              body:
                                "$['codes']": ""
                        """),
                        "maps.yaml:9: routes[0].response.body['$['codes']']",
                        is("'$['codes']' is required"),
                        anything())
        );
    }

    // ---- YAML itself

    @Test
    void load_nonUtf8File() {
        writeBytes("maps.yaml", "contexts:\n  caf\u00e9: {}\n".getBytes(StandardCharsets.ISO_8859_1));

        LoadError error = onlyError(ContextMaps.load(dir));

        located(error, "maps.yaml", 0, "");
        assertThat(error.message()).contains("not UTF-8");
        assertThat(error.hint()).isEqualTo("save it as UTF-8");
    }

    // ---- unknown keys and wrong types

    @Test
    void load_severalUnknownKeysInOneFile_allReported() {
        List<LoadError> errors = errors("""
                contexts:
                  billing: {descripton: Billing}
                routes:
                  - id: r
                    from: web-support
                    to: game-dept
                    path: /game-dept/**
                    upstream: http://127.0.0.1:9101
                    on-unknwn: pass
                    request:
                      path-template: /games/{game.code}
                events:
                  - type: game.released
                    from: game-dept
                    dedline: PT1M
                """);

        assertThat(errors).extracting(LoaderErrorTests::where).containsExactly(
                "maps.yaml:2: contexts.billing.descripton",
                "maps.yaml:9: routes[0].on-unknwn",
                "maps.yaml:11: routes[0].request.path-template",
                "maps.yaml:15: events[0].dedline");
        assertThat(errors).extracting(LoadError::hint).containsExactly(
                "did you mean 'description'?",
                "did you mean 'on-unknown'?",
                "did you mean 'path-templates'?",
                "did you mean 'deadline'?");
    }

    @Test
    void load_namesThatRulesCannotReferTo() {
        List<LoadError> errors = errors("""
                contexts:
                  "web support": {}
                concepts:
                  "game.x":
                    keys: {game-dept: [code]}
                """);

        assertThat(errors).extracting(LoaderErrorTests::where).containsExactly(
                "maps.yaml:2: contexts['web support']", "maps.yaml:4: concepts['game.x']");
        assertThat(errors).extracting(LoadError::message).containsExactly(
                "'web support' is not a valid context name", "'game.x' is not a valid concept name");
        assertThat(errors).extracting(LoadError::hint).allMatch(hint -> hint.startsWith("use letters, digits, '_' and '-'"));
    }

    // ---- declared twice

    @Test
    void load_sameEventTypeFromTwoPublishers_isNoError() {
        write("maps.yaml", """
                events:
                  - {type: game.released, from: game-dept, deliver: [{to: web-support}]}
                  - {type: game.released, from: web-support, deliver: [{to: game-dept}]}
                """);

        LoadResult result = ContextMaps.load(dir);

        assertThat(result.errors()).isEmpty();
        assertThat(result.model().event("game.released", "game-dept")).isPresent();
        assertThat(result.model().event("game.released", "web-support")).isPresent();
    }

    // ---- concepts and their rows

    @Test
    void load_nonScalarEntryValue() {
        List<LoadError> errors = errors("""
                concepts:
                  level:
                    keys: {game-dept: [code], web-support: [code]}
                    entries:
                      - game-dept: {code: [1, 2]}
                        web-support:
                          code: {value: 1}
                      - game-dept: {code: null}
                """);

        assertThat(errors).extracting(LoaderErrorTests::where).containsExactly(
                "maps.yaml:5: concepts.level.entries[0].game-dept.code",
                "maps.yaml:7: concepts.level.entries[0].web-support.code",
                "maps.yaml:8: concepts.level.entries[1].game-dept.code");
        assertThat(errors).allSatisfy(e -> assertThat(e.message()).startsWith("a value must be a single string, number or boolean"));
    }

    @Test
    void load_entriesFileMissing() {
        LoadError error = onlyError("""
                concepts:
                  level:
                    keys: {game-dept: [code]}
                    entries-file: levels.csv
                """);

        located(error, "maps.yaml", 4, "concepts.level.entries-file");
        assertThat(error.message()).startsWith("entries-file 'levels.csv' does not exist").contains(dir.resolve("levels.csv").toString());
        assertThat(error.hint()).isEqualTo("the path is relative to the YAML file");
    }

    @Test
    void load_csvHeaderNamesAColumnThatIsNoKey() {
        write("data/levels.csv", """
                game-dept.code,game-dept.colour,code
                1,red,x
                """);

        List<LoadError> errors = errors("""
                concepts:
                  level:
                    keys: {game-dept: [code], web-support: [code]}
                    entries-file: data/levels.csv
                """);

        assertThat(errors).extracting(LoaderErrorTests::where).containsExactly("levels.csv:1: ", "levels.csv:1: ");
        assertThat(errors.get(0).file()).isEqualTo(dir.resolve("data/levels.csv"));
        assertThat(errors).extracting(LoadError::message).containsExactly(
                "column 'game-dept.colour' is not <context>.<field> of a key of concept 'level'",
                "column 'code' is not <context>.<field> of a key of concept 'level'");
        assertThat(errors.get(0).hint()).isEqualTo("the columns may be game-dept.code, web-support.code");
    }

    @Test
    void load_csvRowWithWrongColumnCount() {
        write("levels.csv", """
                game-dept.code,web-support.code
                20,2
                30
                40,4,extra
                """);

        List<LoadError> errors = errors("""
                concepts:
                  level:
                    keys: {game-dept: [code], web-support: [code]}
                    entries-file: levels.csv
                """);

        assertThat(errors).extracting(LoaderErrorTests::where).containsExactly("levels.csv:3: ", "levels.csv:4: ");
        assertThat(errors).extracting(LoadError::message).containsExactly(
                "row has 1 values but the header names 2",
                "row has 3 values but the header names 2");
        assertThat(errors.get(0).hint()).contains("one value per column");
    }

    // ---- names that are not declared

    @Test
    void load_unknownContextInRouteFromAndTo() {
        List<LoadError> errors = errors("""
                routes:
                  - id: r
                    from: web-suport
                    to: game-dep
                    path: /game-dept/**
                    upstream: http://127.0.0.1:9101
                """);

        assertThat(errors).extracting(LoaderErrorTests::where).containsExactly("maps.yaml:3: routes[0].from", "maps.yaml:4: routes[0].to");
        assertThat(errors).extracting(LoadError::message).containsExactly("unknown context 'web-suport'", "unknown context 'game-dep'");
        assertThat(errors).extracting(LoadError::hint).containsExactly("did you mean 'web-support'?", "did you mean 'game-dept'?");
    }

    @Test
    void load_unknownContextInEventFromAndDeliverTo() {
        List<LoadError> errors = errors("""
                events:
                  - type: game.released
                    from: game-dep
                    deliver:
                      - to: web-suport
                """);

        assertThat(errors).extracting(LoaderErrorTests::where).containsExactly(
                "maps.yaml:3: events[0].from", "maps.yaml:5: events[0].deliver[0].to");
        assertThat(errors).extracting(LoadError::hint).containsExactly("did you mean 'game-dept'?", "did you mean 'web-support'?");
    }

    // ---- rules

    @Test
    void load_malformedRule() {
        List<LoadError> errors = errors(route("web-support", "game-dept", """
                    request:
                      query:
                        a: game
                        b: game.code->
                        c: game.code.name
                        d: ""
                """));

        assertThat(errors).extracting(LoaderErrorTests::where).containsExactly(
                "maps.yaml:9: routes[0].request.query.a",
                "maps.yaml:10: routes[0].request.query.b",
                "maps.yaml:11: routes[0].request.query.c",
                "maps.yaml:12: routes[0].request.query.d");
        assertThat(errors.get(0).message()).isEqualTo(
                "'game' is not a rule: write concept.field (game.code) or concept.field->other (game.name->code)");
        assertThat(errors.get(1).message()).startsWith("'game.code->' is not a rule");
        assertThat(errors.get(2).message()).startsWith("'game.code.name' is not a rule");
        assertThat(errors.get(3).message()).isEqualTo("'d' is required");
    }

    @Test
    void load_badJsonPath() {
        List<LoadError> errors = errors(route("web-support", "game-dept", """
                    request:
                      body:
                        $.items[x]: game.code
                        game.code: game.code
                """));

        assertThat(errors).extracting(LoaderErrorTests::where).containsExactly(
                "maps.yaml:9: routes[0].request.body['$.items[x]']",
                "maps.yaml:10: routes[0].request.body['game.code']");
        assertThat(errors.get(0).message()).isEqualTo("invalid JSONPath '$.items[x]' at position 7: expected [N], [*] or ['name'] but found [x]");
        assertThat(errors.get(1).message()).isEqualTo("a path must start with '$' but was 'game.code'");
        assertThat(errors).extracting(LoadError::hint).containsOnly("the supported forms are $, .name, ['name'], [N], [*] and ..name");
    }

    @Test
    void load_badPathTemplate() {
        List<LoadError> errors = errors(route("web-support", "game-dept", """
                    request:
                      path-templates:
                        - /games/x{game.code}
                        - games/{game.code}
                        - /games/{game.colour}
                """));

        assertThat(errors).extracting(LoaderErrorTests::where).containsExactly(
                "maps.yaml:9: routes[0].request.path-templates[0]",
                "maps.yaml:10: routes[0].request.path-templates[1]",
                "maps.yaml:11: routes[0].request.path-templates[2]",
                "maps.yaml:11: routes[0].request.path-templates[2]");
        assertThat(errors.get(0).message()).isEqualTo(
                "a path template segment must be all literal or one whole {concept.field}, but was 'x{game.code}' in '/games/x{game.code}'");
        assertThat(errors.get(0).hint()).isEqualTo("write a template such as /games/{game.code}/stats");
        assertThat(errors.get(1).message()).isEqualTo("a path template must start with '/' but was 'games/{game.code}'");
        assertThat(errors.get(2).message()).isEqualTo("rule game.colour reads 'colour', an aspect context 'web-support' lacks");
        assertThat(errors.get(3).message()).isEqualTo("rule game.colour must write 'colour', an aspect context 'game-dept' lacks");
    }

    // ---- values

    @Test
    void load_badDuration() {
        List<LoadError> errors = errors("""
                events:
                  - type: game.released
                    from: game-dept
                    deadline: 10 minutes
                    deliver: [{to: web-support}]
                sagas:
                  - name: release
                    start: game.released
                    deadline: PT0S
                    participants: [{context: web-support, completed: ws.ok, failed: ws.ko}]
                    outcome: {completed: release.done, aborted: release.cancelled}
                """);

        assertThat(errors).extracting(LoaderErrorTests::where).containsExactly("maps.yaml:4: events[0].deadline", "maps.yaml:9: sagas[0].deadline");
        assertThat(errors).extracting(LoadError::message).containsExactly(
                "'10 minutes' is not an ISO-8601 duration", "a duration must be positive but was PT0S");
        assertThat(errors).extracting(LoadError::hint).containsOnly("write an ISO-8601 duration such as PT30S, PT10M or PT2H");
    }

    @Test
    void load_badUpstreamUrl() {
        List<LoadError> errors = errors("""
                routes:
                  - {id: a, from: web-support, to: game-dept, path: /a/**, upstream: "ftp://x"}
                  - {id: b, from: web-support, to: game-dept, path: /b/**, upstream: not a url}
                  - {id: c, from: web-support, to: game-dept, path: /c/**, upstream: /game-dept}
                """);

        assertThat(errors).extracting(LoaderErrorTests::where).containsExactly(
                "maps.yaml:2: routes[0].upstream", "maps.yaml:3: routes[1].upstream", "maps.yaml:4: routes[2].upstream");
        assertThat(errors).extracting(LoadError::message).containsExactly(
                "'ftp://x' is not an absolute http or https URL",
                "'not a url' is not a URL",
                "'/game-dept' is not an absolute http or https URL");
        assertThat(errors).extracting(LoadError::hint).containsOnly("write a URL such as http://127.0.0.1:9101");
    }

    @Test
    void load_badInbox() {
        List<LoadError> errors = errors("""
                contexts:
                  billing:  {inbox: "kafka:billing events"}
                  shipping: {inbox: "ftp://127.0.0.1/inbox"}
                  stock:    {inbox: "kafka:"}
                events:
                  - type: game.released
                    from: game-dept
                    deliver:
                      - to: audit
                        endpoint: "kafka:audit/log"
                """);

        assertThat(errors).extracting(LoaderErrorTests::where).containsExactly(
                "maps.yaml:2: contexts.billing.inbox",
                "maps.yaml:3: contexts.shipping.inbox",
                "maps.yaml:4: contexts.stock.inbox",
                "maps.yaml:10: events[0].deliver[0].endpoint");
        assertThat(errors).extracting(LoadError::message).containsExactly(
                "'kafka:billing events' does not name a valid Kafka topic after 'kafka:'",
                "'ftp://127.0.0.1/inbox' is not an absolute http or https URL",
                "'kafka:' does not name a valid Kafka topic after 'kafka:'",
                "'kafka:audit/log' does not name a valid Kafka topic after 'kafka:'");
        assertThat(errors).extracting(LoadError::hint).containsOnly("write an http(s) URL or kafka:<topic>");
    }

    // ---- the directory

    @Test
    void load_emptyDirectory() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Files.writeString(empty.resolve("readme.txt"), "maps go here");

        LoadError error = onlyError(ContextMaps.load(empty));

        assertThat(error.file()).isEqualTo(empty);
        assertThat(error.line()).isZero();
        assertThat(error.message()).isEqualTo("the context-maps directory holds no *.yaml or *.yml file");
        assertThat(error.hint()).contains("add a map");
    }

    @Test
    void load_missingDirectory() {
        Path missing = dir.resolve("no-such-folder");

        LoadError error = onlyError(ContextMaps.load(missing));

        assertThat(error.file()).isEqualTo(missing);
        assertThat(error.line()).isZero();
        assertThat(error.message()).isEqualTo("the context-maps directory does not exist or is not a directory");
        assertThat(error.hint()).contains("dragoman.context-maps");
    }

    @Test
    void load_aFileInsteadOfADirectory() {
        LoadError error = onlyError(ContextMaps.load(dir.resolve("base.yaml")));

        assertThat(error.message()).isEqualTo("the context-maps directory does not exist or is not a directory");
    }

    // ---- all at once

    @Test
    void load_reportsAllErrorsAtOnce_sortedByFileAndLine() {
        LoadResult result = ContextMaps.load(Path.of("src/test/resources/maps/broken"));

        assertThat(result.isValid()).isFalse();
        assertThat(result.errors()).extracting(LoaderErrorTests::where).containsExactly(
                "contexts.yaml:8: contexts.billing.descripton",
                "contexts.yaml:10: contexts.audit.inbox",
                "contexts.yaml:22: concepts.game.entries[1].web-support.code",
                "contexts.yaml:24: concepts.game.entries[2].game-dept.title",
                "events.yaml:6: events[0].deadline",
                "events.yaml:10: events[0].deliver[1].to",
                "events.yaml:15: sagas[0].start",
                "events.yaml:17: sagas[0].participants[0].completed",
                "routes.yaml:6: routes[0].to",
                "routes.yaml:9: routes[0].strip-prefx",
                "routes.yaml:11: routes[0].upstream",
                "routes.yaml:13: routes[0].on-unknown",
                "routes.yaml:16: routes[0].request.path-templates[0]",
                "routes.yaml:19: routes[0].request.body['game.code']",
                "routes.yaml:21: routes[0].request.body['$.game.name']");
        assertThat(result.errors()).extracting(LoadError::message).containsExactly(
                "unknown key 'descripton'",
                "'kafka:audit log' does not name a valid Kafka topic after 'kafka:'",
                "1 is already the code of entry 0 (line 18)",
                "'title' is not a key of game in game-dept",
                "'10 minutes' is not an ISO-8601 duration",
                "context 'billing' has no inbox to deliver game.released to",
                "saga start 'game.launched' is not a declared event type",
                "'completed' is required",
                "unknown context 'game-dep'",
                "unknown key 'strip-prefx'",
                "'ftp://127.0.0.1:9101' is not an absolute http or https URL",
                "'ignore' is not reject or pass",
                "a path template segment must be all literal or one whole {concept.field}, but was 'x{game.code}' in '/games/x{game.code}'",
                "a path must start with '$' but was 'game.code'",
                "unknown concept 'gaem' in rule gaem.name");
        assertThat(result.describeErrors().lines()).hasSize(15).first().asString()
                .endsWith("contexts.yaml:8: contexts.billing.descripton: unknown key 'descripton' (did you mean 'description'?)");
    }

    @Test
    void orElseThrow_listsEveryError() {
        LoadResult result = ContextMaps.load(Path.of("src/test/resources/maps/broken"));

        assertThatThrownBy(result::orElseThrow)
                .isInstanceOf(ContextMapsException.class)
                .hasMessageStartingWith("the context maps did not load (15 errors):\n")
                .hasMessageContaining("routes.yaml:21: routes[0].request.body['$.game.name']: unknown concept 'gaem'")
                .satisfies(e -> assertThat(((ContextMapsException) e).errors()).isEqualTo(result.errors()));
        assertThat(result.modelIfValid()).isEmpty();
    }

    @Test
    void loadError_readsAsFileLineKeyPathMessageHint() {
        Path file = Path.of("context-maps", "games.yaml");

        assertThat(new LoadError(file, 14, "concepts.game.entries[3].web-support.code", "1 is already the code of entry 1", ""))
                .hasToString("context-maps/games.yaml:14: concepts.game.entries[3].web-support.code: 1 is already the code of entry 1");
        assertThat(new LoadError(file, 0, null, "the file is not UTF-8 text", "save it as UTF-8"))
                .hasToString("context-maps/games.yaml: the file is not UTF-8 text (save it as UTF-8)");
    }

    // ---- helpers

    /** A route from one context to another with the given extra lines; the extra lines start at line 7. */
    private static String route(String from, String to, String extra) {
        return """
                routes:
                  - id: r
                    from: %s
                    to: %s
                    path: /r/**
                    upstream: http://127.0.0.1:9101
                """.formatted(from, to) + extra;
    }

    private LoadError onlyError(String yaml) {
        return onlyError(load(yaml));
    }

    private static LoadError onlyError(LoadResult result) {
        assertThat(result.isValid()).as("the maps load").isFalse();
        assertThat(result.errors()).as(result.describeErrors()).hasSize(1);
        return result.errors().get(0);
    }

    private List<LoadError> errors(String yaml) {
        LoadResult result = load(yaml);
        assertThat(result.isValid()).as("the maps load").isFalse();
        return result.errors();
    }

    private LoadResult load(String yaml) {
        write("maps.yaml", yaml);
        return ContextMaps.load(dir);
    }

    private static Arguments row(String test, String maps, String where, Expect message, Expect hint) {
        return Arguments.of(test, Map.of(), maps, where, message, hint);
    }

    private static Arguments rowWithFile(String test, String file, String text, String maps, String where, Expect message,
            Expect hint) {
        return Arguments.of(test, Map.of(file, text), maps, where, message, hint);
    }

    private static Expect is(String text) {
        return new Expect("is", List.of(text));
    }

    private static Expect startingWith(String prefix) {
        return new Expect("starts with", List.of(prefix));
    }

    private static Expect containing(String... parts) {
        return new Expect("contains", List.of(parts));
    }

    private static Expect anything() {
        return new Expect("anything", List.of());
    }

    /** What a row says of a message or a hint: the assertion a test of its own would make. */
    record Expect(String how, List<String> parts) {

        void check(String actual) {
            switch (how) {
                case "is" -> assertThat(actual).isEqualTo(parts.get(0));
                case "starts with" -> assertThat(actual).startsWith(parts.get(0));
                case "contains" -> assertThat(actual).contains(parts);
                case "anything" -> { }
                default -> throw new IllegalStateException("no such expectation: " + how);
            }
        }

        @Override
        public String toString() {
            return how + " " + parts;
        }
    }

    private static void located(LoadError error, String file, int line, String keyPath) {
        assertThat(where(error)).as(error.toString()).isEqualTo(file + ":" + line + ": " + keyPath);
    }

    /** {@code file:line: keyPath}, with only the file's name. */
    private static String where(LoadError error) {
        return error.file().getFileName() + ":" + error.line() + ": " + error.keyPath();
    }

    private void write(String file, String text) {
        writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private void writeBytes(String file, byte[] bytes) {
        try {
            Path path = dir.resolve(file);
            Files.createDirectories(path.getParent());
            Files.write(path, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void load_unknownKeyHoldingAMappingOrList() {
        List<LoadError> errors = errors("""
                contexts: {billing: {}}
                sagaz: []
                routes:
                  - id: r
                    from: web-support
                    to: game-dept
                    path: /game-dept/**
                    upstream: http://127.0.0.1:9101
                    requst:
                      query: {g: game.code}
                    respons:
                      - body
                """);

        assertThat(errors).extracting(LoaderErrorTests::where).containsExactly(
                "maps.yaml:2: sagaz", "maps.yaml:9: routes[0].requst", "maps.yaml:11: routes[0].respons");
        assertThat(errors).extracting(LoadError::hint).containsExactly(
                "did you mean 'sagas'?", "did you mean 'request'?", "did you mean 'response'?");
    }

    @Test
    void load_fileOfCommentsOnlyIsFine() {
        write("maps.yaml", """
                # routes will go here
                # routes: []
                """);

        assertThat(ContextMaps.load(dir).errors()).isEmpty();
    }

    @Test
    void load_csvWithAByteOrderMarkIsFine() {
        writeBytes("levels.csv", "\uFEFFgame-dept.code,web-support.code\n20,2\n".getBytes(StandardCharsets.UTF_8));
        write("maps.yaml", """
                concepts:
                  level:
                    keys: {game-dept: [code], web-support: [code]}
                    entries-file: levels.csv
                """);

        assertThat(ContextMaps.load(dir).errors()).isEmpty();
    }

    @Test
    void load_textWhereAListOrMappingBelongs_doesNotAskForANumber() {
        List<LoadError> errors = List.of(
                onlyError("contexts: {billing: Billing}\n"),
                onlyError("concepts:\n  level:\n    keys: {game-dept: code}\n"),
                onlyError("events:\n  - {type: t, from: game-dept, deliver: web-support}\n"));

        assertThat(errors).extracting(LoaderErrorTests::where).containsExactly(
                "maps.yaml:1: contexts.billing", "maps.yaml:3: concepts.level.keys.game-dept", "maps.yaml:2: events[0].deliver");
        assertThat(errors).extracting(LoadError::message).containsExactly(
                "expected a mapping here, found the text 'Billing'", "expected a list here, found the text 'code'",
                "expected a list here, found the text 'web-support'");
        assertThat(errors).extracting(LoadError::message).noneMatch(message -> message.contains("java."));
    }

    @Test
    void keyPaths_parentUndoesChildForABracketedJsonPath() {
        String path = dev.dragoman.rules.internal.KeyPaths.child("routes[0].response.body", "$['codes']");
        assertThat(dev.dragoman.rules.internal.KeyPaths.parent(path)).isEqualTo("routes[0].response.body");
    }
}
