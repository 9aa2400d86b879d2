package dev.dragoman.gateway.reload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dragoman.gateway.config.DragomanProperties;
import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.model.ServedModel;
import dev.dragoman.gateway.reload.ReloadStatus.Outcome;
import dev.dragoman.rules.ContextMaps;
import dev.dragoman.rules.Translators;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.gateway.event.RefreshRoutesEvent;

@ExtendWith(OutputCaptureExtension.class)
class ReloaderTests {

    static final String CONTEXTS = """
            contexts:
              game-dept: {description: Game development}
              web-support: {description: Web support}
            """;

    static final String ROUTES = """
            routes:
              - id: web-support-to-game-dept
                from: web-support
                to: game-dept
                path: /game-dept/**
                strip-prefix: 1
                upstream: http://127.0.0.1:9101
                request:
                  path-templates: ['/games/{game.code}']
            """;

    static final String ONE_GAME = """
            concepts:
              game:
                keys: {game-dept: [code, name], web-support: [code, name]}
                entries:
                  - game-dept: {code: 1001, name: mgame_x}
                    web-support: {code: 1, name: mob_game_x}
            """;

    static final String TWO_GAMES = ONE_GAME + """
                  - game-dept: {code: 1002, name: pgame_y}
                    web-support: {code: 2, name: pc_game_y}
            """;

    /** {@code from: nobody} is line 3. */
    static final String UNKNOWN_CONTEXT = """
            routes:
              - id: nobody-to-game-dept
                from: nobody
                to: game-dept
                path: /nobody/**
                upstream: http://127.0.0.1:9102
            """;

    @TempDir
    Path maps;

    final Clock clock = Clock.fixed(Instant.parse("2030-01-02T03:04:05Z"), ZoneOffset.UTC);
    final MeterRegistry registry = new SimpleMeterRegistry();
    final List<Object> events = new ArrayList<>();
    ModelHolder models;
    Reloader reloader;

    @BeforeEach
    void servesOneGame() throws IOException {
        write("contexts.yaml", CONTEXTS);
        write("routes.yaml", ROUTES);
        write("games.yaml", ONE_GAME);
        models = new ModelHolder(maps, ContextMaps.load(maps).orElseThrow(), Translators::compile, clock,
                DragomanProperties.Overrides.NONE);
        reloader = new Reloader(models, events::add, registry, clock);
    }

    @Test
    void reportsTheStartupLoadUntilAnythingReloads() {
        ReloadStatus status = reloader.status();

        assertThat(status.outcome()).isEqualTo(Outcome.LOADED);
        assertThat(status.trigger()).isEqualTo(Reloader.STARTUP);
        assertThat(status.modelVersion()).isEqualTo(1);
        assertThat(status.errors()).isEmpty();
        assertThat(registry.get("dragoman.reload.last.success").gauge().value()).isEqualTo(1);
        assertThat(registry.get("dragoman.model.version").gauge().value()).isEqualTo(1);
        assertThat(registry.get("dragoman.reloads").tag("outcome", "loaded").counter().count()).isZero();
        assertThat(registry.get("dragoman.reloads").tag("outcome", "failed").counter().count()).isZero();
    }

    @Test
    void servesAGoodEdit_andRebuildsTheRoutes() throws IOException {
        ServedModel before = models.current();
        write("games.yaml", TWO_GAMES);

        ReloadStatus status = reloader.reload(Reloader.WATCH);

        assertThat(status.outcome()).isEqualTo(Outcome.LOADED);
        assertThat(status.trigger()).isEqualTo(Reloader.WATCH);
        assertThat(status.at()).isEqualTo(clock.instant());
        assertThat(status.modelVersion()).isEqualTo(2);
        assertThat(status.lastSuccessAt()).isEqualTo(models.current().loadedAt());
        assertThat(models.current()).isNotSameAs(before);
        assertThat(models.current().version()).isEqualTo(2);
        assertThat(translatedPath("/games/2")).isEqualTo("/games/1002");
        assertThat(events).hasSize(1).first().isInstanceOf(RefreshRoutesEvent.class);
        assertThat(registry.get("dragoman.reloads").tag("outcome", "loaded").counter().count()).isEqualTo(1);
        assertThat(registry.get("dragoman.reload.last.success").gauge().value()).isEqualTo(1);
        assertThat(registry.get("dragoman.model.version").gauge().value()).isEqualTo(2);
    }

