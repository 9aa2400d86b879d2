package dev.dragoman.maps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.rules.ContextMaps;
import dev.dragoman.rules.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schema is the editor's early warning for what the loader will say: where it accepts,
 * the loader must not be surprised by the shape, and where it rejects, the loader must too.
 */
class SchemaAgreesWithLoaderTests {

    @TempDir
    Path dir;

    @Test
    void bothAcceptTheMinimalMap() throws IOException {
        assertThat(MapSchema.validate(SampleMaps.MINIMAL)).isEmpty();
        assertLoads(SampleMaps.MINIMAL);
    }

    @Test
    void bothAcceptARuleThatReadsOneAspectAndWritesAnother() throws IOException {
        assertThat(MapSchema.validate(SampleMaps.ruleReadingOneAspectWritingAnother())).isEmpty();
        assertLoads(SampleMaps.ruleReadingOneAspectWritingAnother());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.dragoman.maps.SampleMaps#broken")
    void bothReject(String what, String yaml) throws IOException {
        assertThat(MapSchema.validate(yaml)).as("schema errors").isNotEmpty();
        assertThat(load(yaml).errors()).as("loader errors").isNotEmpty();
    }

    private void assertLoads(String yaml) throws IOException {
        LoadResult result = load(yaml);
        assertThat(result.errors()).withFailMessage("the loader rejects:%n%s", result.describeErrors()).isEmpty();
    }

    private LoadResult load(String yaml) throws IOException {
        Files.writeString(dir.resolve("map.yaml"), yaml);
        return ContextMaps.load(dir);
    }
}
