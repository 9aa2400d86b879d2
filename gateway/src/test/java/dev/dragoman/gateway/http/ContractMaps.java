package dev.dragoman.gateway.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The maps the HTTP contract tests run against, pointing at one WireMock upstream. */
final class ContractMaps {

    private ContractMaps() {
    }

    static Path write(int upstreamPort) {
        try {
            Path dir = Files.createTempDirectory("dragoman-contract-maps");
            Files.writeString(dir.resolve("maps.yaml"), """
                    contexts:
                      game-dept:   {description: Game development}
                      web-support: {description: Web support}

                    concepts:
                      game:
                        keys: {game-dept: [code, name], web-support: [code, name]}
                        entries:
                          - game-dept:   {code: 1001, name: mgame_x}
                            web-support: {code: 1,    name: mob_game_x}
                          - game-dept:   {code: 1002, name: pgame_y}
                            web-support: {code: 2,    name: pc_game_y}
                          - game-dept:   {code: 1005, name: agame_v}
                          - game-dept:   {code: "0042", name: big game}
                            web-support: {code: "42", name: grand jeu}
                      player:
                        keys: {game-dept: [id], web-support: [id]}
                        resolver:
                          url: http://127.0.0.1:%1$d/resolve
                          timeout: PT1S

                    routes:
                      - id: ws-to-gd
                        from: web-support
                        to: game-dept
                        path: /game-dept/**
                        strip-prefix: 1
                        upstream: http://127.0.0.1:%1$d
                        request:
                          path-templates:
                            - /games/{game.code}/stats
                            - /games/{game.code}
                            - /names/{game.name}
                            - /players/{player.id}
                          query:   {gameCode: game.code, gameName: game.name->code}
                          headers: {X-Game-Name: game.name}
                          body:
                            $.game.code: game.code
                            $.game.name: game.name
                            $.items[*].gameCode: game.code
                            $..gameNames: game.name
                        response:
                          headers: {X-Game-Code: game.code}
                          body:
                            $.code: game.code
                            $.name: game.name
                            $.related[*].code: game.code

                      - id: ws-to-gd-lenient
                        from: web-support
                        to: game-dept
                        path: /lenient/**
                        strip-prefix: 1
                        upstream: http://127.0.0.1:%1$d
                        on-unknown: pass
                        request:
                          path-templates: ['/games/{game.code}']
                          body: {$.game.code: game.code}
                        response:
                          body: {$.code: game.code}

                      - id: ws-to-nowhere
                        from: web-support
                        to: game-dept
                        path: /nowhere/**
                        strip-prefix: 1
                        upstream: http://127.0.0.1:1

                      - id: gd-to-ws
                        from: game-dept
                        to: web-support
                        path: /web-support/**
                        strip-prefix: 1
                        upstream: http://127.0.0.1:%1$d
                    """.formatted(upstreamPort));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
