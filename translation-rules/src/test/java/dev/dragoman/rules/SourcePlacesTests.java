package dev.dragoman.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of declaration is found at its line; lines read off the text block. */
class SourcePlacesTests {

    @TempDir
    Path dir;

    @Test
    void findsEveryKindOfDeclarationAtItsLine() throws IOException {
        Files.writeString(dir.resolve("maps.yaml"), """
                contexts:
                  game-dept:   {description: Game development, inbox: "http://127.0.0.1:9201/events"}
                  web-support: {description: Web support, inbox: "http://127.0.0.1:9202/events"}
                concepts:
                  game:
                    keys: {game-dept: [code], web-support: [code]}
                    entries:
                      - {game-dept: {code: 1001}, web-support: {code: 1}}
                routes:
                  - id: ws-to-gd
                    from: web-support
                    to: game-dept
                    path: /game-dept/**
                    upstream: http://127.0.0.1:9101
                events:
                  - type: game.released
                    from: game-dept
                    deliver:
                      - to: game-dept
                      - to: web-support
                """);
        assertThat(ContextMaps.load(dir).errors()).isEmpty();

        SourcePlaces places = SourcePlaces.of(dir);

        assertThat(places.context("web-support")).hasValueSatisfying(p -> assertThat(p.toString()).isEqualTo("maps.yaml:3"));
        assertThat(places.concept("game").orElseThrow().line()).isEqualTo(5);
        assertThat(places.route("ws-to-gd").orElseThrow().line()).isEqualTo(10);
        assertThat(places.event("game.released", "game-dept").orElseThrow().line()).isEqualTo(16);
        assertThat(places.delivery("game.released", "game-dept", "web-support").orElseThrow())
                .satisfies(p -> assertThat(p.line()).isEqualTo(20))
                .satisfies(p -> assertThat(p.keyPath()).isEqualTo("events[0].deliver[1]"));
        assertThat(places.saga("none")).isEmpty();
        assertThat(places.route("none")).isEmpty();
    }
}
