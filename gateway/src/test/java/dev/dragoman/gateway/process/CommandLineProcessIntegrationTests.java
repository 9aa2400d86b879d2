package dev.dragoman.gateway.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar run as CI runs it, {@code java -jar gateway.jar validate DIR}: the command line answers and exits
 * with its code before Spring would start (no port, no keys needed).
 */
class CommandLineProcessIntegrationTests {

    @TempDir
    Path work;

    private record Exit(int code, String output) {
    }

    private Exit run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", GatewayProcess.jar().toString()));
        command.addAll(List.of(arguments));
        Path output = work.resolve("output.txt");
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("the command ends").isTrue();
        return new Exit(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private static Path exampleMaps() {
        String property = System.getProperty("dragoman.example-maps");
        assertThat(property).as("system property dragoman.example-maps (set by failsafe)").isNotBlank();
        return Path.of(property);
    }

    @Test
    void validate_exampleMaps_exitsZero() throws Exception {
        Exit exit = run("validate", exampleMaps().toString());

        assertThat(exit.code()).as(exit.output()).isZero();
        assertThat(exit.output()).contains(": valid: 6 contexts, 3 concepts, 3 routes, 2 events, 1 saga, 1 composition")
                .doesNotContain("Spring");
    }

    @Test
    void validate_brokenCopy_exitsOnePrintingFileAndLine() throws Exception {
        Path broken = Files.createDirectories(work.resolve("maps"));
        try (Stream<Path> files = Files.list(exampleMaps())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, broken.resolve(file.getFileName()));
            }
        }
        Path games = broken.resolve("games.yaml");
        Files.writeString(games, Files.readString(games).replace("strip-prefix: 1             # /game-dept", "strip-prefx: 1             # /game-dept"));

        Exit exit = run("validate", broken.toString());

        assertThat(exit.code()).as(exit.output()).isEqualTo(1);
        assertThat(exit.output()).contains(games + ":37: routes[0].strip-prefx: unknown key 'strip-prefx' (did you mean 'strip-prefix'?)");
    }

    @Test
    void version_printsTheBuildsVersionAndExits_withoutStartingTheGateway() throws Exception {
        for (String option : new String[] {"--version", "-V"}) {
            Exit exit = run(option);

            assertThat(exit.code()).as(exit.output()).isZero();
            assertThat(exit.output().strip()).matches("dragoman \\d+\\.\\d+\\.\\d+.*");
        }
    }

    @Test
    void test_answersThatTheMapTestsRunWithTheToolsJar() throws Exception {
        Exit exit = run("test", exampleMaps().toString());

        assertThat(exit.code()).as(exit.output()).isEqualTo(2);
        assertThat(exit.output()).contains("The test command is not in the gateway jar", "dragoman-tools").doesNotContain("Spring");
    }
}
