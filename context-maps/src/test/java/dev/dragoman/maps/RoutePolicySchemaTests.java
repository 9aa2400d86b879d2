package dev.dragoman.maps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.rules.ContextMaps;
import dev.dragoman.rules.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The schema and the loader agree on a route's policies: both accept every policy written out, both refuse the same mistakes. */
class RoutePolicySchemaTests {

    private static final String ROUTE = """
            contexts:
              game-dept: {}
              web-support: {}
            routes:
              - id: r
                from: web-support
                to: game-dept
                path: /r/**
                upstream: http://127.0.0.1:9101
            """;

    @TempDir
    Path dir;

    @Test
    void bothAcceptEveryPolicy() throws IOException {
        String yaml = ROUTE + """
                    methods: [GET, PUT]
                    timeout: PT5S
                    retry: {retries: 2, backoff: PT0.05S, max-backoff: PT1S}
                    circuit-breaker: {failure-rate: 50, window: 20, minimum-calls: 10, open-for: PT30S, half-open-calls: 3}
                    rate-limit: {requests: 100, period: PT1M, burst: 10}
                    cors:
                      origins: [https://support.example.com, "https://*.example.org"]
                      methods: [GET, PUT]
                      headers: [X-Api-Key, Content-Type]
                      expose-headers: [X-Request-Id]
                      max-age: PT30M
                """;

        assertThat(MapSchema.validate(yaml)).isEmpty();
        assertThat(load(yaml).errors()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void bothReject(String what, String policy) throws IOException {
        String yaml = ROUTE + policy;

        assertThat(MapSchema.validate(yaml)).as("schema errors").isNotEmpty();
        assertThat(load(yaml).errors()).as("loader errors").isNotEmpty();
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("a method in lower case", "    methods: [get]\n"),
                Arguments.of("no method at all", "    methods: []\n"),
                Arguments.of("a timeout that is not ISO-8601", "    timeout: 5s\n"),
                Arguments.of("a retry without retries", "    retry: {backoff: PT1S}\n"),
                Arguments.of("too many retries", "    retry: {retries: 11}\n"),
                Arguments.of("a failure rate over 100", "    circuit-breaker: {failure-rate: 101}\n"),
                Arguments.of("an unknown breaker key", "    circuit-breaker: {wait: PT1S}\n"),
                Arguments.of("a rate limit without period", "    rate-limit: {requests: 10}\n"),
                Arguments.of("cors without origins", "    cors: {headers: [X-Api-Key]}\n"));
    }

    private LoadResult load(String yaml) throws IOException {
        Files.writeString(dir.resolve("map.yaml"), yaml);
        return ContextMaps.load(dir);
    }
}
