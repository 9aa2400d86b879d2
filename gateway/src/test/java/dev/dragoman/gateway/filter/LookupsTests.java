package dev.dragoman.gateway.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.rules.ContextMaps;
import dev.dragoman.rules.TextTranslation;
import dev.dragoman.rules.Translators;
import dev.dragoman.rules.Unresolved;
import dev.dragoman.rules.model.Concept;
import dev.dragoman.rules.model.Scalar;
import dev.dragoman.rules.resolver.IdentifierResolver;
import dev.dragoman.rules.resolver.ResolverUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;

/**
 * A resolver's failure is the resolver's, not the caller's (issue 12, finding 14): only "unknown"
 * is an unresolved value; a failure or a timeout fails the translation with 503 or 504.
 */
class LookupsTests {

    static final String MAPS = """
            contexts:
              game-dept:   {description: Game development}
              web-support: {description: Web support}
            concepts:
              player:
                keys: {game-dept: [id], web-support: [id]}
                resolver: {url: "http://127.0.0.1:9/resolve"}
              team:
                keys: {game-dept: [id], web-support: [id]}
                resolver: {url: "http://127.0.0.1:9/resolve"}
            routes:
              - id: ws-to-gd
                from: web-support
                to: game-dept
                path: /game-dept/**
                upstream: http://127.0.0.1:9
                request:
                  path-templates: ['/players/{player.id}/teams/{team.id}']
            """;

    @TempDir
    Path maps;

    @Test
    void translatesWithTheResolversAnswer() throws IOException {
        Translators translators = compile(Map.of("player", answering("p-1"), "team", answering("t-1")));

        TextTranslation path = translate(translators).block();

        assertThat(path.text()).isEqualTo("/players/p-1/teams/t-1");
    }

    @Test
    void anUnknownIdentifierIsAnUnresolvedValue_notAnError() throws IOException {
        Translators translators = compile(Map.of("player", answering(null), "team", answering("t-1")));

        TextTranslation path = translate(translators).block();

        assertThat(path.unresolved()).singleElement().satisfies(u -> {
            assertThat(u.reason()).isEqualTo(Unresolved.Reason.UNKNOWN);
            assertThat(u.value()).isEqualTo("u-1");
        });
    }

