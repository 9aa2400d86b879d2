package dev.dragoman.tools.maptest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command a build that keeps its maps elsewhere runs (docs/MAP-TESTS.md, "In your own build"):
 * the built tools jar's command line ({@code java -jar dragoman-tools.jar test MAPS}). Its exit code is what
 * fails that build.
 */
class JarRunsMapTestsProcessIntegrationTests {

    @TempDir
    Path work;

    @Test
    void exampleMaps_exitZero() throws Exception {
        Result result = run(examples());

        assertThat(result.exit()).withFailMessage("exit %s:%n%s", result.exit(), result.output()).isZero();
        assertThat(result.output()).contains("map test cases: ").contains(" 0 failed");
    }

    @Test
    void aWrongEditOfAMap_exitsOne_namingTheCaseAndTheDifference() throws Exception {
        Path maps = work.resolve("maps");
        copy(examples(), maps);
        Path orders = maps.resolve("orders.yaml");
        Files.writeString(orders, Files.readString(orders).replace("shipping: {sku: SHP-501}", "shipping: {sku: SHP-511}"));

        Result result = run(maps);

        assertThat(result.exit()).withFailMessage("exit %s:%n%s", result.exit(), result.output()).isEqualTo(1);
        assertThat(result.output()).contains(maps.resolve("tests").resolve("orders.test.yaml") + ":5: case '",
                "shipping's copy of order.placed, data at $.items[0].sku: expected \"SHP-501\", got \"SHP-511\"");
    }

    private record Result(int exit, String output) {
    }

    private Result run(Path maps) throws IOException, InterruptedException {
        String jar = System.getProperty("dragoman.tools.jar");
        assertThat(jar).as("system property dragoman.tools.jar (set by failsafe; run ./mvnw verify)").isNotBlank();
        Path log = Files.createTempFile(work, "map-tests", ".log");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + work, "-jar", jar, "test", maps.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the map tests did not end within 5 minutes:\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log));
    }

    private static Path examples() {
        String property = System.getProperty("dragoman.example-maps");
        assertThat(property).as("system property dragoman.example-maps (set by failsafe)").isNotBlank();
        return Path.of(property);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(f -> !f.startsWith(from.resolve("src")) && !f.startsWith(from.resolve("target"))).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
