package dev.dragoman.rules;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dragoman.rules.model.Scalar;
import dev.dragoman.rules.resolver.IdentifierResolver;
import dev.dragoman.rules.resolver.ResolverUnavailableException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One call translates a whole message: what each part's own translation gives, added up. */
class MessageTranslationTests {

    private static final DirectionTranslator REQUEST = TestMaps.games().route("web-support-to-game-dept").orElseThrow().request();

    /** Messages of every shape, with identifiers that translate, unknown ones, and parts left out. */
    private static final List<Message> MESSAGES = List.of(
            new Message("/games/1/stats", "gameCode=2&page=3", Map.of("X-Game-Name", List.of("mob_game_x")),
                    bytes("{\"game\":{\"code\":1,\"name\":\"pc_game_y\"},\"items\":[{\"gameCode\":2},{\"gameCode\":99}]}")),
            new Message("/games/99", "gameCode=98&game=nope&gameCode=1", headers("x-game-name", "nope, mob_game_x"),
                    bytes("{\"gameNames\":[\"x\",\"mob_game_x\"]}")),
            new Message("/elsewhere/../games/2", null, null, null),
            new Message(null, "game=mob_game_x", null, bytes("[]")),
            new Message(null, null, headers("X-Other", "1"), bytes("{\"items\":{\"gameCode\":1}}")),
            Message.body(bytes("{\"game\":{\"code\":77}}")));

    @Test
    void aMessageTranslatesAsItsPartsDo() {
        for (Message message : MESSAGES) {
            MessageTranslation whole = REQUEST.translate(message);

            TextTranslation path = message.path() == null ? null : REQUEST.path(message.path());
            TextTranslation query = message.query() == null ? null : REQUEST.queryString(message.query());
            ValuesTranslation headers = message.headers() == null ? null : REQUEST.headers(message.headers());
            BodyTranslation body = message.body() == null ? null : REQUEST.body(message.body());
            assertThat(whole.message().path()).as("path of %s", message).isEqualTo(path == null ? null : path.text());
            assertThat(whole.message().query()).as("query of %s", message).isEqualTo(query == null ? null : query.text());
            assertThat(whole.message().headers()).as("headers of %s", message).isEqualTo(headers == null ? null : headers.values());
            assertThat(whole.message().body()).as("body of %s", message).isEqualTo(body == null ? null : body.body());
            List<Unresolved> unresolved = new java.util.ArrayList<>();
            int translated = 0;
            for (Object part : new Object[] {path, query, headers, body}) {
                if (part instanceof TextTranslation t) {
                    unresolved.addAll(t.unresolved());
                    translated += t.translated();
                } else if (part instanceof ValuesTranslation v) {
                    unresolved.addAll(v.unresolved());
                    translated += v.translated();
                } else if (part instanceof BodyTranslation b) {
                    unresolved.addAll(b.unresolved());
                    translated += b.translated();
                }
            }
            assertThat(whole.translated()).as("translated in %s", message).isEqualTo(translated);
            assertThat(whole.unresolved()).as("unresolved in %s", message).isEqualTo(unresolved);
            assertThat(whole.unresolvedCount()).isEqualTo(unresolved.size());
            assertThat(whole.complete()).isEqualTo(unresolved.isEmpty());
        }
    }

    @Test
    void identifiersInEveryPartComeOutTranslated() {
        MessageTranslation translation = REQUEST.translate(MESSAGES.get(0));

        assertThat(translation.message().path()).isEqualTo("/games/1001/stats");
        assertThat(translation.message().query()).isEqualTo("gameCode=1002&page=3");
        assertThat(translation.message().headers()).isEqualTo(Map.of("X-Game-Name", List.of("mgame_x")));
        assertThat(new String(translation.message().body(), UTF_8))
                .isEqualTo("{\"game\":{\"code\":1001,\"name\":\"pgame_y\"},\"items\":[{\"gameCode\":1002},{\"gameCode\":99}]}");
        assertThat(translation.translated()).isEqualTo(6);
        assertThat(translation.unresolved()).singleElement()
                .satisfies(u -> assertThat(u.location() + " " + u.value()).isEqualTo("body $.items[1].gameCode 99"));
    }