    @Test
    void aResolverThatFailsIs503ResolverUnavailable_namingConceptAndRoute_withItsRetryAfter() throws IOException {
        Translators translators = compile(Map.of("player", failing(Duration.ofSeconds(7)), "team", answering("t-1")));

        ErrorResponseException error = failure(translate(translators));

        assertThat(error.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(error.getBody().getType().toString()).isEqualTo("https://dragoman.dev/problems/resolver-unavailable");
        assertThat(error.getBody().getDetail()).contains("the resolver of concept 'player' is unavailable (it answered 503)",
                "route 'ws-to-gd'", "retry later").doesNotContain("u-1", "unknown");
        assertThat(error.getBody().getProperties()).containsEntry("route", "ws-to-gd").containsEntry("concepts", List.of("player"));
        assertThat(error.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("7");
        assertThat(error.getCause()).as("the error handler must not take it for the upstream's timeout").isNull();
    }

    @Test
    void aResolverThatSaysNoRetryAfterIsRetriedAfterASecond() throws IOException {
        Translators translators = compile(Map.of("player", failing(null), "team", answering("t-1")));

        assertThat(failure(translate(translators)).getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    }

    @Test
    void aResolverTooSlowIs504ResolverTimeout() throws IOException {
        Translators translators = compile(Map.of("player", request -> CompletableFuture.failedFuture(new TimeoutException()),
                "team", answering("t-1")));

        ErrorResponseException error = failure(translate(translators));

        assertThat(error.getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(error.getBody().getType().toString()).isEqualTo("https://dragoman.dev/problems/resolver-timeout");
        assertThat(error.getBody().getDetail()).contains("the resolver of concept 'player' did not answer within its timeout");
        assertThat(error.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNull();
    }

    @Test
    void oneResolverDownAndAnotherSlowIs503_namingBoth() throws IOException {
        Translators translators = compile(Map.of("player", failing(null),
                "team", request -> CompletableFuture.failedFuture(new TimeoutException())));

        ErrorResponseException error = failure(translate(translators));

        assertThat(error.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(error.getBody().getProperties().get("concepts")).isEqualTo(List.of("player", "team"));
        assertThat(error.getBody().getDetail()).contains("'player'", "'team'");
    }

    @Test
    void aFailureIsNotRemembered_theNextTranslationAsksAgain() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        IdentifierResolver flaky = request -> calls.incrementAndGet() == 1
                ? CompletableFuture.failedFuture(new ResolverUnavailableException("player", "it answered 503", null, "down", null))
                : CompletableFuture.completedFuture(Optional.of(Scalar.string("p-1")));
        Translators translators = compile(Map.of("player", flaky, "team", answering("t-1")));

        failure(translate(translators));

        assertThat(translate(translators).block().text()).isEqualTo("/players/p-1/teams/t-1");
        assertThat(calls).hasValue(2);
    }

    @Test
    void aCallerThatDoesNotNameItsRouteGetsTheProblemAllTheSame() throws IOException {
        Translators translators = compile(Map.of("player", failing(null), "team", answering("t-1")));

        ErrorResponseException error = failure(Lookups.translate(translators, () -> path(translators), TextTranslation::unresolved));

        assertThat(error.getBody().getDetail()).contains("this route");
        assertThat(error.getBody().getProperties()).doesNotContainKey("route");
    }

    @Test
    void aBodyWithMoreQuestionsThanOneAttemptListsIsAnsweredInRounds() throws IOException {
        Files.writeString(maps.resolve("maps.yaml"), MAPS.replace("path-templates: ['/players/{player.id}/teams/{team.id}']",
                "body: {'$.players[*]': player.id}"));
        AtomicInteger asked = new AtomicInteger();
        IdentifierResolver prefixing = request -> {
            asked.incrementAndGet();
            return CompletableFuture.completedFuture(Optional.of(Scalar.string("p-" + request.value())));
        };
        Translators translators = Translators.compile(ContextMaps.load(maps).orElseThrow(), concept -> prefixing);
        int players = Unresolved.REPORTED_LIMIT * 5 / 2;
        StringBuilder body = new StringBuilder("{\"players\": [");
        for (int i = 0; i < players; i++) {
            body.append(i == 0 ? "" : ",").append("\"u-").append(i).append('"');
        }
        byte[] json = body.append("]}").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var request = translators.route("ws-to-gd").orElseThrow().request();

        var translated = Lookups.translate("ws-to-gd", translators, () -> request.body(json), b -> b.unresolved()).block();

        assertThat(translated.complete()).as("every one of %d players is translated", players).isTrue();
        assertThat(new String(translated.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"p-u-0\"", "\"p-u-" + (players - 1) + "\"");
        assertThat(asked).hasValue(players);
    }

    private Mono<TextTranslation> translate(Translators translators) {
        return Lookups.translate("ws-to-gd", translators, () -> path(translators), TextTranslation::unresolved);
    }

    private static TextTranslation path(Translators translators) {
        return translators.route("ws-to-gd").orElseThrow().request().path("/players/u-1/teams/w-1");
    }

    private static ErrorResponseException failure(Mono<?> translation) {
        try {
            translation.block();
        } catch (ErrorResponseException e) {
            return e;
        }
        throw new AssertionError("the translation did not fail");
    }

    private static IdentifierResolver answering(String value) {
        return request -> CompletableFuture.completedFuture(Optional.ofNullable(value).map(Scalar::string));
    }

    private static IdentifierResolver failing(Duration retryAfter) {
        return request -> CompletableFuture.failedFuture(new ResolverUnavailableException(request.concept(), "it answered 503", retryAfter,
                "the resolver of concept " + request.concept() + " answered 503 to GET http://127.0.0.1:9/resolve", null));
    }

    private Translators compile(Map<String, IdentifierResolver> resolvers) throws IOException {
        Files.writeString(maps.resolve("maps.yaml"), MAPS);
        Function<Concept, IdentifierResolver> resolverFor = concept -> resolvers.get(concept.name());
        return Translators.compile(ContextMaps.load(maps).orElseThrow(), resolverFor);
    }
}