    @Test
    void keepsServingTheOldModelWhenAnEditDoesNotLoad_namingFileAndLine() throws IOException {
        ServedModel before = models.current();
        write("games.yaml", TWO_GAMES);
        write("nobody.yaml", UNKNOWN_CONTEXT);

        ReloadStatus status = reloader.reload(Reloader.ADMIN);

        assertThat(status.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(status.trigger()).isEqualTo(Reloader.ADMIN);
        assertThat(status.modelVersion()).isEqualTo(1);
        assertThat(status.lastSuccessAt()).isEqualTo(before.loadedAt());
        assertThat(status.errors()).isNotEmpty().allSatisfy(error -> {
            assertThat(error.file()).endsWith("nobody.yaml");
            assertThat(error.line()).isEqualTo(3);
        });
        assertThat(status.errors().get(0).located()).contains("nobody.yaml:3: ").contains("nobody");
        assertThat(models.current()).isSameAs(before);
        assertThat(translatedPath("/games/2")).as("the half-good edit is not served either").isEqualTo("/games/2");
        assertThat(events).isEmpty();
        assertThat(registry.get("dragoman.reloads").tag("outcome", "failed").counter().count()).isEqualTo(1);
        assertThat(registry.get("dragoman.reload.last.success").gauge().value()).isZero();
        assertThat(registry.get("dragoman.model.version").gauge().value()).isEqualTo(1);
    }

    @Test
    void refusesMapsThatAreNotYaml() throws IOException {
        write("games.yaml", ONE_GAME + "  oops: [unclosed\n");

        ReloadStatus status = reloader.reload(Reloader.WATCH);

        assertThat(status.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(status.errors()).first().satisfies(error -> {
            assertThat(error.file()).endsWith("games.yaml");
            assertThat(error.line()).isPositive();
        });
    }

    @Test
    void logsEveryErrorAsFileLineKeyPathMessage_andASummary(CapturedOutput output) throws IOException {
        write("nobody.yaml", UNKNOWN_CONTEXT);

        ReloadStatus status = reloader.reload(Reloader.WATCH);

        assertThat(output.getOut()).contains("WARN").contains(status.errors().get(0).toString())
                .contains("nobody.yaml:3: routes[0].from: ")
                .contains("Refused the context maps in " + maps.toAbsolutePath().normalize() + " (watch): ")
                .contains("still serving model version 1");
    }

    @Test
    void recoversOnTheNextGoodEdit() throws IOException {
        write("nobody.yaml", UNKNOWN_CONTEXT);
        reloader.reload(Reloader.WATCH);
        Files.delete(maps.resolve("nobody.yaml"));
        write("games.yaml", TWO_GAMES);

        ReloadStatus status = reloader.reload(Reloader.WATCH);

        assertThat(status.outcome()).isEqualTo(Outcome.LOADED);
        assertThat(status.modelVersion()).isEqualTo(2);
        assertThat(registry.get("dragoman.reloads").tag("outcome", "failed").counter().count()).isEqualTo(1);
        assertThat(registry.get("dragoman.reloads").tag("outcome", "loaded").counter().count()).isEqualTo(1);
        assertThat(registry.get("dragoman.reload.last.success").gauge().value()).isEqualTo(1);
    }

    @Test
    void reloadsUnchangedMapsAsANewVersion() {
        ReloadStatus status = reloader.reload(Reloader.ADMIN);

        assertThat(status.outcome()).isEqualTo(Outcome.LOADED);
        assertThat(status.modelVersion()).isEqualTo(2);
    }

    @Test
    void healthDetailsListTheErrorsOfARefusedReload_cappedAtTwenty() throws IOException {
        StringBuilder many = new StringBuilder("routes:\n");
        for (int i = 0; i < 25; i++) {
            many.append("  - {id: r").append(i).append(", from: nobody, to: game-dept, path: /r").append(i)
                    .append("/**, upstream: 'http://127.0.0.1:9'}\n");
        }
        write("many.yaml", many.toString());

        Map<String, Object> details = ReloadConfiguration.healthDetails(reloader.reload(Reloader.WATCH));

        assertThat(details).containsEntry("outcome", "FAILED").containsEntry("trigger", "watch").containsEntry("modelVersion", 1L);
        assertThat(details.get("errorCount")).isEqualTo(reloader.status().errors().size());
        assertThat((List<?>) details.get("errors")).hasSize(ReloadConfiguration.HEALTH_ERRORS)
                .allSatisfy(error -> assertThat((String) error).contains("many.yaml:"));
    }

    private String translatedPath(String path) {
        return models.current().translators().route("web-support-to-game-dept").orElseThrow().request().path(path).text();
    }

    private void write(String file, String content) throws IOException {
        Files.writeString(maps.resolve(file), content);
    }
}