    @Test
    void unknownsAreListedUpToTheLimitAndAllCounted() {
        StringBuilder body = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 150; i++) {
            body.append(i == 0 ? "" : ",").append("{\"gameCode\":").append(5000 + i).append('}');
        }
        List<String> names = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "unknown-" + i).toList();

        MessageTranslation translation = REQUEST.translate(new Message("/games/77", null, Map.of("X-Game-Name", names),
                bytes(body.append("]}").toString())));

        assertThat(translation.unresolvedCount()).isEqualTo(1 + 30 + 150);
        assertThat(translation.unresolved()).hasSize(Unresolved.REPORTED_LIMIT);
        assertThat(translation.unresolved().get(0).location()).isEqualTo("path /games/{game.code} segment 2");
        assertThat(translation.unresolved().get(1).value()).isEqualTo("unknown-0");
        assertThat(translation.unresolvedPerPart()).as("each part's own list, the body's capped").hasSize(1 + 30 + 100);
        assertThat(translation.complete()).isFalse();
    }

    @Test
    void aBodyThatIsNotJsonIsReported_theOtherPartsTranslated() {
        MessageTranslation translation = REQUEST.translate(new Message("/games/1", null, null, bytes("{\"game\":")));

        assertThat(translation.message().path()).isEqualTo("/games/1001");
        assertThat(translation.message().body()).isNull();
        assertThat(translation.bodyFailure()).isInstanceOf(MalformedJsonException.class);
        assertThat(translation.complete()).isFalse();
        assertThatThrownBy(translation::requireReadableBody).isSameAs(translation.bodyFailure());
    }

    @Test
    void decodedParametersMakeAQueryThatDecodesToThemAgain() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("a b", List.of("x+y", "&=%", ""));
        parameters.put("é", List.of("ü/?#"));

        assertThat(QueryStrings.decode(QueryStrings.encode(parameters))).isEqualTo(parameters);
        assertThat(QueryStrings.decode("")).isEmpty();
        assertThat(QueryStrings.decode("a&&b=1+2")).isEqualTo(Map.of("a", List.of(""), "b", List.of("1 2")));
    }

    // --- with resolvers

    private static final String RESOLVED_MAPS = """
            contexts: {web-support: {}, game-dept: {}}
            concepts:
              player:
                keys: {web-support: [id], game-dept: [id]}
                resolver: {url: "http://127.0.0.1:9/resolve", cache: {maximum-size: 100000}}
            routes:
              - id: r
                from: web-support
                to: game-dept
                path: /g/**
                upstream: "http://127.0.0.1:1"
                request:
                  path-templates: ['/players/{player.id}']
                  query: {player: player.id}
                  headers: {X-Player: player.id}
                  body: {'$.players[*]': player.id}
            """;

    @Test
    void theResolversAnswersAreTranslatedInEveryPart(@TempDir Path dir) throws Exception {
        AtomicInteger asked = new AtomicInteger();
        Translators translators = compile(dir, request -> {
            asked.incrementAndGet();
            return answer(request.value().startsWith("u-") ? "p-" + request.value() : null);
        });
        Message message = new Message("/players/u-1", "player=u-2", Map.of("X-Player", List.of("u-3")),
                bytes("{\"players\":[\"u-4\",\"nobody\",\"u-1\"]}"));

        Resolved<MessageTranslation> resolved = translators.translate(route(translators), message).get();

        MessageTranslation translation = resolved.translation();
        assertThat(translation.message().path()).isEqualTo("/players/p-u-1");
        assertThat(translation.message().query()).isEqualTo("player=p-u-2");
        assertThat(translation.message().headers()).isEqualTo(Map.of("X-Player", List.of("p-u-3")));
        assertThat(new String(translation.message().body(), UTF_8)).isEqualTo("{\"players\":[\"p-u-4\",\"nobody\",\"p-u-1\"]}");
        assertThat(translation.translated()).isEqualTo(5);
        assertThat(translation.unresolved()).singleElement().satisfies(u -> {
            assertThat(u.value()).isEqualTo("nobody");
            assertThat(u.reason()).isEqualTo(Unresolved.Reason.UNKNOWN);
        });
        assertThat(resolved.answered()).isTrue();
        assertThat(resolved.waiting()).isEmpty();
        assertThat(asked).as("each distinct question once").hasValue(5);
    }

    @Test
    void theRoundsStop_afterTwentyRoundsOfOneListEach(@TempDir Path dir) throws Exception {
        AtomicInteger asked = new AtomicInteger();
        Translators translators = compile(dir, request -> {
            asked.incrementAndGet();
            return answer("p-" + request.value());
        });
        int players = Unresolved.REPORTED_LIMIT * 21;

        Resolved<BodyTranslation> resolved = translators.translate(route(translators).bodyTranslator(), players(players)).get();

        assertThat(asked).hasValue(Unresolved.REPORTED_LIMIT * 20);
        assertThat(resolved.translation().translated()).isEqualTo(Unresolved.REPORTED_LIMIT * 20);
        assertThat(resolved.translation().unresolvedCount()).isEqualTo(Unresolved.REPORTED_LIMIT);
        assertThat(resolved.translation().unresolved()).allSatisfy(u -> assertThat(u.reason()).isEqualTo(Unresolved.Reason.NEEDS_LOOKUP));
        assertThat(resolved.answered()).isTrue();
        assertThat(resolved.waiting()).as("never asked, so not waiting").isEmpty();
    }

    @Test
    void aResolverThatDoesNotAnswerIsReportedAsSuch_notAsAnUnknownValue(@TempDir Path dir) throws Exception {
        ResolverUnavailableException down = new ResolverUnavailableException("player", "it answered 503", null, "down", null);
        Translators translators = compile(dir, request -> CompletableFuture.failedFuture(down));

        Resolved<MessageTranslation> resolved = translators.translate(route(translators), new Message("/players/u-1", null, null, null)).get();

        assertThat(resolved.answered()).isFalse();
        assertThat(resolved.unavailable()).containsOnlyKeys("player");
        assertThat(resolved.unavailable().get("player")).isSameAs(down);
        assertThat(resolved.waiting()).singleElement().satisfies(u -> {
            assertThat(u.value()).isEqualTo("u-1");
            assertThat(u.reason()).isEqualTo(Unresolved.Reason.NEEDS_LOOKUP);
        });
    }

    @Test
    void aResolverTooSlowIsReportedWithItsTimeout(@TempDir Path dir) throws Exception {
        Translators translators = compile(dir, request -> CompletableFuture.failedFuture(new TimeoutException()));

        Resolved<BodyTranslation> resolved = translators.translate(route(translators).bodyTranslator(), players(3)).get();

        assertThat(resolved.unavailable().get("player")).isInstanceOf(TimeoutException.class);
        assertThat(resolved.waiting()).hasSize(3);
    }

    @Test
    void aMessageRefusedAsAmbiguousAsksNothing(@TempDir Path dir) throws Exception {
        AtomicInteger asked = new AtomicInteger();
        Translators translators = compile(dir, request -> {
            asked.incrementAndGet();
            return answer("p-" + request.value());
        });

        Resolved<MessageTranslation> resolved = translators.translate(route(translators),
                new Message("/players%2Fu-1", null, null, bytes("{\"players\":[\"u-2\"]}"))).get();

        assertThat(resolved.translation().refusal()).contains("encoded slash");
        assertThat(asked).hasValue(0);
    }

    @Test
    void dataThatIsNotJsonFailsTheResolvingTranslation(@TempDir Path dir) {
        Translators translators = compile(dir, request -> answer("p-1"));

        CompletableFuture<Resolved<BodyTranslation>> resolved = translators.translate(route(translators).bodyTranslator(), bytes("{"));

        assertThatThrownBy(resolved::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(MalformedJsonException.class);
    }

    private static Translators compile(Path dir, IdentifierResolver resolver) {
        return Translators.compile(TestMaps.loadYaml(dir, RESOLVED_MAPS).orElseThrow(), concept -> resolver);
    }

    private static DirectionTranslator route(Translators translators) {
        return translators.route("r").orElseThrow().request();
    }

    private static CompletableFuture<Optional<Scalar>> answer(String value) {
        return CompletableFuture.completedFuture(Optional.ofNullable(value).map(Scalar::string));
    }

    private static byte[] players(int count) {
        StringBuilder body = new StringBuilder("{\"players\":[");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append("\"u-").append(i).append('"');
        }
        return bytes(body.append("]}").toString());
    }

    private static Map<String, List<String>> headers(String name, String value) {
        return Map.of(name, List.of(value));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
