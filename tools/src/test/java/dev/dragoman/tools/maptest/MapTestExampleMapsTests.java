package dev.dragoman.tools.maptest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example maps' own tests (context-maps/tests) pass through the real gateway: a wrong edit of a map fails the build. */
class MapTestExampleMapsTests {

    static final Path MAPS = Path.of("..", "context-maps");

    @Test
    void exampleMapsPassTheirMapTests() {
        MapTestReport report = MapTestRunner.run(MAPS, MAPS.resolve("tests"));

        assertThat(report.passed()).withFailMessage("%s", report.describe()).isTrue();
        assertThat(report.cases()).as("every route both ways and every event is covered").hasSizeGreaterThanOrEqualTo(12);
    }
}
