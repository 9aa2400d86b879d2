package dev.dragoman.rules;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.rules.model.Scalar;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolverTranslationTests {

    @Test
    void asksTheResolverForWhatNoTableHoldsThenTranslates(@TempDir Path dir) {
        Map<String, String> service = Map.of("u-7", "7007");
        Translators translators = Translators.compile(TestMaps.loadYaml(dir, """
                contexts: {web-support: {}, game-dept: {}}
                concepts:
                  user:
                    keys: {web-support: [id], game-dept: [id]}
                    entries: [{web-support: {id: u-1}, game-dept: {id: 1001}}]
                    resolver:
                      url: http://127.0.0.1:9400/resolve
                      timeout: PT1S
                      cache: {maximum-size: 1000, ttl: PT5M, negative-ttl: PT10S}
                routes:
                  - {id: r, from: web-support, to: game-dept, path: /g/**, upstream: "http://127.0.0.1:1", request: {body: {$.user: user.id}}}
                """).orElseThrow(), concept -> request -> CompletableFuture.completedFuture(
                Optional.ofNullable(service.get(request.value())).map(Scalar::number)));
        DirectionTranslator request = translators.route("r").orElseThrow().request();

        assertThat(new String(request.body("{\"user\":\"u-1\"}".getBytes(UTF_8)).body(), UTF_8)).isEqualTo("{\"user\":1001}");

        BodyTranslation first = request.body("{\"user\":\"u-7\"}".getBytes(UTF_8));
        assertThat(first.unresolved()).singleElement().satisfies(u -> {
            assertThat(u.reason()).isEqualTo(Unresolved.Reason.NEEDS_LOOKUP);
            assertThat(u.lookup().value()).isEqualTo("u-7");
        });
        translators.resolve(first.unresolved()).join();
        assertThat(new String(request.body("{\"user\":\"u-7\"}".getBytes(UTF_8)).body(), UTF_8)).isEqualTo("{\"user\":7007}");

        BodyTranslation unknown = request.body("{\"user\":\"u-404\"}".getBytes(UTF_8));
        translators.resolve(unknown.unresolved()).join();
        assertThat(request.body("{\"user\":\"u-404\"}".getBytes(UTF_8)).unresolved())
                .singleElement().extracting(Unresolved::reason).isEqualTo(Unresolved.Reason.UNKNOWN);
    }
}
