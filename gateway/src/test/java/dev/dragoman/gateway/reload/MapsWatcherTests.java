package dev.dragoman.gateway.reload;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapsWatcherTests {

    static final Duration DEBOUNCE = Duration.ofMillis(500);

    @TempDir
    Path maps;

    final AtomicInteger reloads = new AtomicInteger();
    MapsWatcher watcher;

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.stop();
        }
    }

    @Test
    void oneBurstOfEditsIsOneReload() throws IOException {
        watching();

        Files.writeString(maps.resolve(".games.yaml.swp"), "x");
        Files.writeString(maps.resolve("games.yaml.tmp"), "contexts: {}");
        Files.move(maps.resolve("games.yaml.tmp"), maps.resolve("games.yaml"), StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(maps.resolve("games.csv"), "web-support.code\n1\n");
        Files.delete(maps.resolve(".games.yaml.swp"));

        await().atMost(Duration.ofSeconds(10)).until(() -> reloads.get() == 1);
        await().during(DEBOUNCE.multipliedBy(2)).atMost(DEBOUNCE.multipliedBy(4)).until(() -> reloads.get() == 1);
    }

    @Test
    void eachBurstAfterAQuietPeriodIsAReloadOfItsOwn() throws IOException {
        watching();

        Files.writeString(maps.resolve("games.yaml"), "a");
        await().atMost(Duration.ofSeconds(10)).until(() -> reloads.get() == 1);
        Files.writeString(maps.resolve("games.yaml"), "b");

        await().atMost(Duration.ofSeconds(10)).until(() -> reloads.get() == 2);
    }

    @Test
    void seesEditsInSubdirectories_evenOnesCreatedWhileWatching() throws IOException {
        Files.createDirectories(maps.resolve("tables"));
        watching();

        Files.writeString(maps.resolve("tables/games.csv"), "web-support.code\n1\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> reloads.get() == 1);
        Files.createDirectories(maps.resolve("more"));
        await().atMost(Duration.ofSeconds(10)).until(() -> reloads.get() == 2);
        Files.writeString(maps.resolve("more/users.csv"), "web-support.id\n1\n");

        await().atMost(Duration.ofSeconds(10)).until(() -> reloads.get() == 3);
    }

    @Test
    void watchesTheDirectoryAgainOnceItIsBack() throws IOException {
        Path live = Files.createDirectories(maps.resolve("live"));
        watcher = new MapsWatcher(live, DEBOUNCE, reloads::incrementAndGet);
        watcher.start();

        Files.delete(live);
        await().atMost(Duration.ofSeconds(10)).until(() -> reloads.get() == 1);
        Files.createDirectories(live);
        await().atMost(Duration.ofSeconds(10)).until(() -> reloads.get() == 2);
        Files.writeString(live.resolve("games.yaml"), "a");

        await().atMost(Duration.ofSeconds(10)).until(() -> reloads.get() == 3);
    }

    @Test
    void watchesNothingOnceStopped() throws IOException {
        watching();

        watcher.stop();
        Files.writeString(maps.resolve("games.yaml"), "a");

        await().during(DEBOUNCE.multipliedBy(2)).atMost(DEBOUNCE.multipliedBy(4)).until(() -> reloads.get() == 0 && !watcher.isRunning());
    }

    @Test
    void readsAgainWhileTheMapsLookHalfWritten_withoutAnotherEdit() throws IOException {
        watcher = new MapsWatcher(maps, DEBOUNCE, () -> reloads.incrementAndGet() < 3);
        watcher.start();

        Files.writeString(maps.resolve("games.csv"), "web-support.code\n1");

        await().atMost(Duration.ofSeconds(10)).until(() -> reloads.get() == 3);
        await().during(DEBOUNCE.multipliedBy(2)).atMost(DEBOUNCE.multipliedBy(4)).until(() -> reloads.get() == 3);
    }

    private void watching() {
        watcher = new MapsWatcher(maps, DEBOUNCE, reloads::incrementAndGet);
        watcher.start();
    }
}
