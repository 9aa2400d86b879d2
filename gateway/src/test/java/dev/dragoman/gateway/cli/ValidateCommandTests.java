package dev.dragoman.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTests {

    @TempDir
    Path dir;

    @Test
    void validate_exampleMaps_exitsZeroWithASummary() {
        CliRun run = CliRun.of("validate", CliRun.EXAMPLE_MAPS.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("../context-maps: valid: 6 contexts, 3 concepts, 3 routes, 2 events, 1 saga, 1 composition\n");
    }

    @Test
    void validate_brokenMaps_printsEveryErrorWithFileAndLineAndExitsOne() throws IOException {
        Files.writeString(dir.resolve("maps.yaml"), """
                contexts:
                  game-dept: {}
                routes:
                  - id: r
                    from: game-dept
                    to: web-suport
                    path: /g/**
                    upstream: http://127.0.0.1:9101
                    strip-prefx: 1
                """);

        CliRun run = CliRun.of("validate", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines()).containsExactly(
                dir.resolve("maps.yaml") + ":6: routes[0].to: unknown context 'web-suport' (declared contexts: game-dept)",
                dir.resolve("maps.yaml") + ":9: routes[0].strip-prefx: unknown key 'strip-prefx' (did you mean 'strip-prefix'?)",
                dir + ": invalid: 2 errors");
    }

    @Test
    void validate_missingDirectory_exitsOneSayingSo() {
        CliRun run = CliRun.of("validate", dir.resolve("nowhere").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("the context-maps directory does not exist or is not a directory");
    }
}
