package dev.dragoman.gateway.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dragoman.gateway.config.DragomanProperties;
import dev.dragoman.gateway.model.ModelHolder;
import dev.dragoman.gateway.model.ServedModel;
import dev.dragoman.gateway.reload.ReloadStatus.Outcome;
import dev.dragoman.rules.ContextMaps;
import dev.dragoman.rules.Translators;
import dev.dragoman.rules.model.Scalar;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A table rewritten in place more slowly than the debounce is never served cut (issue 12,
 * finding 12): {@code S-175000,184000} read as {@code S-175000,184} sent code 184 upstream.
 */
@ExtendWith(OutputCaptureExtension.class)
class HalfWrittenMapsReloadTests {

    static final String MAPS = """
            contexts:
              shop:      {description: Shop}
              warehouse: {description: Warehouse}
            concepts:
              sku:
                keys: {shop: [id], warehouse: [code]}
                entries-file: skus.csv
            """;

    static final String HEADER = "shop.id,warehouse.code\n";
    /** The table served at first: S-175000 is 175000. */
    static final String OLD_TABLE = HEADER + "S-174999,183999\nS-175000,175000\n";
    /** The table an in-place rewrite leaves once it is done: S-175000 is 184000. */
    static final String NEW_TABLE = HEADER + "S-174999,183999\nS-175000,184000\n";
    /** Where the slow writer pauses: inside the last row, which reads {@code S-175000,184}. */
    static final int CUT = NEW_TABLE.length() - "000\n".length();

    @TempDir
    Path maps;

    final MovingClock clock = new MovingClock(Instant.parse("2030-01-02T03:04:05Z"));
    final MeterRegistry registry = new SimpleMeterRegistry();
    final List<Object> events = new ArrayList<>();
    /** The code of S-175000 in every model served, noted as each is swapped in. */
    final List<String> servedCodes = new CopyOnWriteArrayList<>();
    ModelHolder models;
    Reloader reloader;
    MapsWatcher watcher;

    @BeforeEach
    void servesTheOldTable() throws IOException {
        Files.writeString(maps.resolve("maps.yaml"), MAPS);
        Files.writeString(maps.resolve("skus.csv"), OLD_TABLE);
        models = new ModelHolder(maps, ContextMaps.load(maps).orElseThrow(), Translators::compile, clock,
                DragomanProperties.Overrides.NONE);
        reloader = new Reloader(models, event -> {
            events.add(event);
            servedCodes.add(code("S-175000"));
        }, registry, clock);
    }

    @AfterEach
    void stopWatching() {
        if (watcher != null) {
            watcher.stop();
        }
    }

    @Test
    void aTableCutInsideARowIsPending_andTheOldOneKeepsServing() throws IOException {
        ServedModel before = models.current();
        writeInPlace(NEW_TABLE.substring(0, CUT));

        ReloadStatus status = reloader.reload(Reloader.WATCH);

        assertThat(status.outcome()).isEqualTo(Outcome.PENDING);
        assertThat(status.modelVersion()).isEqualTo(before.version());
        assertThat(status.errors()).first().satisfies(error -> {
            assertThat(error.file()).endsWith("skus.csv");
            assertThat(error.message()).contains("does not end with a newline");
        });
        assertThat(models.current()).isSameAs(before);
        assertThat(code("S-175000")).isEqualTo("175000");
        assertThat(events).isEmpty();
        assertThat(registry.get("dragoman.reloads").tag("outcome", "failed").counter().count()).isZero();
        assertThat(registry.get("dragoman.reload.last.success").gauge().value()).as("waiting is not failing").isEqualTo(1);
    }

    @Test
    void theTableLoadsOnceItsLastRowIsWritten() throws IOException {
        writeInPlace(NEW_TABLE.substring(0, CUT));
        reloader.reload(Reloader.WATCH);
        Files.writeString(maps.resolve("skus.csv"), NEW_TABLE.substring(CUT), StandardOpenOption.APPEND);

        ReloadStatus status = reloader.reload(Reloader.WATCH);

        assertThat(status.outcome()).isEqualTo(Outcome.LOADED);
        assertThat(code("S-175000")).isEqualTo("184000");
    }

