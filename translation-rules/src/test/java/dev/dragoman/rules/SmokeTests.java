package dev.dragoman.rules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
class SmokeTests {
    @Test void smoke() {
        LoadResult r = ContextMaps.load(Path.of("src/test/resources/maps/games"));
        System.out.println(r.isValid() ? r.model() : r.describeErrors());
    }
}
