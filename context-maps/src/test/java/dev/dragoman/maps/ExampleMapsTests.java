package dev.dragoman.maps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.rules.ContextMaps;
import dev.dragoman.rules.LoadResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every map in this folder is one a user may copy: it must pass both the schema and the real loader. */
class ExampleMapsTests {

    static List<Path> mapFiles() {
        return MapSchema.mapFiles();
    }

    @Test
    void findsTheExampleMaps() {
        // Guards the tests below against passing vacuously on an empty or wrong folder.
        assertThat(mapFiles())
                .extracting(file -> file.getFileName().toString())
                .contains("games.yaml", "regions.yaml", "orders.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mapFiles")
    void mapMatchesTheSchema(Path file) {
        var errors = MapSchema.validate(file);

        assertThat(errors)
                .withFailMessage("%s breaks the schema %s:%n%s", file, MapSchema.SCHEMA_FILE, MapSchema.describe(errors))
                .isEmpty();
    }

    @Test
    void loaderLoadsTheWholeFolderWithoutErrors() {
        LoadResult result = ContextMaps.load(MapSchema.MAPS_DIR);

        assertThat(result.errors())
                .withFailMessage("the loader rejects %s:%n%s", MapSchema.MAPS_DIR, result.describeErrors())
                .isEmpty();
        assertThat(result.isValid()).isTrue();
    }
}