    @Test
    void aTableThatStaysHalfWrittenIsRefusedWithAWarning_afterTheBound(CapturedOutput output) throws IOException {
        writeInPlace(NEW_TABLE.substring(0, CUT));
        assertThat(reloader.reload(Reloader.WATCH).outcome()).isEqualTo(Outcome.PENDING);
        assertThat(output.getOut()).doesNotContain("WARN");
        clock.move(Reloader.INCOMPLETE_WARNING_AFTER.minusMillis(1));
        assertThat(reloader.reload(Reloader.WATCH).outcome()).isEqualTo(Outcome.PENDING);

        clock.move(Duration.ofMillis(1));
        ReloadStatus status = reloader.reload(Reloader.WATCH);

        assertThat(status.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(status.errors()).first().satisfies(error -> assertThat(error.located()).contains("skus.csv"));
        assertThat(output.getOut()).contains("WARN").contains("have looked half-written for 10 s")
                .contains("skus.csv: the last row does not end with a newline");
        assertThat(registry.get("dragoman.reloads").tag("outcome", "failed").counter().count()).isEqualTo(1);
        assertThat(registry.get("dragoman.reload.last.success").gauge().value()).isZero();
        assertThat(code("S-175000")).isEqualTo("175000");
    }

    @Test
    void aCompleteLoadStartsTheBoundAfresh() throws IOException {
        writeInPlace(NEW_TABLE.substring(0, CUT));
        reloader.reload(Reloader.WATCH);
        clock.move(Duration.ofSeconds(8));
        writeInPlace(NEW_TABLE);
        assertThat(reloader.reload(Reloader.WATCH).outcome()).isEqualTo(Outcome.LOADED);
        writeInPlace(OLD_TABLE.substring(0, OLD_TABLE.length() - 2));
        clock.move(Duration.ofSeconds(8));

        assertThat(reloader.reload(Reloader.WATCH).outcome()).isEqualTo(Outcome.PENDING);
    }

    @Test
    void anAdminReloadOfAHalfWrittenTableSaysWhy() throws IOException {
        writeInPlace(NEW_TABLE.substring(0, CUT));

        ReloadStatus status = reloader.reload(Reloader.ADMIN);

        assertThat(status.loaded()).isFalse();
        assertThat(status.errors().get(0).toString()).contains("skus.csv: the last row does not end with a newline")
                .contains("mv it into place");
    }

    @Test
    void aTableWrittenSlowlyInPlaceWhileWatchedIsNeverServedCut() throws IOException {
        watcher = new MapsWatcher(maps, Duration.ofMillis(100),
                () -> reloader.reload(Reloader.WATCH).outcome() == Outcome.PENDING);
        watcher.start();

        writeInPlace(NEW_TABLE.substring(0, CUT));
        await().atMost(Duration.ofSeconds(10)).until(() -> reloader.status().outcome() == Outcome.PENDING);
        assertThat(code("S-175000")).isEqualTo("175000");
        Files.writeString(maps.resolve("skus.csv"), NEW_TABLE.substring(CUT), StandardOpenOption.APPEND);
        await().atMost(Duration.ofSeconds(10)).until(() -> "184000".equals(code("S-175000")));

        assertThat(servedCodes).as("S-175000 in every model the watcher served").isNotEmpty().containsOnly("184000");
        assertThat(reloader.status().outcome()).isEqualTo(Outcome.LOADED);
    }

    @Test
    void halfWrittenMapsAreReadAgainWithoutAnotherEdit() throws IOException {
        watcher = new MapsWatcher(maps, Duration.ofMillis(100),
                () -> reloader.reload(Reloader.WATCH).outcome() == Outcome.PENDING);
        watcher.start();
        writeInPlace(NEW_TABLE.substring(0, CUT));
        await().atMost(Duration.ofSeconds(10)).until(() -> reloader.status().outcome() == Outcome.PENDING);

        clock.move(Reloader.INCOMPLETE_WARNING_AFTER);

        await().atMost(Duration.ofSeconds(10)).until(() -> reloader.status().outcome() == Outcome.FAILED);
        assertThat(code("S-175000")).isEqualTo("175000");
        assertThat(servedCodes).isEmpty();
    }

    /** The code the served model gives the shop's id, or "none". */
    private String code(String id) {
        return models.current().model().concepts().get("sku").table().translate("shop", "id", id, "warehouse", "code")
                .map(Scalar::text).orElse("none");
    }

    /** Rewrites the table in place, as {@code cat > skus.csv} does: same file, truncated, then written. */
    private void writeInPlace(String content) throws IOException {
        Files.write(maps.resolve("skus.csv"), content.getBytes(StandardCharsets.UTF_8), StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    /** A clock the test moves, so that the bound comes due without waiting for it. */
    static final class MovingClock extends Clock {
        private final AtomicReference<Instant> now;

        MovingClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void move(Duration by) {
            now.updateAndGet(instant -> instant.plus(by));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
