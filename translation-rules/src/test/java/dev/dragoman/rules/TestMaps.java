package dev.dragoman.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The test maps, loaded once: the spec's game departments. */
final class TestMaps {
    static final Path GAMES = Path.of("src/test/resources/maps/games");
    private static Translators games;

    private TestMaps() {
    }

    static synchronized Translators games() {
        if (games == null) {
            games = Translators.compile(ContextMaps.load(GAMES).orElseThrow());
        }
        return games;
    }

    /** Writes one YAML file into a fresh directory and loads it. */
    static LoadResult loadYaml(Path dir, String yaml) {
        try {
            Files.writeString(dir.resolve("maps.yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ContextMaps.load(dir);
    }
}
