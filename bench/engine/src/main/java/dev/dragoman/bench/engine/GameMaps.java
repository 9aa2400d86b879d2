package dev.dragoman.bench.engine;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes context maps for the benchmarks: a {@code game} concept whose rows come from a
 * generated CSV, and optionally a route whose request body rules cover every identifier of
 * {@link Documents} (and a second one, without {@code $..gameNames}, for the sparse document). Game {@code i} (from 1) is {@code {code: i, name: ws_game_i}} in
 * web-support and {@code {code: 10000000+i, name: gd_game_i}} in game-dept, so the
 * translated text always differs from the original (and is longer: a splice that changes
 * lengths, the harder case).
 */
final class GameMaps {

    static final String ROUTE = "bench-web-support-to-game-dept";
    /** The same rules without {@code $..gameNames}: nothing keeps a state live outside game, items and related. */
    static final String SPARSE_ROUTE = "bench-sparse";
    static final String FROM = "web-support";
    static final String TO = "game-dept";

    private GameMaps() {
    }

    static String webSupportCode(int game) {
        return Integer.toString(game);
    }

    static String webSupportName(int game) {
        return "ws_game_" + game;
    }

    static String gameDeptCode(int game) {
        return Integer.toString(10_000_000 + game);
    }

    static String gameDeptName(int game) {
        return "gd_game_" + game;
    }

    /** A directory holding {@code games.yaml} and {@code games.csv} with {@code rows} games; with the route when asked. */
    static Path write(Path dir, int rows, boolean withRoute) {
        try {
            Files.createDirectories(dir);
            StringBuilder yaml = new StringBuilder("""
                    contexts:
                      game-dept:   {description: Game development}
                      web-support: {description: Web support}

                    concepts:
                      game:
                        keys:
                          game-dept:   [code, name]
                          web-support: [code, name]
                        entries-file: games.csv
                    """);
            if (withRoute) {
                yaml.append("""

                        routes:
                          - id: %s
                            from: web-support
                            to: game-dept
                            path: /game-dept/**
                            strip-prefix: 1
                            upstream: http://127.0.0.1:9101
                            on-unknown: reject
                            request:
                              body:
                                $.game.code: game.code
                                $.game.name: game.name
                                $.items[*].gameCode: game.code
                                $.related[*].code: game.code
                                $..gameNames: game.name
                          - id: %s
                            from: web-support
                            to: game-dept
                            path: /game-dept-sparse/**
                            strip-prefix: 1
                            upstream: http://127.0.0.1:9101
                            on-unknown: reject
                            request:
                              body:
                                $.game.code: game.code
                                $.game.name: game.name
                                $.items[*].gameCode: game.code
                                $.related[*].code: game.code
                        """.formatted(ROUTE, SPARSE_ROUTE));
            }
            Files.writeString(dir.resolve("games.yaml"), yaml, StandardCharsets.UTF_8);
            try (BufferedWriter csv = Files.newBufferedWriter(dir.resolve("games.csv"), StandardCharsets.UTF_8)) {
                csv.write("game-dept.code,game-dept.name,web-support.code,web-support.name\n");
                for (int game = 1; game <= rows; game++) {
                    csv.write(gameDeptCode(game));
                    csv.write(',');
                    csv.write(gameDeptName(game));
                    csv.write(',');
                    csv.write(webSupportCode(game));
                    csv.write(',');
                    csv.write(webSupportName(game));
                    csv.write('\n');
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
